//! Arbitrary page addresses to the app's settings parser (`claimcheck_app::embed`, the app's own
//! library, with the texts its native build carries): never panics, stays linear, uses only known
//! settlement ids and allowed colours, reports what it could not use with a filled-in message
//! in both languages that carries no control or direction-changing character, and the accent
//! shades it leads to always reach 4.5:1.
#![no_main]

use claimcheck_app::{accent, embed};
use claimcheck_engine::text::Lang;
use libfuzzer_sys::fuzz_target;

const KNOWN: &[&str] = &["connexin", "moveit-mdl", "att", "comcast", "23andme"];

fn bad_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{061c}' | '\u{feff}')
}

fuzz_target!(|data: &[u8]| {
    // location.search is a string: the browser has already percent-encoded anything odd, but
    // the parser must cope with raw text too.
    let query = String::from_utf8_lossy(data);
    let (params, problems) = embed::parse(&query, KNOWN);

    if let Some(id) = &params.settlement {
        assert!(KNOWN.contains(&id.as_str()), "unknown id accepted: {id}");
    }
    assert!(problems.len() <= embed::MAX_SETTINGS + 1, "{} problems", problems.len());
    for p in &problems {
        for lang in [Lang::En, Lang::Es] {
            let m = p.message(lang);
            assert!(!m.trim().is_empty());
            // (A blank may be echoed from the address itself, as typed.)
            let echoed = query.contains('{') || query.to_ascii_lowercase().contains("%7b");
            assert!(echoed || (!m.contains("{0}") && !m.contains("{1}")), "unfilled: {m}");
            assert!(!m.chars().any(bad_char), "hidden character in {m:?}");
            assert!(m.chars().count() < 400, "long message: {m}");
        }
    }
    if let Some(c) = params.accent {
        let p = accent::palette(c);
        let white = accent::Rgb(255, 255, 255);
        assert!(accent::contrast(p.light, white) >= 4.5);
        assert!(accent::contrast(p.dark, accent::Rgb(0x23, 0x27, 0x2b)) >= 4.5);
        let hex = c.hex();
        assert_eq!(embed::colour(&hex), Some(c), "hex round trip");
    }
    // The leading ? does not matter, and parsing is deterministic.
    let bare = query.strip_prefix('?').unwrap_or(&query);
    let again = embed::parse(&format!("?{bare}"), KNOWN);
    assert_eq!(again, (params, problems));
});
