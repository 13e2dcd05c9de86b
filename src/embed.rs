//! The settings a page address may carry (`?embed&settlement=connexin&lang=es&accent=1d4ed8`),
//! read against an allow-list into `Params`, with a `Problem` for everything that could not be
//! used, so the page can say so instead of ignoring it silently.
//!
//! Pure: it knows nothing of browsers and nothing of the rule pack (the known settlement ids are
//! passed in). Nothing it returns is markup or CSS: a colour leaves as three numbers, a value
//! shown back to the person is cleaned of control and direction-changing characters and
//! shortened, and the page puts it in a text node.

use crate::accent::{palette, Rgb};
use crate::i18n::{fill, K};
use crate::search::distance;
use claimcheck_engine::text::Lang;

/// The settings read (at most this many; the rest are reported and ignored).
pub const MAX_SETTINGS: usize = 20;
/// A value (as written in the address) longer than this is refused unread.
pub const MAX_VALUE: usize = 200;
/// A value shown back in a message is cut to this many characters.
const SHOWN: usize = 40;

/// The allow-list.
pub const KEYS: [&str; 5] = ["embed", "shared", "settlement", "lang", "accent"];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params {
    /// Inside another site's frame: no site header, heights posted to the host.
    pub embed: bool,
    /// Shared-computer mode turned on by the link (a library's or clinic's bookmark).
    pub shared: bool,
    /// A known settlement id (checked against the pack's ids).
    pub settlement: Option<String>,
    pub lang: Option<Lang>,
    pub accent: Option<Rgb>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A key not on the allow-list, with the allowed key it most resembles.
    UnknownKey {
        key: String,
        suggestion: Option<&'static str>,
    },
    /// A key given twice or more: the first value counts.
    Repeated {
        key: &'static str,
    },
    /// `embed=maybe`: an on/off setting with another value (taken as on).
    BadFlag {
        key: &'static str,
        value: String,
    },
    /// `lang=` with nothing after it.
    Empty {
        key: &'static str,
    },
    BadLang {
        value: String,
    },
    BadColour {
        value: String,
    },
    /// The accent was too light for readable text: `used` is the shade the page uses.
    AccentDarkened {
        given: String,
        used: String,
    },
    UnknownSettlement {
        value: String,
        suggestion: Option<String>,
    },
    /// Percent-encoding that is not UTF-8 text.
    NotText {
        key: String,
    },
    TooLong {
        key: String,
    },
    TooMany,
}

/// Reads a query string (with or without its leading `?`). `known` lists the settlement ids.
/// Linear in the input; never panics.
pub fn parse(query: &str, known: &[&str]) -> (Params, Vec<Problem>) {
    let mut p = Params::default();
    let mut problems = Vec::new();
    let mut seen = [false; KEYS.len()];
    let query = query.strip_prefix('?').unwrap_or(query);
    for (n, pair) in query.split('&').filter(|s| !s.is_empty()).enumerate() {
        if n == MAX_SETTINGS {
            problems.push(Problem::TooMany);
            break;
        }
        let (raw_key, raw_value) = match pair.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (pair, None),
        };
        let Some(key) = decode(raw_key.get(..MAX_VALUE).unwrap_or(raw_key)) else {
            problems.push(Problem::NotText {
                key: shown(&String::from_utf8_lossy(&bytes(raw_key))),
            });
            continue;
        };
        let Some(i) = KEYS.iter().position(|k| *k == key) else {
            problems.push(Problem::UnknownKey {
                suggestion: suggest_key(&key),
                key: shown(&key),
            });
            continue;
        };
        let k = KEYS[i];
        if std::mem::replace(&mut seen[i], true) {
            if !problems.contains(&Problem::Repeated { key: k }) {
                problems.push(Problem::Repeated { key: k });
            }
            continue;
        }
        let raw_value = raw_value.unwrap_or("");
        if raw_value.len() > MAX_VALUE {
            problems.push(Problem::TooLong { key: k.into() });
            continue;
        }
        let Some(value) = decode(raw_value) else {
            problems.push(Problem::NotText { key: k.into() });
            continue;
        };
        let value = value.trim();
        if i < 2 {
            // embed, shared: on when present, unless explicitly off.
            let on = !matches!(value, "0" | "false" | "no" | "off");
            if !matches!(value, "" | "1" | "true" | "yes" | "on") && on {
                problems.push(Problem::BadFlag {
                    key: k,
                    value: shown(value),
                });
            }
            if i == 0 {
                p.embed = on;
            } else {
                p.shared = on;
            }
            continue;
        }
        if value.is_empty() {
            problems.push(Problem::Empty { key: k });
            continue;
        }
        match k {
            "settlement" => {
                let v = value.to_ascii_lowercase();
                if let Some(id) = known.iter().find(|id| **id == v) {
                    p.settlement = Some((*id).to_string());
                } else {
                    problems.push(Problem::UnknownSettlement {
                        value: shown(value),
                        suggestion: suggest_settlement(&v, known),
                    });
                }
            }
            "lang" => {
                let base = value.split(['-', '_']).next().unwrap_or("");
                match base.to_ascii_lowercase().as_str() {
                    "en" => p.lang = Some(Lang::En),
                    "es" => p.lang = Some(Lang::Es),
                    _ => problems.push(Problem::BadLang {
                        value: shown(value),
                    }),
                }
            }
            _ => match colour(value) {
                Some(c) => {
                    let pal = palette(c);
                    if pal.adjusted {
                        problems.push(Problem::AccentDarkened {
                            given: c.hex(),
                            used: pal.light.hex(),
                        });
                    }
                    p.accent = Some(c);
                }
                None => problems.push(Problem::BadColour {
                    value: shown(value),
                }),
            },
        }
    }
    (p, problems)
}

/// `1d4ed8`, `#1d4ed8`, `1de`, `#1DE`: three or six hex digits, nothing else.
pub fn colour(s: &str) -> Option<Rgb> {
    let h = s.strip_prefix('#').unwrap_or(s).as_bytes();
    let d = |i: usize| -> Option<u8> {
        (h.get(i)?.to_ascii_lowercase() as char)
            .to_digit(16)
            .map(|v| v as u8)
    };
    match h.len() {
        3 => Some(Rgb(d(0)? * 17, d(1)? * 17, d(2)? * 17)),
        6 => Some(Rgb(
            d(0)? * 16 + d(1)?,
            d(2)? * 16 + d(3)?,
            d(4)? * 16 + d(5)?,
        )),
        _ => None,
    }
}

/// Percent-decoding (`+` is a space; a `%` not followed by two hex digits stays as it is);
/// `None` when the bytes are not UTF-8.
pub fn decode(s: &str) -> Option<String> {
    String::from_utf8(bytes(s)).ok()
}

fn bytes(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |j: usize| b.get(j).and_then(|c| (*c as char).to_digit(16));
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                if let (Some(hi), Some(lo)) = (hex(i + 1), hex(i + 2)) {
                    out.push((hi * 16 + lo) as u8);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// A value as it may be shown back: control, invisible and direction-changing characters
/// (which could reorder the sentence around them) become `�`, and it is cut to 40 characters.
pub fn shown(s: &str) -> String {
    let mut out = String::new();
    for (n, c) in s.chars().enumerate() {
        if n == SHOWN {
            out.push('…');
            break;
        }
        let hidden = c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{061c}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}');
        out.push(if hidden { '\u{fffd}' } else { c });
    }
    out
}

fn chars(s: &str) -> Vec<char> {
    s.chars().take(80).collect()
}

fn suggest_key(key: &str) -> Option<&'static str> {
    let k = chars(&key.to_ascii_lowercase());
    KEYS.iter()
        .map(|c| (distance(&k, &chars(c)), *c))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, c)| c)
}

/// The known id nearest a mistyped one: a few typos, or the start of the id.
fn suggest_settlement(v: &str, known: &[&str]) -> Option<String> {
    if v.len() < 3 {
        return None;
    }
    let vc = chars(v);
    let allowed = 2.max(vc.len() / 4);
    known
        .iter()
        .filter_map(|id| {
            if id.starts_with(v) || v.starts_with(id) {
                return Some((0, *id));
            }
            let d = distance(&vc, &chars(id));
            (d <= allowed).then_some((d, *id))
        })
        .min()
        .map(|(_, id)| id.to_string())
}

impl Problem {
    /// The sentence the page shows (values already cleaned by `shown`).
    pub fn message(&self, lang: Lang) -> String {
        let hint = |s: Option<&str>| match s {
            Some(s) => {
                let mut m = String::from(" ");
                m.push_str(&fill(K::ParamDidYouMean, lang, &[s]));
                m
            }
            None => String::new(),
        };
        match self {
            Problem::UnknownKey { key, suggestion } => {
                fill(K::ParamUnknownKey, lang, &[key]) + &hint(*suggestion)
            }
            Problem::Repeated { key } => fill(K::ParamRepeated, lang, &[key]),
            Problem::BadFlag { key, value } => fill(K::ParamBadFlag, lang, &[key, value]),
            Problem::Empty { key } => fill(K::ParamEmpty, lang, &[key]),
            Problem::BadLang { value } => fill(K::ParamBadLang, lang, &[value]),
            Problem::BadColour { value } => fill(K::ParamBadColour, lang, &[value]),
            Problem::AccentDarkened { given, used } => {
                fill(K::ParamAccentDarkened, lang, &[given, used])
            }
            Problem::UnknownSettlement { value, suggestion } => {
                fill(K::ParamUnknownSettlement, lang, &[value]) + &hint(suggestion.as_deref())
            }
            Problem::NotText { key } => fill(K::ParamNotText, lang, &[key]),
            Problem::TooLong { key } => fill(K::ParamTooLong, lang, &[key]),
            Problem::TooMany => fill(K::ParamTooMany, lang, &["20"]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[&str] = &["connexin", "moveit-mdl", "comcast", "att"];

    fn p(q: &str) -> (Params, Vec<Problem>) {
        parse(q, KNOWN)
    }

    #[test]
    fn reads_the_documented_example() {
        let (params, problems) = p("?embed&settlement=connexin&lang=es&accent=1d4ed8");
        assert_eq!(problems, vec![]);
        assert_eq!(
            params,
            Params {
                embed: true,
                shared: false,
                settlement: Some("connexin".into()),
                lang: Some(Lang::Es),
                accent: Some(Rgb(0x1d, 0x4e, 0xd8)),
            }
        );
        assert_eq!(p(""), (Params::default(), vec![]));
        assert_eq!(p("?"), (Params::default(), vec![]));
    }

    #[test]
    fn flags_and_their_values() {
        assert!(p("embed=1").0.embed);
        assert!(p("embed=true").0.embed);
        assert!(!p("embed=0").0.embed);
        assert!(p("shared").0.shared);
        let (params, problems) = p("embed=maybe");
        assert!(params.embed, "present means on");
        assert_eq!(
            problems,
            vec![Problem::BadFlag {
                key: "embed",
                value: "maybe".into()
            }]
        );
    }

    #[test]
    fn colours_are_three_or_six_hex_digits() {
        assert_eq!(colour("1d4ed8"), Some(Rgb(0x1d, 0x4e, 0xd8)));
        assert_eq!(colour("#1D4ED8"), Some(Rgb(0x1d, 0x4e, 0xd8)));
        assert_eq!(colour("abc"), Some(Rgb(0xaa, 0xbb, 0xcc)));
        for bad in [
            "",
            "#",
            "1d4ed",
            "1d4ed8a",
            "ggg",
            "1d4ed8;",
            "red",
            "+1d4ed",
            "１２３",
        ] {
            assert_eq!(colour(bad), None, "{bad}");
        }
        // An encoded # is fine.
        assert_eq!(p("accent=%231d4ed8").0.accent, Some(Rgb(0x1d, 0x4e, 0xd8)));
    }

    #[test]
    fn css_injection_in_the_accent_is_refused_and_shown_as_text() {
        let (params, problems) = p("lang=es&accent=1d4ed8;background:url(x)");
        assert_eq!(params.accent, None);
        assert_eq!(
            params.lang,
            Some(Lang::Es),
            "the other settings still apply"
        );
        assert_eq!(
            problems,
            vec![Problem::BadColour {
                value: "1d4ed8;background:url(x)".into()
            }]
        );
        let (params, problems) = p("accent=red%7D%20body%7Bdisplay:none");
        assert_eq!(params.accent, None);
        assert!(
            matches!(&problems[0], Problem::BadColour { value } if value == "red} body{display:none")
        );
    }

    #[test]
    fn a_light_accent_is_used_darker_and_reported() {
        let (params, problems) = p("accent=ffcc00");
        assert_eq!(params.accent, Some(Rgb(0xff, 0xcc, 0)));
        let [Problem::AccentDarkened { given, used }] = problems.as_slice() else {
            panic!("{problems:?}")
        };
        assert_eq!(given, "#ffcc00");
        assert_ne!(used, "#ffcc00");
        assert_eq!(used, &palette(Rgb(0xff, 0xcc, 0)).light.hex());
    }

    #[test]
    fn unknown_settlements_are_reported_with_a_suggestion() {
        let (params, problems) = p("settlement=conexin");
        assert_eq!(params.settlement, None);
        assert_eq!(
            problems,
            vec![Problem::UnknownSettlement {
                value: "conexin".into(),
                suggestion: Some("connexin".into())
            }]
        );
        assert_eq!(
            p("settlement=moveit").1,
            vec![Problem::UnknownSettlement {
                value: "moveit".into(),
                suggestion: Some("moveit-mdl".into())
            }]
        );
        assert_eq!(
            p("settlement=zzzzzzzz").1,
            vec![Problem::UnknownSettlement {
                value: "zzzzzzzz".into(),
                suggestion: None
            }]
        );
        // Case does not matter; the known id is what is used.
        assert_eq!(
            p("settlement=Connexin").0.settlement,
            Some("connexin".into())
        );
        assert_eq!(
            p("settlement=").1,
            vec![Problem::Empty { key: "settlement" }]
        );
    }

    #[test]
    fn script_tags_and_javascript_urls_are_only_text() {
        let (params, problems) =
            p("settlement=%3Cscript%3Ealert(1)%3C/script%3E&lang=javascript:alert(1)");
        assert_eq!(params, Params::default());
        assert_eq!(
            problems,
            vec![
                Problem::UnknownSettlement {
                    value: "<script>alert(1)</script>".into(),
                    suggestion: None
                },
                Problem::BadLang {
                    value: "javascript:alert(1)".into()
                },
            ]
        );
        let (_, problems) = p("%3Cimg%20src=x%20onerror=alert(1)%3E=1");
        assert_eq!(
            problems,
            vec![Problem::UnknownKey {
                key: "<img src".into(),
                suggestion: None
            }]
        );
    }

    #[test]
    fn unknown_keys_get_a_did_you_mean() {
        assert_eq!(
            p("acent=1d4ed8&Lang=es&utm_source=mail").1,
            vec![
                Problem::UnknownKey {
                    key: "acent".into(),
                    suggestion: Some("accent")
                },
                Problem::UnknownKey {
                    key: "Lang".into(),
                    suggestion: Some("lang")
                },
                Problem::UnknownKey {
                    key: "utm_source".into(),
                    suggestion: None
                },
            ]
        );
    }

    #[test]
    fn repeated_keys_keep_the_first_and_say_so_once() {
        let (params, problems) = p("lang=es&lang=en&lang=fr");
        assert_eq!(params.lang, Some(Lang::Es));
        assert_eq!(problems, vec![Problem::Repeated { key: "lang" }]);
    }

    #[test]
    fn huge_and_many_values() {
        let huge = "a".repeat(100_000);
        let (params, problems) = p(&format!("lang=es&accent={huge}"));
        assert_eq!(params.lang, Some(Lang::Es));
        assert_eq!(
            problems,
            vec![Problem::TooLong {
                key: "accent".into()
            }]
        );
        let (_, problems) = p(&format!("{huge}=1"));
        let [Problem::UnknownKey { key, .. }] = problems.as_slice() else {
            panic!("{problems:?}")
        };
        assert_eq!(key.chars().count(), 41, "cut to 40 and an ellipsis");
        let many = "x=1&".repeat(1000) + "lang=es";
        let (params, problems) = p(&many);
        assert_eq!(params.lang, None, "settings past the 20th are not read");
        assert_eq!(problems.len(), MAX_SETTINGS + 1);
        assert_eq!(problems.last(), Some(&Problem::TooMany));
    }

    #[test]
    fn percent_encoding_that_is_not_utf8() {
        let (params, problems) = p("lang=es&settlement=%FF%FE&%C3=1");
        assert_eq!(params.lang, Some(Lang::Es));
        assert_eq!(
            problems,
            vec![
                Problem::NotText {
                    key: "settlement".into()
                },
                Problem::NotText {
                    key: "\u{fffd}".into()
                },
            ]
        );
        // Stray percent signs are kept as they are.
        assert_eq!(decode("100%"), Some("100%".into()));
        assert_eq!(decode("%zz%4"), Some("%zz%4".into()));
        assert_eq!(decode("a+b%20c"), Some("a b c".into()));
    }

    #[test]
    fn direction_overrides_cannot_reorder_a_message() {
        let (_, problems) = p("settlement=%E2%80%AEnixennoc&lang=es%E2%81%A6x");
        assert_eq!(
            problems,
            vec![
                Problem::UnknownSettlement {
                    value: "\u{fffd}nixennoc".into(),
                    suggestion: None
                },
                Problem::BadLang {
                    value: "es\u{fffd}x".into()
                },
            ]
        );
        for pr in &problems {
            for lang in [Lang::En, Lang::Es] {
                let m = pr.message(lang);
                assert!(!m.contains('\u{202e}') && !m.contains('\u{2066}'), "{m}");
            }
        }
    }

    /// The fuzz target's seeds (fuzz/corpus/embed_params/), replayed in `cargo test` with the
    /// real pack's ids: nothing panics, only real ids pass, every message is filled in.
    #[test]
    fn fuzz_seeds_replay() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/embed_params");
        let ids: Vec<&str> = crate::pack::pack()
            .settlements
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("the seed folder") {
            let bytes = std::fs::read(entry.expect("an entry").path()).expect("a seed");
            let query = String::from_utf8_lossy(&bytes);
            let (params, problems) = parse(&query, &ids);
            if let Some(id) = &params.settlement {
                assert!(ids.contains(&id.as_str()));
            }
            // A blank may be echoed from the address itself, as typed.
            let echoed = query.contains('{') || query.to_ascii_lowercase().contains("%7b");
            for p in &problems {
                let m = p.message(Lang::Es);
                assert!(echoed || !m.contains("{0}"), "{m}");
                assert!(!m.contains('\u{202e}'), "{m}");
            }
            n += 1;
        }
        assert!(n >= 10, "{n} seeds");
        // Every bundled settlement id is accepted as it is.
        for id in &ids {
            let (params, problems) = parse(&format!("settlement={id}"), &ids);
            assert_eq!(params.settlement.as_deref(), Some(*id));
            assert_eq!(problems, vec![]);
        }
    }

    #[test]
    fn every_problem_has_a_message_naming_what_was_wrong() {
        let all = [
            (p("acent=1").1, "acent"),
            (p("lang&lang").1, "lang"),
            (p("embed=maybe").1, "maybe"),
            (p("lang=").1, "lang"),
            (p("lang=fr").1, "fr"),
            (p("accent=blue").1, "blue"),
            (p("accent=fff").1, "#ffffff"),
            (p("settlement=nope").1, "nope"),
            (p("lang=%FF").1, "lang"),
            (p(&format!("lang={}", "e".repeat(300))).1, "lang"),
            (p(&"x&".repeat(30)).1, "20"),
        ];
        for (problems, needle) in all {
            let last = problems.last().expect("a problem");
            for lang in [Lang::En, Lang::Es] {
                let m = last.message(lang);
                assert!(m.contains(needle), "{last:?} in {lang:?}: {m}");
                assert!(!m.contains('{'), "unfilled blank: {m}");
            }
        }
    }
}
