//! Finding organisations by any name a person remembers: case- and accent-insensitive
//! substring matching over names and aliases, plus a small edit distance for typos
//! ("Conexin", "Jons Hopkins", "comcst"). Words common to many names ("mobile", "health",
//! "bank") never match on their own, and typos are forgiven only in the words that name
//! something ("T-Mobile" does not find "Xfinity Mobile" or "AT&T Mobility").

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
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
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

/// How well `query` (normalized) matches `name` (normalized): lower is better.
fn score(query: &str, name: &str) -> Option<u32> {
    if query.is_empty() {
        return None;
    }
    if name == query {
        return Some(0);
    }
    if name.starts_with(query) {
        return Some(1);
    }
    if let Some(pos) = name.find(query) {
        // A match at a word start beats one inside a word.
        let word_start = name[..pos].ends_with(' ');
        return Some(if word_start { 2 } else { 3 });
    }
    let q: Vec<char> = query.chars().collect();
    let limit = allowed(q.len());
    if limit == 0 {
        return None;
    }
    let n: Vec<char> = name.chars().collect();
    // Compare with every stretch of the name of about the query's length.
    let mut best = usize::MAX;
    let lo = q.len().saturating_sub(limit).max(1);
    let hi = q.len() + limit;
    for start in 0..n.len() {
        if start > 0 && n[start - 1] != ' ' && q.len() < 7 {
            // Short queries: only from the start of a word, to avoid noise.
            continue;
        }
        for len in lo..=hi {
            if start + len > n.len() {
                break;
            }
            // A one-word query is compared with stretches of one word ("Conexin" is not
            // two typos from "zone in" in "AutoZone Inc").
            if !q.contains(&' ') && n[start..start + len].contains(&' ') {
                break;
            }
            best = best.min(distance(&q, &n[start..start + len]));
        }
    }
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
/// typos only within the query's distinctive words.
fn score_name(q: &str, distinctive: &str, name: &str) -> Option<u32> {
    if distinctive.is_empty() {
        let whole = name == q || (q.contains(' ') && name.starts_with(&[q, " "].concat()));
        return whole.then_some(1);
    }
    match score(q, name) {
        Some(s) if s < 10 => Some(s),
        _ if distinctive.chars().count() >= 4 => score(distinctive, name).map(|s| s + 20),
        _ => None,
    }
}

/// Organisations matching the query, best first, at most `limit`.
pub fn search(orgs: &[Organisation], query: &str, limit: usize) -> Vec<Hit> {
    let q = normalize(query);
    if q.is_empty() {
        return Vec::new();
    }
    let distinctive = q
        .split(' ')
        .filter(|w| !is_generic(w))
        .collect::<Vec<_>>()
        .join(" ");
    let mut hits: Vec<Hit> = Vec::new();
    for (index, o) in orgs.iter().enumerate() {
        let mut best: Option<(u32, Option<String>)> =
            score_name(&q, &distinctive, &normalize(&o.name)).map(|s| (s, None));
        for alias in &o.aliases {
            if let Some(s) = score_name(&q, &distinctive, &normalize(alias)) {
                if best.as_ref().is_none_or(|(b, _)| s < *b) {
                    best = Some((s, Some(alias.clone())));
                }
            }
        }
        if let Some((score, via)) = best {
            hits.push(Hit { index, via, score });
        }
    }
    crate::order::sort_by(&mut hits, |a, b| {
        a.score
            .cmp(&b.score)
            .then_with(|| orgs[a.index].name.cmp(&orgs[b.index].name))
    });
    hits.truncate(limit);
    hits
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

    fn ids(orgs: &[Organisation], q: &str) -> Vec<String> {
        search(orgs, q, 10)
            .into_iter()
            .map(|h| orgs[h.index].id.clone())
            .collect()
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
        let orgs = vec![
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
        ];
        assert_eq!(ids(&orgs, "office")[0], "connexin");
        assert_eq!(ids(&orgs, "OFFICE PRACTICUM")[0], "connexin");
        assert_eq!(ids(&orgs, "conexin")[0], "connexin");
        assert_eq!(ids(&orgs, "comcst")[0], "comcast");
        assert_eq!(ids(&orgs, "xfinty")[0], "comcast");
        assert_eq!(ids(&orgs, "jons hopkins")[0], "johns-hopkins");
        assert_eq!(ids(&orgs, "nsc")[0], "nsc");
        assert!(ids(&orgs, "nsc").contains(&"nsc-technologies".to_string()));
        assert!(ids(&orgs, "zzzz").is_empty());
        assert!(ids(&orgs, "").is_empty());
        let hit = &search(&orgs, "xfinity", 5)[0];
        assert_eq!(hit.via.as_deref(), Some("Xfinity"));
    }

    #[test]
    fn generic_words_alone_never_match() {
        let orgs = vec![
            org("comcast", "Comcast (Xfinity)", &["Xfinity Mobile"]),
            org("att", "AT&T", &["AT&T Mobility", "AT&T Wireless"]),
            org("healthec", "HealthEC", &[]),
            org("cfmc", "Community First Medical Center", &[]),
            org("evolve", "Evolve Bank & Trust", &["Evolve Bank"]),
        ];
        for q in [
            "mobile",
            "Health",
            "bank",
            "medical center",
            "T-Mobile",
            "T Mobile bank",
        ] {
            assert!(ids(&orgs, q).is_empty(), "{q}: {:?}", ids(&orgs, q));
        }
        // Names are still found, whole or by their distinctive word, typos included.
        assert_eq!(ids(&orgs, "community first"), vec!["cfmc"]);
        assert_eq!(ids(&orgs, "evolve bank"), vec!["evolve"]);
        assert_eq!(ids(&orgs, "evolv bank"), vec!["evolve"]);
        assert_eq!(ids(&orgs, "AT&T"), vec!["att"]);
        assert_eq!(ids(&orgs, "xfinity mobile"), vec!["comcast"]);
        assert_eq!(ids(&orgs, "healthec"), vec!["healthec"]);
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
