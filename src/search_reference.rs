//! The organisation search as it was before `org_index` (every name normalized and compared
//! on every keystroke, every hit sorted), kept as the reference the indexed search must match
//! hit for hit, in order. Test code only.

use crate::search::{is_generic, normalize};
use claimcheck_engine::model::Organisation;

/// Optimal string alignment distance (Levenshtein plus adjacent swaps), over chars.
fn distance(a: &[char], b: &[char]) -> usize {
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
            // A one-word query is compared with stretches of one word.
            if !q.contains(&' ') && n[start..start + len].contains(&' ') {
                break;
            }
            best = best.min(distance(&q, &n[start..start + len]));
        }
    }
    (best <= limit).then(|| 10 + best as u32)
}

/// How `query` matches `name`: a generic-only query as a whole name, or (two words or more)
/// as a name's first whole words;
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
pub fn search(
    orgs: &[Organisation],
    query: &str,
    limit: usize,
) -> Vec<(usize, Option<String>, u32)> {
    let q = normalize(query);
    if q.is_empty() {
        return Vec::new();
    }
    let distinctive = q
        .split(' ')
        .filter(|w| !is_generic(w))
        .collect::<Vec<_>>()
        .join(" ");
    let mut hits: Vec<(usize, Option<String>, u32)> = Vec::new();
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
            hits.push((index, via, score));
        }
    }
    crate::order::sort_by(&mut hits, |a, b| {
        a.2.cmp(&b.2)
            .then_with(|| orgs[a.0].name.cmp(&orgs[b.0].name))
    });
    hits.truncate(limit);
    hits
}

#[cfg(test)]
mod tests {
    use super::search as reference;
    use crate::search::search;
    use claimcheck_engine::model::Organisation;

    /// A small deterministic generator (no dependency).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n
        }
    }

    const SYLLABLES: &[&str] = &[
        "an", "bel", "cor", "dan", "el", "fro", "gar", "hal", "in", "jor", "kel", "lum", "mar",
        "nor", "ost", "pel", "quin", "ros", "sal", "tor", "ul", "ver", "wil", "zen", "ñu", "é",
    ];
    const KINDS: &[&str] = &[
        "Health",
        "Bank",
        "Medical Center",
        "Credit Union",
        "Software",
        "Insurance",
        "Dental Partners",
        "Pharmacy",
        "School District",
        "Logistics",
        "Hospital",
        "Labs",
    ];

    fn word(r: &mut Rng) -> String {
        (0..2 + r.next(2))
            .map(|_| SYLLABLES[r.next(SYLLABLES.len())])
            .collect()
    }

    /// The real directory and generated organisations shaped like scripts/synth.py's, some
    /// sharing words (so ties, aliases and typos compete), some with accents and punctuation.
    fn directory(r: &mut Rng) -> &'static [Organisation] {
        let mut orgs = crate::pack::pack().organisations.clone();
        for i in 0..120 {
            let base = word(r);
            let kind = KINDS[r.next(KINDS.len())];
            let name = match r.next(4) {
                0 => format!("{base} {kind}"),
                1 => format!("The {base}-{} {kind}", word(r)),
                2 => format!("{base} & {}, Inc.", word(r)),
                _ => base.to_uppercase(),
            };
            let aliases = (0..r.next(4))
                .map(|k| match k {
                    0 => base.clone(),
                    1 => format!("{base} {}", &kind[..3]),
                    _ => format!("{} {base}", word(r)),
                })
                .collect();
            orgs.push(Organisation {
                id: format!("gen-{i}"),
                name,
                aliases,
                incidents: vec![],
                not_to_confuse: vec![],
                note: None,
                note_source: None,
            });
        }
        Vec::leak(orgs)
    }

    /// What a person types: prefixes, words, typos (a letter dropped, doubled, swapped or
    /// changed), generic words, case and accent changes, and noise.
    fn queries(orgs: &[Organisation], r: &mut Rng) -> Vec<String> {
        let mut out: Vec<String> = [
            "",
            " ",
            "a",
            "co",
            "bank",
            "the",
            "health care",
            "mobile",
            "at&t",
            "t-mobile",
            "medical center",
            "zzzz",
            "nat'l",
            "東京",
            "–",
            "ñ",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for _ in 0..40 {
            let o = &orgs[r.next(orgs.len())];
            let pick = r.next(o.aliases.len() + 1);
            let name: Vec<char> = if pick == 0 {
                &o.name
            } else {
                &o.aliases[pick - 1]
            }
            .chars()
            .collect();
            let cut = 1 + r.next(name.len().max(1));
            let mut q: Vec<char> = name[..cut.min(name.len())].to_vec();
            let i = r.next(q.len().max(1));
            match r.next(6) {
                0 if q.len() > 1 => {
                    q.remove(i);
                }
                1 => q.insert(i, q.get(i).copied().unwrap_or('x')),
                2 if i + 1 < q.len() => q.swap(i, i + 1),
                3 if !q.is_empty() => {
                    q[i] = SYLLABLES[r.next(SYLLABLES.len())]
                        .chars()
                        .next()
                        .unwrap_or('q')
                }
                4 => q = q.iter().flat_map(|c| c.to_uppercase()).collect(),
                _ => {}
            }
            out.push(q.into_iter().collect());
            out.push(
                name[name.len().saturating_sub(1 + r.next(9))..]
                    .iter()
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn the_indexed_search_ranks_exactly_as_the_full_scan_did() {
        let mut r = Rng(12);
        let orgs = directory(&mut r);
        let qs = queries(orgs, &mut r);
        let mut compared = 0;
        let mut fuzzy = 0;
        for q in &qs {
            let all = reference(orgs, q, usize::MAX);
            for limit in [1, 8, 50] {
                let new: Vec<(usize, Option<String>)> = search(orgs, q, limit)
                    .into_iter()
                    .map(|h| (h.index, h.via))
                    .collect();
                let old: Vec<(usize, Option<String>)> =
                    all.iter().take(limit).map(|h| (h.0, h.1.clone())).collect();
                assert_eq!(new, old, "query {q:?}, limit {limit}");
            }
            compared += usize::from(!all.is_empty());
            fuzzy += usize::from(all.first().is_some_and(|h| h.2 >= 10));
        }
        // The comparison is not vacuous: most queries find something, many only through typos.
        assert!(compared * 3 > qs.len() * 2, "{compared} of {}", qs.len());
        assert!(fuzzy > 5, "only {fuzzy} typo matches compared");
    }
}
