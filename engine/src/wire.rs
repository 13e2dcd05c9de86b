//! A compact binary form of a validated [`Pack`], for the browser app to embed.
//!
//! Why: decoding the embedded pack with serde's derived JSON deserializers cost about 270 KB of
//! wasm code (every `Fact<T>` and internally tagged enum instantiates serde's buffering
//! machinery). This codec is a few hundred lines of plain, monomorphic-friendly code: fields in
//! declaration order, lengths and integers as LEB128 varints, strings as UTF-8 bytes. Only the
//! app decodes it; build scripts encode it from a pack the loader has already validated.
//!
//! The format is private to one build: the app embeds the bytes its own `build.rs` wrote with the
//! same engine, so there is no versioning beyond a magic header. Decoding still never panics on
//! bad bytes: every read is bounds-checked, lengths are checked against the bytes left, nesting is
//! bounded, and dates and strings are validated; the error names the byte offset.
//!
//! Knows nothing of files, TOML, JSON or browsers; it mirrors `model` field by field (a field left
//! out of a `wire_struct!` list is a compile error, since the decoder builds the struct literally).

use crate::date::Date;
use crate::expr::{Expr, Literal, Op, Target};
use crate::fact::{Fact, Reading, Source};
use crate::model::*;
use crate::money::Cents;
use crate::text::Text;

/// The first bytes of an encoded pack.
const MAGIC: &[u8; 4] = b"CCP1";
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

/// A cursor over encoded bytes.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            at: 0,
            depth: 0,
        }
    }
    fn err<T>(&self, what: &'static str) -> Result<T, WireError> {
        Err(WireError { at: self.at, what })
    }
    fn byte(&mut self) -> Result<u8, WireError> {
        match self.bytes.get(self.at) {
            Some(&b) => {
                self.at += 1;
                Ok(b)
            }
            None => self.err("unexpected end"),
        }
    }
    fn slice(&mut self, n: usize) -> Result<&'a [u8], WireError> {
        match self.bytes.get(self.at..self.at.saturating_add(n)) {
            Some(s) => {
                self.at += n;
                Ok(s)
            }
            None => self.err("unexpected end"),
        }
    }
    fn varint(&mut self) -> Result<u64, WireError> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        self.err("integer too long")
    }
    /// A length that cannot exceed the bytes left (every element takes at least one byte).
    fn len(&mut self) -> Result<usize, WireError> {
        let n = self.varint()?;
        if n > (self.bytes.len() - self.at) as u64 {
            return self.err("length beyond the end");
        }
        Ok(n as usize)
    }
    /// A variant tag.
    fn tag(&mut self) -> Result<u8, WireError> {
        self.byte()
    }
    fn nest<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, WireError>) -> Result<T, WireError> {
        if self.depth >= MAX_DEPTH {
            return self.err("nested too deeply");
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }
}

/// A value with a binary form.
pub trait Wire: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError>;
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

/// Encodes a pack: the magic header, then the pack.
pub fn encode_pack(pack: &Pack) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    pack.put(&mut out);
    out
}

/// Decodes what [`encode_pack`] wrote; any other bytes give an error, never a panic.
pub fn decode_pack(bytes: &[u8]) -> Result<Pack, WireError> {
    let mut r = Reader::new(bytes);
    if r.slice(MAGIC.len()).ok() != Some(&MAGIC[..]) {
        return Err(WireError {
            at: 0,
            what: "not an encoded rule pack",
        });
    }
    let pack = Pack::take(&mut r)?;
    if r.at != bytes.len() {
        return r.err("bytes after the end of the pack");
    }
    Ok(pack)
}

// ---- primitives ----

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => r.err("not a boolean"),
        }
    }
}

macro_rules! wire_unsigned {
    ($($t:ty),*) => { $(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                put_varint(*self as u64, out);
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
                let v = r.varint()?;
                <$t>::try_from(v).or_else(|_| r.err("integer out of range"))
            }
        }
    )* };
}
wire_unsigned!(u8, u32, u64, usize);

impl Wire for i64 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(zigzag(*self), out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(unzigzag(r.varint()?))
    }
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let n = r.len()?;
        let at = r.at;
        let s = r.slice(n)?;
        match std::str::from_utf8(s) {
            Ok(s) => Ok(s.to_owned()),
            Err(_) => Err(WireError {
                at,
                what: "text is not UTF-8",
            }),
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
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let n = r.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::take(r)?);
        }
        Ok(v)
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
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        match r.tag()? {
            0 => Ok(None),
            1 => Ok(Some(T::take(r)?)),
            _ => r.err("not an option tag"),
        }
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok((A::take(r)?, B::take(r)?))
    }
}

impl Wire for Date {
    fn put(&self, out: &mut Vec<u8>) {
        i64::from(self.year()).put(out);
        out.push(self.month() as u8);
        out.push(self.day() as u8);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let y = i64::take(r)?;
        let m = r.byte()?;
        let d = r.byte()?;
        match i32::try_from(y)
            .ok()
            .and_then(|y| Date::new(y, m.into(), d.into()))
        {
            Some(date) => Ok(date),
            None => r.err("not a calendar date"),
        }
    }
}

impl Wire for Cents {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(Cents(i64::take(r)?))
    }
}

// ---- structs and field-less enums ----

/// Fields in declaration order. The decoder builds the struct literally, so a missing field is a
/// compile error.
macro_rules! wire_struct {
    ($($t:ident { $($f:ident),* $(,)? })*) => { $(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $( self.$f.put(out); )*
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
                Ok($t { $( $f: Wire::take(r)?, )* })
            }
        }
    )* };
}

/// Field-less enums as their index in the list. The `match` in `put` makes a missing variant a
/// compile error.
macro_rules! wire_unit_enum {
    ($($t:ident { $($v:ident),* $(,)? })*) => { $(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                const ALL: &[$t] = &[$($t::$v),*];
                match self { $( $t::$v )|* => {} }
                let i = ALL.iter().position(|v| v == self).unwrap_or(0);
                out.push(i as u8);
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
                const ALL: &[$t] = &[$($t::$v),*];
                let i = r.tag()?;
                match ALL.get(usize::from(i)) {
                    Some(v) => Ok(*v),
                    None => r.err(concat!("unknown ", stringify!($t))),
                }
            }
        }
    )* };
}

wire_struct! {
    Text { en, es }
    Source { id, href, title, checked }
    Pack { checked_on, questions, organisations, settlements }
    Question { id, kind, text, why, hint, not_sure, ask_if }
    ChoiceOption { id, text }
    Organisation { id, name, aliases, incidents, not_to_confuse, note, note_source }
    Settlement {
        id, name, incident_family, detail, summary, sources, case, incident, class, subclasses,
        claimants, benefits, groups, combine, caps, fund, deadlines, next_steps, keep, after_close,
        rulings, state_question,
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
    RulingOutcome { Survived, Dismissed, Abandoned }
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
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(Reading {
            value: T::take(r)?,
            source: Wire::take(r)?,
            quote: Wire::take(r)?,
            note: Wire::take(r)?,
        })
    }
}

impl<T: Wire> Wire for Fact<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Fact::Known { main, also } => {
                out.push(0);
                main.put(out);
                also.put(out);
            }
            Fact::Unverified { reason } => {
                out.push(1);
                reason.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        match r.tag()? {
            0 => Ok(Fact::Known {
                main: Wire::take(r)?,
                also: Wire::take(r)?,
            }),
            1 => Ok(Fact::Unverified {
                reason: Wire::take(r)?,
            }),
            _ => r.err("unknown Fact"),
        }
    }
}

impl Wire for QuestionKind {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            QuestionKind::YesNo => out.push(0),
            QuestionKind::Choice { options } => {
                out.push(1);
                options.put(out);
            }
            QuestionKind::Organisations => out.push(2),
            QuestionKind::State => out.push(3),
            QuestionKind::Money => out.push(4),
            QuestionKind::Hours => out.push(5),
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(match r.tag()? {
            0 => QuestionKind::YesNo,
            1 => QuestionKind::Choice {
                options: Wire::take(r)?,
            },
            2 => QuestionKind::Organisations,
            3 => QuestionKind::State,
            4 => QuestionKind::Money,
            5 => QuestionKind::Hours,
            _ => return r.err("unknown QuestionKind"),
        })
    }
}

impl Wire for BenefitKind {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            BenefitKind::Monitoring {
                years,
                bureaus,
                insurance,
            } => {
                out.push(0);
                years.put(out);
                bureaus.put(out);
                insurance.put(out);
            }
            BenefitKind::DocumentedLosses {
                cap,
                inputs,
                window,
            } => {
                out.push(1);
                cap.put(out);
                inputs.put(out);
                window.put(out);
            }
            BenefitKind::LostTime {
                rate,
                max_hours,
                step_minutes,
                counts_toward,
                proof,
                input,
            } => {
                out.push(2);
                rate.put(out);
                max_hours.put(out);
                step_minutes.put(out);
                counts_toward.put(out);
                proof.put(out);
                input.put(out);
            }
            BenefitKind::FlatCash {
                amount,
                approximate,
            } => {
                out.push(3);
                amount.put(out);
                approximate.put(out);
            }
            BenefitKind::ProRataCash { amount } => {
                out.push(4);
                amount.put(out);
            }
            BenefitKind::StatutoryAward { amount } => {
                out.push(5);
                amount.put(out);
            }
            BenefitKind::Service => out.push(6),
            BenefitKind::Enrollment => out.push(7),
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(match r.tag()? {
            0 => BenefitKind::Monitoring {
                years: Wire::take(r)?,
                bureaus: Wire::take(r)?,
                insurance: Wire::take(r)?,
            },
            1 => BenefitKind::DocumentedLosses {
                cap: Wire::take(r)?,
                inputs: Wire::take(r)?,
                window: Wire::take(r)?,
            },
            2 => BenefitKind::LostTime {
                rate: Wire::take(r)?,
                max_hours: Wire::take(r)?,
                step_minutes: Wire::take(r)?,
                counts_toward: Wire::take(r)?,
                proof: Wire::take(r)?,
                input: Wire::take(r)?,
            },
            3 => BenefitKind::FlatCash {
                amount: Wire::take(r)?,
                approximate: Wire::take(r)?,
            },
            4 => BenefitKind::ProRataCash {
                amount: Wire::take(r)?,
            },
            5 => BenefitKind::StatutoryAward {
                amount: Wire::take(r)?,
            },
            6 => BenefitKind::Service,
            7 => BenefitKind::Enrollment,
            _ => return r.err("unknown BenefitKind"),
        })
    }
}

impl Wire for Combo {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Combo::Benefit(id) => {
                out.push(0);
                id.put(out);
            }
            Combo::Group(id, inner) => {
                out.push(1);
                id.put(out);
                inner.put(out);
            }
            Combo::AllOf(v) => {
                out.push(2);
                v.put(out);
            }
            Combo::OneOf(v) => {
                out.push(3);
                v.put(out);
            }
            Combo::AnyOf(v) => {
                out.push(4);
                v.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.nest(|r| {
            Ok(match r.tag()? {
                0 => Combo::Benefit(Wire::take(r)?),
                1 => Combo::Group(Wire::take(r)?, Box::new(Wire::take(r)?)),
                2 => Combo::AllOf(Wire::take(r)?),
                3 => Combo::OneOf(Wire::take(r)?),
                4 => Combo::AnyOf(Wire::take(r)?),
                _ => return r.err("unknown Combo"),
            })
        })
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (**self).put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(Box::new(T::take(r)?))
    }
}

impl Wire for Literal {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Literal::Word(w) => {
                out.push(0);
                w.put(out);
            }
            Literal::Money(c) => {
                out.push(1);
                c.put(out);
            }
            Literal::Number(n) => {
                out.push(2);
                n.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(match r.tag()? {
            0 => Literal::Word(Wire::take(r)?),
            1 => Literal::Money(Wire::take(r)?),
            2 => Literal::Number(Wire::take(r)?),
            _ => return r.err("unknown Literal"),
        })
    }
}

impl Wire for Target {
    fn put(&self, out: &mut Vec<u8>) {
        let (tag, id) = match self {
            Target::Org(id) => (0, id),
            Target::Incident(id) => (1, id),
        };
        out.push(tag);
        id.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(match r.tag()? {
            0 => Target::Org(Wire::take(r)?),
            1 => Target::Incident(Wire::take(r)?),
            _ => return r.err("unknown Target"),
        })
    }
}

impl Wire for Expr {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Expr::All(v) => {
                out.push(0);
                v.put(out);
            }
            Expr::Any(v) => {
                out.push(1);
                v.put(out);
            }
            Expr::Not(e) => {
                out.push(2);
                e.put(out);
            }
            Expr::Cmp(q, op, lit) => {
                out.push(3);
                q.put(out);
                op.put(out);
                lit.put(out);
            }
            Expr::In(q, words) => {
                out.push(4);
                q.put(out);
                words.put(out);
            }
            Expr::Includes(q, t) => {
                out.push(5);
                q.put(out);
                t.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        r.nest(|r| {
            Ok(match r.tag()? {
                0 => Expr::All(Wire::take(r)?),
                1 => Expr::Any(Wire::take(r)?),
                2 => Expr::Not(Wire::take(r)?),
                3 => Expr::Cmp(Wire::take(r)?, Wire::take(r)?, Wire::take(r)?),
                4 => Expr::In(Wire::take(r)?, Wire::take(r)?),
                5 => Expr::Includes(Wire::take(r)?, Wire::take(r)?),
                _ => return r.err("unknown Expr"),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_round_trip_at_their_edges() {
        for v in [0i64, 1, -1, 63, -64, 64, i64::MAX, i64::MIN, 1 << 40] {
            let mut out = Vec::new();
            v.put(&mut out);
            assert_eq!(i64::take(&mut Reader::new(&out)), Ok(v));
        }
        for v in [0u64, 127, 128, 16_383, 16_384, u64::MAX] {
            let mut out = Vec::new();
            v.put(&mut out);
            assert_eq!(u64::take(&mut Reader::new(&out)), Ok(v));
        }
    }

    #[test]
    fn a_varint_too_large_for_its_type_is_an_error() {
        let mut out = Vec::new();
        300u64.put(&mut out);
        assert!(u8::take(&mut Reader::new(&out)).is_err());
        // Eleven continuation bytes never end a u64.
        assert!(u64::take(&mut Reader::new(&[0xff; 11])).is_err());
    }

    #[test]
    fn a_length_beyond_the_bytes_left_is_refused_before_allocating() {
        let mut out = Vec::new();
        put_varint(u64::MAX >> 1, &mut out);
        let e = Vec::<u8>::take(&mut Reader::new(&out)).unwrap_err();
        assert_eq!(e.what, "length beyond the end");
    }

    #[test]
    fn invalid_text_and_dates_are_errors() {
        assert_eq!(
            String::take(&mut Reader::new(&[2, 0xc3, 0x28])).unwrap_err().what,
            "text is not UTF-8"
        );
        // 2023-02-30
        let mut out = Vec::new();
        2023i64.put(&mut out);
        out.extend([2, 30]);
        assert_eq!(
            Date::take(&mut Reader::new(&out)).unwrap_err().what,
            "not a calendar date"
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        // Not(Not(Not(...))) a million deep.
        let bytes = vec![2u8; 1_000_000];
        assert_eq!(
            Expr::take(&mut Reader::new(&bytes)).unwrap_err().what,
            "nested too deeply"
        );
    }

    #[test]
    fn other_bytes_are_not_a_pack() {
        assert!(decode_pack(b"").is_err());
        assert!(decode_pack(b"{\"checked_on\":\"2026-11-24\"}").is_err());
    }
}
