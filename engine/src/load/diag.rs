//! Rule-file diagnostics: `rules/<id>/<file>:LINE:COL: what is wrong — how to fix it`, byte
//! spans turned into lines and columns, and "did you mean" suggestions.
//!
//! Knows nothing of the rule model.

use std::fmt;
use std::ops::Range;

/// One problem in a rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub fix: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {} — {}",
            self.file, self.line, self.col, self.message, self.fix
        )
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

/// Collects errors for one file.
pub struct FileDiag<'a> {
    pub file: String,
    pub text: &'a str,
    pub errors: Vec<RuleError>,
}

impl<'a> FileDiag<'a> {
    pub fn new(file: impl Into<String>, text: &'a str) -> FileDiag<'a> {
        FileDiag {
            file: file.into(),
            text,
            errors: Vec::new(),
        }
    }
    pub fn at(&mut self, span: Range<usize>, message: impl Into<String>, fix: impl Into<String>) {
        let (line, col) = line_col(self.text, span.start);
        self.errors.push(RuleError {
            file: self.file.clone(),
            line,
            col,
            message: message.into(),
            fix: fix.into(),
        });
    }
    /// A TOML syntax or shape error from the toml crate, with a suggestion for unknown keys.
    pub fn toml_error(&mut self, e: &toml::de::Error) {
        let span = e.span().unwrap_or(0..0);
        let msg = e.message().trim().to_string();
        let fix = unknown_field_fix(&msg)
            .or_else(|| reason_fix(&msg))
            .unwrap_or_else(|| "see rules/README.md for the format".to_string());
        self.at(span, msg.replace('\n', " "), fix);
    }
}

/// For serde's "unknown field `x`, expected one of `a`, `b`", suggests the closest field.
fn unknown_field_fix(msg: &str) -> Option<String> {
    let rest = msg.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    if TOP_LEVEL_KEYS.contains(&field) && !expected.contains(&field) {
        return Some(format!(
            "`{field}` is a top-level key, but TOML puts every key written after a [table] or [[table]] header inside that table: move `{field}` above the first [..] header of the file"
        ));
    }
    match did_you_mean(field, expected.iter().copied()) {
        Some(s) => Some(format!("did you mean `{s}`?")),
        None => Some(format!(
            "remove `{field}`; allowed here: {}",
            expected.join(", ")
        )),
    }
}

/// For an `unverified` reason of the wrong type (`raw::RawReason` expects a bilingual table).
fn reason_fix(msg: &str) -> Option<String> {
    msg.contains("expected a reason in English and Spanish").then(|| {
        "write unverified = { en = \"...\", es = \"...\" } (Spanish wording: see docs/glossary-es.md)".to_string()
    })
}

/// Keys that belong at the top of settlement.toml.
const TOP_LEVEL_KEYS: [&str; 12] = [
    "id",
    "name",
    "name_es",
    "incident_family",
    "detail",
    "summary",
    "next_steps",
    "keep",
    "after_close",
    "state_question",
    "checked_on",
    "newest_source",
];

/// Edit distance (Levenshtein), on characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest candidate within a plausible typo distance.
pub fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| {
            // A candidate that one is a prefix of counts as a near miss ("notice_org" -> "notice").
            let prefix =
                c.len() >= 3 && word.len() >= 3 && (word.starts_with(c) || c.starts_with(word));
            (if prefix { 1 } else { distance(word, c) }, c)
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// "— did you mean `x`?" or a list of what exists.
pub fn suggest<'c>(
    word: &str,
    what: &str,
    candidates: impl IntoIterator<Item = &'c str> + Clone,
) -> String {
    match did_you_mean(word, candidates.clone()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => {
            let all: Vec<&str> = candidates.into_iter().take(12).collect();
            if all.is_empty() {
                format!("define the {what} first")
            } else {
                format!("use one of the {what}s: {}", all.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_suggestions() {
        assert_eq!(line_col("ab\ncd\né!", 8), (3, 2));
        assert_eq!(
            line_col("ab\ncd\né", 7),
            (3, 1),
            "inside a character counts from its start"
        );
        assert_eq!(line_col("ab", 0), (1, 1));
        assert_eq!(
            did_you_mean("notice_org", ["notice", "insider"]),
            Some("notice")
        );
        assert_eq!(did_you_mean("zzzzzz", ["notice", "insider"]), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
