//! The meaning rules for single values that both checkers apply: the rule-file loader
//! (`load::convert`, which reports a broken value at its line and column with a fix) and
//! `model_check` (a pack given as data to the JS API, reported at its path). What makes an id
//! plain, a web address safe to turn into a link, and a name plain text is written here once,
//! so the two cannot drift apart. (They had: an id starting with `-` or `_` passed the JS API
//! and not the loader; an address holding a quote or a control character passed the loader
//! and not the JS API.)
//!
//! Knows nothing of files, spans, paths or messages: each checker words its own.

/// Lowercase ASCII letters, digits, `-` and `_`, starting with a letter or a digit.
pub fn is_plain_id(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// An `https://` address with something after the scheme, and nothing that could end an
/// attribute or hide in one: no white space, control character, quote, backtick, backslash or
/// angle bracket (no `javascript:`, `data:` or plain `http:` either).
pub fn is_safe_address(s: &str) -> bool {
    s.strip_prefix("https://")
        .is_some_and(|rest| !rest.is_empty())
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"'`\\".contains(c))
}

/// Whether a name shown on screen holds markup (`<` or `>`), which is refused rather than shown
/// as code: every text is plain text.
pub fn holds_markup(s: &str) -> bool {
    s.contains(['<', '>'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ids() {
        for ok in ["acme", "moveit-mdl", "a_1", "23andme"] {
            assert!(is_plain_id(ok), "{ok}");
        }
        for bad in [
            "",
            "-acme",
            "_acme",
            "Acme",
            "acme corp",
            "acme🎉",
            "acme\u{202e}",
        ] {
            assert!(!is_plain_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn safe_addresses() {
        assert!(is_safe_address("https://www.example.com/a?b=c#d"));
        for bad in [
            "",
            "https://",
            "http://example.com/",
            "javascript:alert(1)",
            "data:text/html,x",
            "https://example.com/a b",
            "https://example.com/\"onmouseover=x",
            "https://example.com/'",
            "https://example.com/<x>",
            "https://example.com/\u{7}",
            "https://example.com/a\\b",
            "https://example.com/`x`",
        ] {
            assert!(!is_safe_address(bad), "{bad:?}");
        }
    }

    #[test]
    fn markup() {
        assert!(holds_markup("<b>Acme</b>"));
        assert!(!holds_markup("Acme & Co. (2019)"));
    }
}
