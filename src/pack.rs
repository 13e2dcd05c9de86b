//! The rule pack, validated by build.rs and embedded as JSON; deserialized once at start.

use claimcheck_engine::Pack;
use std::sync::OnceLock;

static JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));

/// The date the pack's facts were last checked, as `YYYY-MM-DD`.
pub const PACK_DATE: &str = include_str!(concat!(env!("OUT_DIR"), "/pack_date.txt"));

/// The embedded pack. Panics (caught by the page's panic hook) only if the build embedded a
/// pack this engine version cannot read, which build.rs rules out.
pub fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| serde_json::from_str(JSON).expect("the embedded rule pack is readable"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_pack_loads_and_matches_its_date() {
        let p = super::pack();
        assert!(!p.settlements.is_empty());
        assert_eq!(p.checked_on.to_string(), super::PACK_DATE);
    }
}
