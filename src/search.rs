//! Finding organisations by any name a person remembers: case- and accent-insensitive
//! substring matching over names and aliases, plus a small edit distance for typos
//! ("Conexin", "Jons Hopkins", "comcst"). Words common to many names ("mobile", "health",
//! "bank") never match on their own, and typos are forgiven only in the words that name
//! something ("T-Mobile" does not find "Xfinity Mobile" or "AT&T Mobility").

use crate::org_index::Name;
use claimcheck_engine::model::Organisation;

/// Lower case, accents removed, punctuation dropped, spaces collapsed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for ch in text.chars() {
        let c = fold(ch);
        if is_word_char(c) {
            out.push(c.to_ascii_lowercase());
            space = false;
        } else if (c.is_whitespace() || c == '-' || c == '/' || c == '&' || c == ',') && !space {
            out.push(' ');
            space = true;
        }
        // Other punctuation (apostrophes, dots, parentheses) simply disappears: "Nat'l" -> "natl".
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Typed text echoed inside a sentence, between Unicode isolates (FSI ... PDI), so right-to-left
/// text or a stray override character (U+202E) cannot reorder the rest of the sentence.
pub fn isolate(typed: &str) -> String {
    format!("\u{2068}{typed}\u{2069}")
}

/// A letter or digit for matching. Organisation names are Latin script, and `fold` has already
/// turned accented Latin letters into ASCII, so ASCII letters and digits are tested exactly;
/// any other character counts as part of a word unless it is a space or punctuation. This keeps
/// the Unicode property and case tables (about 25 KB of wasm) out of the app.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !(c.is_whitespace()
        || ('\u{a0}'..='\u{bf}').contains(&c)
        || c == '×'
        || c == '÷'
        || ('\u{2000}'..='\u{206f}').contains(&c)
        || ('\u{3000}'..='\u{303f}').contains(&c))
}

fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' | 'ã' | 'å' | 'Á' | 'À' | 'Ä' | 'Â' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'õ' | 'Ó' | 'Ò' | 'Ö' | 'Ô' | 'Õ' => 'o',
        'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        '’' | '‘' => '\'',
        other => other,
    }
}

/// Optimal string alignment distance (Levenshtein plus adjacent swaps), over chars.
pub fn distance(a: &[char], b: &[char]) -> usize {
    distance_in(a, b, &mut Vec::new())
}

/// [`distance`] with the caller's scratch rows, so the embed's few comparisons and the search's
/// share one implementation.
fn distance_in(a: &[char], b: &[char], rows: &mut Vec<usize>) -> usize {
    table(a, b, |j| j == 0, usize::MAX, rows);
    rows[(a.len() % 3) * (b.len() + 1) + b.len()]
}

/// The smallest [`distance`] between `q` and any stretch `n[s..e]` of the name (from a word
/// start only, when `word_starts`), or some number above `cap` when it is above `cap`. One
/// table for every stretch at once: its first row holds how far each column is from the
/// nearest allowed start (0 everywhere when any start will do), so each cell is the best over
/// the starts before it, and the last row the best for each end. (A stretch within the typos
/// allowed is always of about the query's length.)
fn closest_stretch(
    q: &[char],
    n: &[char],
    word_starts: bool,
    cap: usize,
    rows: &mut Vec<usize>,
) -> usize {
    if !table(q, n, |j| !word_starts || n[j - 1] == ' ', cap, rows) {
        return cap.saturating_add(1);
    }
    let w = n.len() + 1;
    let last = (q.len() % 3) * w;
    rows[last..last + w]
        .iter()
        .copied()
        .min()
        .unwrap_or(usize::MAX)
}

/// Fills the optimal string alignment table of `a` against `b`, three rows kept in `rows`
/// (row `i` at `(i % 3) * (b.len() + 1)`). Row 0 is 0 at every column where a stretch of `b`
/// may start (`start(j)` for j > 0; column 0 always does) and counts up from there to the
/// next. Stops early, returning false, once two rows in a row have every cell above `cap`: no
/// later row can then come back within it (a cell is at best one more than a cell of the
/// row before or, by a swap, of the row before that).
fn table(
    a: &[char],
    b: &[char],
    start: impl Fn(usize) -> bool,
    cap: usize,
    rows: &mut Vec<usize>,
) -> bool {
    let w = b.len() + 1;
    rows.clear();
    rows.resize(3 * w, 0);
    for j in 1..w {
        rows[j] = if start(j) { 0 } else { rows[j - 1] + 1 };
    }
    let mut above = [false, false];
    for i in 1..=a.len() {
        let (cur, prev, prev2) = ((i % 3) * w, ((i - 1) % 3) * w, ((i + 1) % 3) * w);
        rows[cur] = i;
        let mut row_min = i;
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev + j] + 1)
                .min(rows[cur + j - 1] + 1)
                .min(rows[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[prev2 + j - 2] + 1);
            }
            rows[cur + j] = v;
            row_min = row_min.min(v);
        }
        above = [above[1], row_min > cap];
        if above == [true, true] {
            return false;
        }
    }
    true
}

/// Typos allowed for a query of this many characters.
fn allowed(len: usize) -> usize {
    match len {
        // Four letters with a typo match too much ("acme" finds "Americold").
        0..=4 => 0,
        5..=6 => 1,
        _ => 2,
    }
}

/// A query ready to compare: its text, chars and allowed typos.
struct Query<'a> {
    text: &'a str,
    chars: Vec<char>,
    limit: usize,
}

impl<'a> Query<'a> {
    fn new(text: &'a str) -> Query<'a> {
        let chars: Vec<char> = text.chars().collect();
        let limit = allowed(chars.len());
        Query { text, chars, limit }
    }

    /// Whether a name holding the characters of `mask` could be within the allowed typos:
    /// every query character the name lacks needs an edit of its own.
    fn could_be_typo_of(&self, mask: u64) -> bool {
        let lacking = self
            .chars
            .iter()
            .filter(|&&c| mask & crate::org_index::bit(c) == 0)
            .count();
        lacking <= self.limit
    }
}

/// How well `query` (normalized) matches `name` (normalized): lower is better.
fn score(query: &Query, name: &Name, rows: &mut Vec<usize>) -> Option<u32> {
    exact(query, name).or_else(|| typo(query, name, rows))
}

/// The query found as it is in the name: 0 the whole name, 1 its start, 2 a word's start,
/// 3 inside a word.
fn exact(query: &Query, name: &Name) -> Option<u32> {
    let (query_text, text) = (query.text, name.text.as_str());
    if query_text.is_empty() {
        return None;
    }
    if text == query_text {
        return Some(0);
    }
    if text.starts_with(query_text) {
        return Some(1);
    }
    let pos = text.find(query_text)?;
    // A match at a word start beats one inside a word.
    let word_start = text[..pos].ends_with(' ');
    Some(if word_start { 2 } else { 3 })
}

/// The query found in the name within the typos its length allows: 10 plus the typos.
fn typo(query: &Query, name: &Name, rows: &mut Vec<usize>) -> Option<u32> {
    let (q, limit) = (&query.chars, query.limit);
    if limit == 0 || q.is_empty() || !query.could_be_typo_of(name.mask) {
        return None;
    }
    // Short queries only from the start of a word, to avoid noise. A one-word query is
    // compared with stretches of one word ("Conexin" is not two typos from "zone in" in
    // "AutoZone Inc").
    let short = q.len() < 7;
    let best = if q.contains(&' ') {
        closest_stretch(q, &name.chars, short, limit, rows)
    } else {
        name.chars
            .split(|&c| c == ' ')
            .filter(|w| !w.is_empty())
            .map(|w| closest_stretch(q, w, short, limit, rows))
            .min()
            .unwrap_or(usize::MAX)
    };
    (best <= limit).then(|| 10 + best as u32)
}

/// One search hit: the organisation's index and, when it matched through another name,
/// that name (to show "also known as").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub via: Option<String>,
    score: u32,
}

/// Words shared by too many organisation names to pick one out (normalized), one string so
/// that the list costs no table of pointers in the wasm.
const GENERIC: &str = "and bank banking benefit benefits cable care center centre clinic \
    communications community company compliance corp credit data dental federal financial \
    first group health healthcare hospital inc insurance llc medical medicine mobile mobility \
    mutual national of partners pharmacy plan savings school services software solutions \
    systems the union wireless";

pub fn is_generic(word: &str) -> bool {
    GENERIC.split_ascii_whitespace().any(|g| g == word)
}

/// How `query` matches `name`: a generic-only query as a whole name, or (two words or more)
/// as a name's first whole words, so "health" alone never matches "Health First Colorado";
/// typos only within the query's distinctive words (so the whole query is only looked for as
/// it is).
fn score_name(q: &Query, distinctive: &Query, name: &Name, rows: &mut Vec<usize>) -> Option<u32> {
    if distinctive.text.is_empty() {
        let (q, name) = (q.text, name.text.as_str());
        let whole = name == q || (q.contains(' ') && name.starts_with(&[q, " "].concat()));
        return whole.then_some(1);
    }
    match exact(q, name) {
        Some(s) => Some(s),
        None if distinctive.chars.len() >= 4 => score(distinctive, name, rows).map(|s| s + 20),
        None => None,
    }
}

/// Organisations matching the query, best first, at most `limit`. The names are prepared
/// once per list (`org_index`); only the best `limit` hits are kept while scanning, in the
/// order a stable sort by (score, name) would give them.
pub fn search(orgs: &'static [Organisation], query: &str, limit: usize) -> Vec<Hit> {
    // A keystroke searches twice (the live count, then the list drawn): the second is kept.
    type Last = Option<((usize, usize), String, usize, Vec<Hit>)>;
    thread_local! {
        static LAST: std::cell::RefCell<Last> = const { std::cell::RefCell::new(None) };
    }
    let key = (orgs.as_ptr() as usize, orgs.len());
    let same = |l: &Last| matches!(l, Some((k, q, n, _)) if *k == key && q == query && *n == limit);
    if let Some(hits) = LAST
        .with(|l| same(&l.borrow()).then(|| l.borrow().as_ref().map(|x| x.3.clone())))
        .flatten()
    {
        return hits;
    }
    let hits = search_all(orgs, query, limit);
    LAST.with(|l| *l.borrow_mut() = Some((key, query.to_string(), limit, hits.clone())));
    hits
}

fn search_all(orgs: &'static [Organisation], query: &str, limit: usize) -> Vec<Hit> {
    let index = crate::org_index::index(orgs);
    let q = normalize(query);
    if q.is_empty() || limit == 0 {
        return Vec::new();
    }
    let distinctive = q
        .split(' ')
        .filter(|w| !is_generic(w))
        .collect::<Vec<_>>()
        .join(" ");
    let (q, distinctive) = (Query::new(&q), Query::new(&distinctive));
    let mut rows = Vec::new();
    let mut hits: Vec<Hit> = Vec::with_capacity(limit + 1);
    for (index, (o, names)) in orgs.iter().zip(&index.names).enumerate() {
        let mut best: Option<(u32, usize)> = None;
        for (k, name) in names.iter().enumerate() {
            if let Some(s) = score_name(&q, &distinctive, name, &mut rows) {
                if best.is_none_or(|(b, _)| s < b) {
                    best = Some((s, k));
                }
            }
        }
        if let Some((score, k)) = best {
            let via = (k > 0).then(|| o.aliases[k - 1].clone());
            keep_best(&mut hits, Hit { index, via, score }, limit, orgs);
        }
    }
    hits
}

/// Inserts `hit` after every kept hit that ranks before or level with it (stable), keeping at
/// most `limit`.
fn keep_best(hits: &mut Vec<Hit>, hit: Hit, limit: usize, orgs: &[Organisation]) {
    let after = |a: &Hit| {
        a.score
            .cmp(&hit.score)
            .then_with(|| orgs[a.index].name.cmp(&orgs[hit.index].name))
            .is_le()
    };
    let at = hits.iter().take_while(|a| after(a)).count();
    if at < limit {
        hits.insert(at, hit);
        hits.truncate(limit);
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{fill, K};
    use claimcheck_engine::text::Lang;

    #[test]
    fn echoed_text_is_isolated_so_overrides_cannot_reorder_the_sentence() {
        let said = fill(K::OrgNoMatch, Lang::En, &[&isolate("\u{202E}abc")]);
        let start = said.find('\u{2068}').expect("an opening isolate");
        let end = said.find('\u{2069}').expect("a closing isolate");
        assert!(start < said.find('\u{202E}').unwrap() && said.find('\u{202E}').unwrap() < end);
        // Everything after the typed text sits outside the isolate.
        assert!(said[end..].contains("Try another name"), "{said}");
        // Search itself ignores the invisible controls.
        assert_eq!(normalize("\u{202E}con\u{200B}nexin\u{2069}"), "connexin");
    }

    use super::*;

    fn org(id: &str, name: &str, aliases: &[&str]) -> Organisation {
        Organisation {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            incidents: vec![],
            not_to_confuse: vec![],
            note: None,
            note_source: None,
        }
    }

    fn ids(orgs: &'static [Organisation], q: &str) -> Vec<String> {
        search(orgs, q, 10)
            .into_iter()
            .map(|h| orgs[h.index].id.clone())
            .collect()
    }

    #[test]
    fn one_table_finds_the_closest_stretch_as_every_stretch_compared_alone() {
        // Brute force, as the search did before: every stretch from an allowed start, of
        // about the query's length, compared on its own.
        fn brute(q: &[char], n: &[char], word_starts: bool) -> usize {
            let limit = allowed(q.len());
            let (lo, hi) = (q.len().saturating_sub(limit).max(1), q.len() + limit);
            let mut best = usize::MAX;
            for start in 0..n.len() {
                if word_starts && start > 0 && n[start - 1] != ' ' {
                    continue;
                }
                for len in lo..=hi.min(n.len() - start) {
                    best = best.min(distance(q, &n[start..start + len]));
                }
            }
            best
        }
        let mut x: u64 = 5;
        let mut pick = |n: usize| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize % n
        };
        let alphabet = ['a', 'b', 'c', ' '];
        let (mut rows, mut close) = (Vec::new(), 0);
        for _ in 0..20_000 {
            let q: Vec<char> = (0..4 + pick(6)).map(|_| alphabet[pick(3)]).collect();
            let n: Vec<char> = (0..pick(24)).map(|_| alphabet[pick(4)]).collect();
            let limit = allowed(q.len());
            for word_starts in [true, false] {
                let (one, each) = (
                    closest_stretch(&q, &n, word_starts, limit, &mut rows),
                    brute(&q, &n, word_starts),
                );
                // Within the typos allowed, the same distance; beyond, both beyond.
                assert_eq!(one.min(limit + 1), each.min(limit + 1), "{q:?} in {n:?}");
                close += usize::from(each <= limit);
            }
        }
        assert!(close > 2_000, "only {close} close stretches compared");
    }

    #[test]
    fn normalizes_case_accents_and_punctuation() {
        assert_eq!(
            normalize("  Nat'l Student   Clearinghouse "),
            "natl student clearinghouse"
        );
        assert_eq!(normalize("SALUD Médica"), "salud medica");
        assert_eq!(normalize("AT&T"), "at t");
        assert_eq!(normalize("Nat’l — Clearinghouse"), "natl clearinghouse");
        assert_eq!(normalize("COMPAÑÍA ÇA"), "compania ca");
        assert_eq!(normalize("東京 Bank"), "東京 bank");
    }

    #[test]
    fn finds_by_name_alias_and_typo() {
        let orgs: &'static [Organisation] = Vec::leak(vec![
            org(
                "connexin",
                "Connexin Software (Office Practicum)",
                &["Office Practicum"],
            ),
            org("comcast", "Comcast (Xfinity)", &["Xfinity"]),
            org(
                "johns-hopkins",
                "Johns Hopkins",
                &["Johns Hopkins Medicine"],
            ),
            org("nsc", "National Student Clearinghouse", &["NSC"]),
            org("nsc-technologies", "NSC Technologies", &[]),
        ]);
        assert_eq!(ids(orgs, "office")[0], "connexin");
        assert_eq!(ids(orgs, "OFFICE PRACTICUM")[0], "connexin");
        assert_eq!(ids(orgs, "conexin")[0], "connexin");
        assert_eq!(ids(orgs, "comcst")[0], "comcast");
        assert_eq!(ids(orgs, "xfinty")[0], "comcast");
        assert_eq!(ids(orgs, "jons hopkins")[0], "johns-hopkins");
        assert_eq!(ids(orgs, "nsc")[0], "nsc");
        assert!(ids(orgs, "nsc").contains(&"nsc-technologies".to_string()));
        assert!(ids(orgs, "zzzz").is_empty());
        assert!(ids(orgs, "").is_empty());
        let hit = &search(orgs, "xfinity", 5)[0];
        assert_eq!(hit.via.as_deref(), Some("Xfinity"));
    }

    #[test]
    fn generic_words_alone_never_match() {
        let orgs: &'static [Organisation] = Vec::leak(vec![
            org("comcast", "Comcast (Xfinity)", &["Xfinity Mobile"]),
            org("att", "AT&T", &["AT&T Mobility", "AT&T Wireless"]),
            org("healthec", "HealthEC", &[]),
            org("cfmc", "Community First Medical Center", &[]),
            org("evolve", "Evolve Bank & Trust", &["Evolve Bank"]),
        ]);
        for q in [
            "mobile",
            "Health",
            "bank",
            "medical center",
            "T-Mobile",
            "T Mobile bank",
        ] {
            assert!(ids(orgs, q).is_empty(), "{q}: {:?}", ids(orgs, q));
        }
        // Names are still found, whole or by their distinctive word, typos included.
        assert_eq!(ids(orgs, "community first"), vec!["cfmc"]);
        assert_eq!(ids(orgs, "evolve bank"), vec!["evolve"]);
        assert_eq!(ids(orgs, "evolv bank"), vec!["evolve"]);
        assert_eq!(ids(orgs, "AT&T"), vec!["att"]);
        assert_eq!(ids(orgs, "xfinity mobile"), vec!["comcast"]);
        assert_eq!(ids(orgs, "healthec"), vec!["healthec"]);
    }

    #[test]
    fn real_directory_typos() {
        let p = crate::pack::pack();
        let first = |q: &str| {
            search(&p.organisations, q, 5)
                .first()
                .map(|h| p.organisations[h.index].id.clone())
        };
        assert_eq!(first("office practicum").as_deref(), Some("connexin"));
        assert_eq!(first("Office Practicom").as_deref(), Some("connexin"));
        let all = |q: &str| -> Vec<String> {
            search(&p.organisations, q, 8)
                .iter()
                .map(|h| p.organisations[h.index].id.clone())
                .collect()
        };
        assert_eq!(all("Conexin"), vec!["connexin"]);
        assert_eq!(first("Jons Hopkins").as_deref(), Some("johns-hopkins"));
        // A name not in the directory finds nothing (it is then said plainly).
        assert_eq!(first("Acme Mutual Insurance"), None);
        // Generic words alone find nothing in the real directory either.
        for q in [
            "health",
            "Health",
            "bank",
            "mobile",
            "medical",
            "credit union",
        ] {
            assert_eq!(first(q), None, "{q}");
        }
    }
}
