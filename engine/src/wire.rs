//! A compact binary form of a validated [`Pack`]: the pack files the browser app fetches.
//!
//! Why: decoding the embedded pack with serde's derived JSON deserializers cost about 270 KB of
//! wasm code (every `Fact<T>` and internally tagged enum instantiates serde's buffering
//! machinery). This codec is plain code: fields in declaration order, lengths and integers as
//! LEB128 varints, strings as UTF-8 bytes. Only the app decodes it; `claimcheck pack` encodes it
//! from a pack the loader has already validated.
//!
//! The app fetches these bytes as *pack files* (docs/pack-format.md), written by `claimcheck
//! pack` with the same engine version. The fourth byte of each magic header is the format's
//! major version ([`FORMAT_VERSION`]); [`file_version`] reads it so the app can name both
//! versions when it meets a newer pack instead of failing to decode it. Decoding still never panics on
//! bad bytes: every read is bounds-checked, lengths are checked against the bytes left, nesting is
//! bounded, and dates and strings are validated. The reader is *sticky*: the first problem is
//! recorded with its byte offset and every read after it yields an empty value (so decoding
//! stops quickly), and [`decode`] then returns that error. This keeps `Result` plumbing and
//! clean-up paths out of every field, which halves the decoder's code.
//!
//! Knows nothing of files, TOML, JSON or browsers; it mirrors `model` field by field (a field left
//! out of a `wire_struct!` list is a compile error, since the decoder builds the struct literally).

use crate::date::Date;
use crate::expr::{Expr, Literal, Op, Target};
use crate::fact::{Fact, Reading, Source};
use crate::model::*;
use crate::money::Cents;
use crate::text::{Lang, Text};

/// The first bytes of an encoded pack.
const MAGIC: &[u8; 4] = b"CCP2";
/// The pack format's major version: the digit ending the magic headers (`CCP2`, `CCD2`, `CCT2`).
/// A change that an older app cannot read raises it (2: a settlement's `unconfirmed` reasons).
pub const FORMAT_VERSION: u32 = 2;

/// The major version a pack file (structure or text table) declares in its magic header, or
/// `None` for bytes that are no pack file at all.
pub fn file_version(bytes: &[u8]) -> Option<u32> {
    match bytes {
        [b'C', b'C', b'P' | b'T' | b'D', d @ b'1'..=b'9', ..] => Some(u32::from(d - b'0')),
        _ => None,
    }
}

/// Deepest nesting of conditions and combinations the decoder accepts.
const MAX_DEPTH: u32 = 200;

/// Why bytes could not be decoded, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireError {
    pub at: usize,
    pub what: &'static str,
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "byte {}: {}", self.at, self.what)
    }
}

/// A cursor over encoded bytes that remembers the first problem.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: u32,
    error: Option<WireError>,
    texts: TextMode<'a>,
}

/// What the reader does with each [`Text`] it meets (see [`split_pack`]).
enum TextMode<'a> {
    /// The texts are inline, as [`encode_pack`] writes them.
    Inline,
    /// Keep each inline text aside, in order, and give an empty one in its place.
    Collect(Vec<Text>),
    /// The inline texts are empty: give the `next`th of each language's table instead (an empty
    /// string for a language whose table is not given).
    Tables {
        en: Option<&'a [String]>,
        es: Option<&'a [String]>,
        next: usize,
    },
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            at: 0,
            depth: 0,
            error: None,
            texts: TextMode::Inline,
        }
    }
    /// Records a problem (the first one wins); reads after it yield nothing.
    fn fail(&mut self, what: &'static str) {
        if self.error.is_none() {
            self.error = Some(WireError { at: self.at, what });
        }
        self.at = self.bytes.len();
    }
    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.at) {
            Some(&b) => {
                self.at += 1;
                b
            }
            None => {
                self.fail("unexpected end");
                0
            }
        }
    }
    fn slice(&mut self, n: usize) -> &'a [u8] {
        let bytes = self.bytes;
        match bytes.get(self.at..self.at.saturating_add(n)) {
            Some(s) => {
                self.at += n;
                s
            }
            None => {
                self.fail("unexpected end");
                &[]
            }
        }
    }
    fn varint(&mut self) -> u64 {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return v;
            }
        }
        self.fail("integer too long");
        0
    }
    /// A length that cannot exceed the bytes left (every element takes at least one byte).
    fn len(&mut self) -> usize {
        let n = self.varint();
        if n > (self.bytes.len() - self.at) as u64 {
            self.fail("length beyond the end");
            return 0;
        }
        n as usize
    }
    /// A variant tag.
    fn tag(&mut self) -> u8 {
        self.byte()
    }
    /// Runs `f` one level deeper, or gives `empty` past the nesting limit.
    fn nest<T>(&mut self, empty: T, f: impl FnOnce(&mut Self) -> T) -> T {
        if self.depth >= MAX_DEPTH {
            self.fail("nested too deeply");
            return empty;
        }
        self.depth += 1;
        let v = f(self);
        self.depth -= 1;
        v
    }
}

/// A value with a binary form.
pub trait Wire: Sized {
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a value; after a problem (recorded in the reader) the value is a placeholder.
    fn take(r: &mut Reader<'_>) -> Self;
}

fn put_varint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Reads exactly one `T` from `bytes`: any problem, or bytes left over, is an error.
pub fn decode<T: Wire>(bytes: &[u8]) -> Result<T, WireError> {
    let mut r = Reader::new(bytes);
    let v = T::take(&mut r);
    finish(r, v)
}

fn finish<T>(mut r: Reader<'_>, v: T) -> Result<T, WireError> {
    if r.error.is_none() && r.at != r.bytes.len() {
        r.fail("bytes after the end");
    }
    match r.error {
        Some(e) => Err(e),
        None => Ok(v),
    }
}

/// Encodes a pack: the magic header, then the pack.
pub fn encode_pack(pack: &Pack) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    pack.put(&mut out);
    out
}

/// Decodes what [`encode_pack`] wrote; any other bytes give an error, never a panic.
pub fn decode_pack(bytes: &[u8]) -> Result<Pack, WireError> {
    let mut r = Reader::new(bytes);
    if r.slice(MAGIC.len()) != &MAGIC[..] {
        return Err(WireError {
            at: 0,
            what: "not an encoded rule pack",
        });
    }
    let pack = Pack::take(&mut r);
    finish(r, pack)
}

/// The first bytes of a [`TextTable`] file.
const TEXTS_MAGIC: &[u8; 4] = b"CCT2";

/// One language's texts, kept apart from the pack's structure so that the app downloads only
/// the language a person reads (the other follows later, in the background).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextTable {
    pub lang: Lang,
    /// The pack's texts in this language, in the order the structure holds them.
    pub pack: Vec<String>,
    /// Texts the app adds (its interface), in the app's own order; the engine reads none.
    pub extra: Vec<String>,
}

/// Splits a pack into its structure (the encoded pack with every [`Text`] empty) and its texts,
/// in the order the structure holds them. [`decode_split`] puts them back together.
pub fn split_pack(pack: &Pack) -> (Vec<u8>, Vec<Text>) {
    let full = encode_pack(pack);
    let mut r = Reader::new(&full);
    r.texts = TextMode::Collect(Vec::new());
    r.slice(MAGIC.len());
    let blank = Pack::take(&mut r);
    let texts = match std::mem::replace(&mut r.texts, TextMode::Inline) {
        TextMode::Collect(all) => all,
        _ => Vec::new(),
    };
    (encode_pack(&blank), texts)
}

/// The structure's fingerprint (FNV-1a, 64 bits, as 16 hex digits): a text table names the
/// structure it belongs to, so texts from another build are refused instead of shown misplaced.
pub fn structure_hash(structure: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in structure {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (0..16)
        .map(|i| {
            let nibble = ((h >> (60 - 4 * i)) & 0xf) as u32;
            char::from_digit(nibble, 16).unwrap_or('0')
        })
        .collect()
}

/// Encodes one language's table for the structure whose [`structure_hash`] is `hash`.
pub fn encode_texts(t: &TextTable, hash: &str) -> Vec<u8> {
    let mut out = TEXTS_MAGIC.to_vec();
    out.push(lang_byte(t.lang));
    out.extend_from_slice(hash.as_bytes());
    t.pack.put(&mut out);
    t.extra.put(&mut out);
    out
}

/// The one byte a text table or a directory names its language by.
fn lang_byte(lang: Lang) -> u8 {
    match lang {
        Lang::En => 0,
        Lang::Es => 1,
    }
}

/// Reads what [`lang_byte`] wrote; any other byte fails the reader.
fn read_lang(r: &mut Reader) -> Lang {
    match r.byte() {
        0 => Lang::En,
        1 => Lang::Es,
        _ => {
            r.fail("unknown language");
            Lang::En
        }
    }
}

/// Decodes what [`encode_texts`] wrote, refusing a table made for another structure.
pub fn decode_texts(bytes: &[u8], hash: &str) -> Result<TextTable, WireError> {
    let mut r = Reader::new(bytes);
    if r.slice(TEXTS_MAGIC.len()) != &TEXTS_MAGIC[..] {
        return Err(WireError {
            at: 0,
            what: "not a text table",
        });
    }
    let lang = read_lang(&mut r);
    if r.slice(hash.len()) != hash.as_bytes() {
        r.fail("texts made for other rules");
    }
    let pack = Vec::take(&mut r);
    let extra = Vec::take(&mut r);
    finish(r, TextTable { lang, pack, extra })
}

/// The first bytes of a [`Directory`] file.
const DIRECTORY_MAGIC: &[u8; 4] = b"CCD2";

/// What the first question needs, in one language: the pack with no settlements (its date,
/// question bank and organisation directory, texts of `lang` only) and the app's texts in
/// `lang`. The whole pack (structure and both text tables) follows in the background.
#[derive(Clone, Debug, PartialEq)]
pub struct Directory {
    pub lang: Lang,
    pub pack: Pack,
    /// Texts the app adds (its interface), in the app's own order.
    pub extra: Vec<String>,
}

/// Encodes a directory file: the magic header, the language, the pack (texts inline), the
/// app's texts.
pub fn encode_directory(d: &Directory) -> Vec<u8> {
    let mut out = DIRECTORY_MAGIC.to_vec();
    out.push(lang_byte(d.lang));
    d.pack.put(&mut out);
    d.extra.put(&mut out);
    out
}

/// Decodes what [`encode_directory`] wrote; any other bytes give an error, never a panic.
pub fn decode_directory(bytes: &[u8]) -> Result<Directory, WireError> {
    let mut r = Reader::new(bytes);
    if r.slice(DIRECTORY_MAGIC.len()) != &DIRECTORY_MAGIC[..] {
        return Err(WireError {
            at: 0,
            what: "not a directory file",
        });
    }
    let lang = read_lang(&mut r);
    let pack = Pack::take(&mut r);
    let extra = Vec::take(&mut r);
    finish(r, Directory { lang, pack, extra })
}

/// The pack from its structure and the tables given (texts of a language not given are empty).
/// A table must hold exactly as many texts as the structure has, in its own language.
pub fn decode_split(
    structure: &[u8],
    en: Option<&TextTable>,
    es: Option<&TextTable>,
) -> Result<Pack, WireError> {
    let wrong = |what| Err(WireError { at: 0, what });
    if en.is_some_and(|t| t.lang != Lang::En) || es.is_some_and(|t| t.lang != Lang::Es) {
        return wrong("a text table in the wrong language");
    }
    let mut r = Reader::new(structure);
    r.texts = TextMode::Tables {
        en: en.map(|t| t.pack.as_slice()),
        es: es.map(|t| t.pack.as_slice()),
        next: 0,
    };
    if r.slice(MAGIC.len()) != &MAGIC[..] {
        return wrong("not an encoded rule pack");
    }
    let pack = Pack::take(&mut r);
    let read = match r.texts {
        TextMode::Tables { next, .. } => next,
        _ => 0,
    };
    if [en, es].iter().flatten().any(|t| t.pack.len() != read) {
        return wrong("the texts do not match the rules");
    }
    finish(r, pack)
}

// ---- primitives ----

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(r: &mut Reader<'_>) -> Self {
        match r.byte() {
            0 => false,
            1 => true,
            _ => {
                r.fail("not a boolean");
                false
            }
        }
    }
}

macro_rules! wire_unsigned {
    ($($t:ty),*) => { $(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                put_varint(*self as u64, out);
            }
            fn take(r: &mut Reader<'_>) -> Self {
                let v = r.varint();
                match <$t>::try_from(v) {
                    Ok(v) => v,
                    Err(_) => {
                        r.fail("integer out of range");
                        0
                    }
                }
            }
        }
    )* };
}
wire_unsigned!(u8, u32, u64, usize);

impl Wire for i64 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(zigzag(*self), out);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        unzigzag(r.varint())
    }
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let n = r.len();
        let s = r.slice(n);
        match std::str::from_utf8(s) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                r.fail("text is not UTF-8");
                String::new()
            }
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        for x in self {
            x.put(out);
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let n = r.len();
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::take(r));
        }
        v
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(x) => {
                out.push(1);
                x.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        match r.tag() {
            0 => None,
            1 => Some(T::take(r)),
            _ => {
                r.fail("not an option tag");
                None
            }
        }
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (**self).put(out);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        Box::new(T::take(r))
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let a = A::take(r);
        (a, B::take(r))
    }
}

impl Wire for Date {
    fn put(&self, out: &mut Vec<u8>) {
        i64::from(self.year()).put(out);
        out.push(self.month() as u8);
        out.push(self.day() as u8);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let y = i64::take(r);
        let m = r.byte();
        let d = r.byte();
        match i32::try_from(y)
            .ok()
            .and_then(|y| Date::new(y, m.into(), d.into()))
        {
            Some(date) => date,
            None => {
                r.fail("not a calendar date");
                Date::EPOCH
            }
        }
    }
}

impl Wire for Cents {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        Cents(i64::take(r))
    }
}

// ---- structs and field-less enums ----

/// Fields in declaration order. The decoder builds the struct literally, so a missing field is a
/// compile error; Rust evaluates struct-literal fields in the order written, which is the order
/// `put` writes them.
macro_rules! wire_struct {
    ($($t:ident { $($f:ident),* $(,)? })*) => { $(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $( self.$f.put(out); )*
            }
            fn take(r: &mut Reader<'_>) -> Self {
                $t { $( $f: Wire::take(r), )* }
            }
        }
    )* };
}

/// Field-less enums as their index in the list (the first is the placeholder after a problem).
/// The `match` in `put` makes a missing variant a compile error.
macro_rules! wire_unit_enum {
    ($($t:ident { $($v:ident),* $(,)? })*) => { $(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                const ALL: &[$t] = &[$($t::$v),*];
                match self { $( $t::$v )|* => {} }
                let i = ALL.iter().position(|v| v == self).unwrap_or(0);
                out.push(i as u8);
            }
            fn take(r: &mut Reader<'_>) -> Self {
                const ALL: &[$t] = &[$($t::$v),*];
                let i = r.tag();
                match ALL.get(usize::from(i)) {
                    Some(v) => *v,
                    None => {
                        r.fail(concat!("unknown ", stringify!($t)));
                        ALL[0]
                    }
                }
            }
        }
    )* };
}

impl Wire for Text {
    fn put(&self, out: &mut Vec<u8>) {
        self.en.put(out);
        self.es.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let inline = Text {
            en: String::take(r),
            es: String::take(r),
        };
        match &mut r.texts {
            TextMode::Inline => inline,
            TextMode::Collect(all) => {
                all.push(inline);
                Text::default()
            }
            TextMode::Tables { en, es, next } => {
                let pick = |t: &Option<&[String]>| {
                    t.and_then(|t| t.get(*next)).cloned().unwrap_or_default()
                };
                let text = Text {
                    en: pick(en),
                    es: pick(es),
                };
                *next += 1;
                text
            }
        }
    }
}

wire_struct! {
    Source { id, href, title, checked }
    Pack { checked_on, newest_source, questions, organisations, settlements }
    Question { id, kind, text, why, hint, not_sure, ask_if }
    ChoiceOption { id, text }
    Organisation { id, name, aliases, incidents, not_to_confuse, note, note_source }
    Settlement {
        id, name, name_es, incident_family, detail, summary, sources, case, incident, class, subclasses,
        claimants, benefits, groups, combine, caps, fund, deadlines, next_steps, keep, after_close,
        rulings, state_question, unconfirmed,
    }
    Case { title, number, court, judge, status, website, fund, administrator, related }
    RelatedCase { title, number, relation }
    Incident { start, end, discovered, people, data }
    Class { definition, certified, routes, exclusions }
    Route { id, when, level, reason, clause }
    Exclusion { id, when, reason, clause }
    Subclass { id, name, when, clause }
    Claimants { minor, deceased }
    Benefit { id, name, description, kind, only_for, evidence, needs_notice_id }
    Window { from, to, source }
    Group { id, name }
    Cap { id, amount, covers }
    Fund { class_size, deductions, other_benefits_sourced, payment_order }
    Deduction { what, amount }
    Deadline { kind, date, channels, time, zone, opens, note }
    Ruling { state, date, claim, outcome, source }
}

wire_unit_enum! {
    Detail { Full, Short }
    Status {
        LitigationPending, SettlementProposed, ClaimsOpen, ClaimsClosed, PayingOut,
        StatusUnknown, NoSettlementFound,
    }
    RouteLevel { Possible, Likely, Member }
    Proof { Attested, Documented }
    DeadlineKind { Claim, OptOut, Objection, FinalHearing, Enrollment }
    Channel { Online, Postmark, Received, Phone }
    Zone { ET, CT, MT, PT, AKT, HT, Unknown }
    RulingOutcome { Survived, Dismissed, Abandoned, Mixed }
    Op { Eq, Ne, Gt, Ge, Lt, Le }
}

// ---- enums with data, and generic structs ----

impl<T: Wire> Wire for Reading<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.value.put(out);
        self.source.put(out);
        self.quote.put(out);
        self.note.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        Reading {
            value: T::take(r),
            source: Wire::take(r),
            quote: Wire::take(r),
            note: Wire::take(r),
        }
    }
}

/// Writes a variant tag and then its fields.
macro_rules! put_variant {
    ($out:ident, $tag:expr $(, $f:expr)*) => {{
        $out.push($tag);
        $( $f.put($out); )*
    }};
}

impl<T: Wire> Wire for Fact<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Fact::Unverified { reason } => put_variant!(out, 0, reason),
            Fact::Known { main, also } => put_variant!(out, 1, main, also),
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        match r.tag() {
            1 => Fact::Known {
                main: Wire::take(r),
                also: Wire::take(r),
            },
            t => {
                if t != 0 {
                    r.fail("unknown Fact");
                }
                Fact::Unverified {
                    reason: Wire::take(r),
                }
            }
        }
    }
}

impl Wire for QuestionKind {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            QuestionKind::YesNo => out.push(0),
            QuestionKind::Choice { options } => put_variant!(out, 1, options),
            QuestionKind::Organisations => out.push(2),
            QuestionKind::State => out.push(3),
            QuestionKind::Money => out.push(4),
            QuestionKind::Hours => out.push(5),
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        match r.tag() {
            0 => QuestionKind::YesNo,
            1 => QuestionKind::Choice {
                options: Wire::take(r),
            },
            2 => QuestionKind::Organisations,
            3 => QuestionKind::State,
            4 => QuestionKind::Money,
            5 => QuestionKind::Hours,
            _ => {
                r.fail("unknown QuestionKind");
                QuestionKind::YesNo
            }
        }
    }
}

impl Wire for BenefitKind {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            BenefitKind::Service => out.push(0),
            BenefitKind::Monitoring {
                years,
                bureaus,
                insurance,
            } => put_variant!(out, 1, years, bureaus, insurance),
            BenefitKind::DocumentedLosses {
                cap,
                inputs,
                window,
            } => put_variant!(out, 2, cap, inputs, window),
            BenefitKind::LostTime {
                rate,
                max_hours,
                step_minutes,
                counts_toward,
                proof,
                input,
            } => put_variant!(
                out,
                3,
                rate,
                max_hours,
                step_minutes,
                counts_toward,
                proof,
                input
            ),
            BenefitKind::FlatCash {
                amount,
                approximate,
            } => put_variant!(out, 4, amount, approximate),
            BenefitKind::ProRataCash { amount } => put_variant!(out, 5, amount),
            BenefitKind::StatutoryAward { amount } => put_variant!(out, 6, amount),
            BenefitKind::Enrollment => out.push(7),
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        match r.tag() {
            0 => BenefitKind::Service,
            1 => BenefitKind::Monitoring {
                years: Wire::take(r),
                bureaus: Wire::take(r),
                insurance: Wire::take(r),
            },
            2 => BenefitKind::DocumentedLosses {
                cap: Wire::take(r),
                inputs: Wire::take(r),
                window: Wire::take(r),
            },
            3 => BenefitKind::LostTime {
                rate: Wire::take(r),
                max_hours: Wire::take(r),
                step_minutes: Wire::take(r),
                counts_toward: Wire::take(r),
                proof: Wire::take(r),
                input: Wire::take(r),
            },
            4 => BenefitKind::FlatCash {
                amount: Wire::take(r),
                approximate: Wire::take(r),
            },
            5 => BenefitKind::ProRataCash {
                amount: Wire::take(r),
            },
            6 => BenefitKind::StatutoryAward {
                amount: Wire::take(r),
            },
            7 => BenefitKind::Enrollment,
            _ => {
                r.fail("unknown BenefitKind");
                BenefitKind::Service
            }
        }
    }
}

impl Wire for Combo {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Combo::AllOf(v) => put_variant!(out, 0, v),
            Combo::Benefit(id) => put_variant!(out, 1, id),
            Combo::Group(id, inner) => put_variant!(out, 2, id, inner),
            Combo::OneOf(v) => put_variant!(out, 3, v),
            Combo::AnyOf(v) => put_variant!(out, 4, v),
            Combo::Unknown(v) => put_variant!(out, 5, v),
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        r.nest(Combo::AllOf(Vec::new()), |r| match r.tag() {
            1 => Combo::Benefit(Wire::take(r)),
            2 => {
                let id = Wire::take(r);
                Combo::Group(id, Wire::take(r))
            }
            3 => Combo::OneOf(Wire::take(r)),
            4 => Combo::AnyOf(Wire::take(r)),
            5 => Combo::Unknown(Wire::take(r)),
            t => {
                if t != 0 {
                    r.fail("unknown Combo");
                }
                Combo::AllOf(Wire::take(r))
            }
        })
    }
}

impl Wire for Literal {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Literal::Number(n) => put_variant!(out, 0, n),
            Literal::Money(c) => put_variant!(out, 1, c),
            Literal::Word(w) => put_variant!(out, 2, w),
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        match r.tag() {
            1 => Literal::Money(Wire::take(r)),
            2 => Literal::Word(Wire::take(r)),
            t => {
                if t != 0 {
                    r.fail("unknown Literal");
                }
                Literal::Number(Wire::take(r))
            }
        }
    }
}

impl Wire for Target {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Target::Org(id) => put_variant!(out, 0, id),
            Target::Incident(id) => put_variant!(out, 1, id),
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        match r.tag() {
            1 => Target::Incident(Wire::take(r)),
            t => {
                if t != 0 {
                    r.fail("unknown Target");
                }
                Target::Org(Wire::take(r))
            }
        }
    }
}

impl Wire for Expr {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Expr::All(v) => put_variant!(out, 0, v),
            Expr::Any(v) => put_variant!(out, 1, v),
            Expr::Not(e) => put_variant!(out, 2, e),
            Expr::Cmp(q, op, lit) => put_variant!(out, 3, q, op, lit),
            Expr::In(q, words) => put_variant!(out, 4, q, words),
            Expr::Includes(q, t) => put_variant!(out, 5, q, t),
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        r.nest(Expr::All(Vec::new()), |r| match r.tag() {
            1 => Expr::Any(Wire::take(r)),
            2 => Expr::Not(Wire::take(r)),
            3 => {
                let q = Wire::take(r);
                let op = Wire::take(r);
                Expr::Cmp(q, op, Wire::take(r))
            }
            4 => {
                let q = Wire::take(r);
                Expr::In(q, Wire::take(r))
            }
            5 => {
                let q = Wire::take(r);
                Expr::Includes(q, Wire::take(r))
            }
            t => {
                if t != 0 {
                    r.fail("unknown Expr");
                }
                Expr::All(Wire::take(r))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes<T: Wire>(v: &T) -> Vec<u8> {
        let mut out = Vec::new();
        v.put(&mut out);
        out
    }

    #[test]
    fn a_pack_file_declares_its_major_version() {
        let t = TextTable {
            lang: Lang::Es,
            pack: vec![],
            extra: vec![],
        };
        assert_eq!(
            file_version(&encode_texts(&t, "0123456789abcdef")),
            Some(FORMAT_VERSION)
        );
        assert_eq!(file_version(b"CCP7rest"), Some(7));
        assert_eq!(file_version(b"CCT2"), Some(2));
        for other in [&b""[..], b"CC", b"CCX1", b"CCP0", b"<!doctype html>"] {
            assert_eq!(file_version(other), None, "{other:?}");
        }
    }

    #[test]
    fn a_directory_round_trips_and_a_cut_one_is_refused() {
        let d = Directory {
            lang: Lang::Es,
            pack: Pack {
                checked_on: Date::EPOCH,
                newest_source: Date::parse("2026-08-31"),
                questions: Vec::new(),
                organisations: Vec::new(),
                settlements: Vec::new(),
            },
            extra: vec!["Hola".into(), "¿Qué?".into()],
        };
        let bytes = encode_directory(&d);
        assert_eq!(file_version(&bytes), Some(FORMAT_VERSION));
        assert_eq!(decode_directory(&bytes), Ok(d));
        assert!(decode_directory(&bytes[..bytes.len() - 1]).is_err());
        assert!(decode_directory(b"CCP2").is_err());
    }

    #[test]
    fn integers_round_trip_at_their_edges() {
        for v in [0i64, 1, -1, 63, -64, 64, i64::MAX, i64::MIN, 1 << 40] {
            assert_eq!(decode::<i64>(&bytes(&v)), Ok(v));
        }
        for v in [0u64, 127, 128, 16_383, 16_384, u64::MAX] {
            assert_eq!(decode::<u64>(&bytes(&v)), Ok(v));
        }
        assert_eq!(bytes(&300u64), vec![0xac, 0x02]);
    }

    #[test]
    fn a_varint_too_large_for_its_type_is_an_error() {
        assert_eq!(
            decode::<u8>(&bytes(&300u64)).unwrap_err().what,
            "integer out of range"
        );
        // Ten continuation bytes never end a u64.
        assert_eq!(
            decode::<u64>(&[0xff; 11]).unwrap_err().what,
            "integer too long"
        );
    }

    #[test]
    fn a_length_beyond_the_bytes_left_is_refused_before_allocating() {
        let e = decode::<Vec<u8>>(&bytes(&(u64::MAX >> 1))).unwrap_err();
        assert_eq!(
            e,
            WireError {
                at: 9,
                what: "length beyond the end"
            }
        );
    }

    #[test]
    fn invalid_text_and_dates_are_errors() {
        assert_eq!(
            decode::<String>(&[2, 0xc3, 0x28]).unwrap_err().what,
            "text is not UTF-8"
        );
        // 2023-02-30
        let mut out = bytes(&2023i64);
        out.extend([2, 30]);
        assert_eq!(
            decode::<Date>(&out).unwrap_err().what,
            "not a calendar date"
        );
        assert_eq!(decode::<bool>(&[2]).unwrap_err().what, "not a boolean");
        assert_eq!(
            decode::<Option<u8>>(&[7]).unwrap_err().what,
            "not an option tag"
        );
    }

    #[test]
    fn the_first_problem_is_the_one_reported() {
        // A bad boolean at byte 0, then a truncated string: the boolean is reported.
        let e = decode::<(bool, String)>(&[9, 5, b'a']).unwrap_err();
        assert_eq!(
            e,
            WireError {
                at: 1,
                what: "not a boolean"
            }
        );
        let e = decode::<(bool, bool)>(&[1, 1, 0]).unwrap_err();
        assert_eq!(e.what, "bytes after the end");
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        // Not(Not(Not(...))) a million deep.
        let bytes = vec![2u8; 1_000_000];
        assert_eq!(
            decode::<Expr>(&bytes).unwrap_err().what,
            "nested too deeply"
        );
    }

    #[test]
    fn every_variant_of_the_enums_with_data_round_trips() {
        let exprs = [
            Expr::All(vec![Expr::Any(vec![])]),
            Expr::Not(Box::new(Expr::In(
                "state".into(),
                vec!["CA".into(), "OR".into()],
            ))),
            Expr::Cmp("costs".into(), Op::Ge, Literal::Money(Cents(100))),
            Expr::Cmp("hours".into(), Op::Lt, Literal::Number(-3)),
            Expr::Cmp("claimant".into(), Op::Ne, Literal::Word("minor".into())),
            Expr::Includes("notice".into(), Target::Org("acme".into())),
            Expr::Includes("notice".into(), Target::Incident("moveit".into())),
        ];
        for e in exprs {
            assert_eq!(decode::<Expr>(&bytes(&e)), Ok(e));
        }
        let combo = Combo::OneOf(vec![
            Combo::Benefit("a".into()),
            Combo::Group(
                "g".into(),
                Box::new(Combo::AllOf(vec![Combo::Benefit("b".into())])),
            ),
            Combo::AnyOf(vec![]),
        ]);
        assert_eq!(decode::<Combo>(&bytes(&combo)), Ok(combo));
        let facts: [Fact<u32>; 2] = [
            Fact::Unverified {
                reason: Text::new("why", "por qué"),
            },
            Fact::Known {
                main: Reading {
                    value: 3,
                    source: 1,
                    quote: Some("three".into()),
                    note: None,
                },
                also: vec![Reading {
                    value: 4,
                    source: 0,
                    quote: None,
                    note: Some(Text::new("n", "n")),
                }],
            },
        ];
        for f in facts {
            assert_eq!(decode::<Fact<u32>>(&bytes(&f)), Ok(f));
        }
    }

    #[test]
    fn other_bytes_are_not_a_pack() {
        assert!(decode_pack(b"").is_err());
        assert!(decode_pack(b"{\"checked_on\":\"2026-11-24\"}").is_err());
    }
}
