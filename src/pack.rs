//! The rule pack, validated by build.rs and embedded in the engine's compact binary form
//! (`claimcheck_engine::wire`); decoded once at start.
//!
//! Knows nothing of rule files: build.rs did the loading and validation.

use claimcheck_engine::Pack;
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin"));

/// The date the pack's facts were last checked, as `YYYY-MM-DD`.
pub const PACK_DATE: &str = include_str!(concat!(env!("OUT_DIR"), "/pack_date.txt"));

/// The embedded pack. Panics (caught by the page's panic hook, which shows a reload page) only
/// if the build embedded bytes this engine cannot read, which build.rs rules out: it encodes
/// with the same engine.
pub fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| match claimcheck_engine::wire::decode_pack(BYTES) {
        Ok(p) => p,
        Err(e) => panic!("the embedded rule pack is unreadable at {e}"),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_pack_loads_and_matches_its_date() {
        let p = super::pack();
        assert!(!p.settlements.is_empty());
        assert_eq!(p.checked_on.to_string(), super::PACK_DATE);
    }

    #[test]
    fn the_embedded_copy_leaves_out_what_the_app_never_reads() {
        let p = super::pack();
        let mut readings = 0;
        for s in &p.settlements {
            for f in [
                &s.case.number,
                &s.case.court,
                &s.case.judge,
                &s.case.website,
            ] {
                for r in f.readings() {
                    readings += 1;
                    assert_eq!(r.quote, None, "{}: a quote was embedded", s.id);
                }
            }
        }
        assert!(readings > 20, "only {readings} sourced readings seen");
        assert!(p.organisations.iter().all(|o| o.not_to_confuse.is_empty()));
        // The rules do have look-alikes and quotes: the test above is not vacuous.
        let rules = include_str!("../rules/organisations.toml");
        assert!(rules.contains("not_to_confuse"));
    }
}
