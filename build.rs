//! Loads and validates `rules/` at build time (a bad rule pack fails the build with every
//! `file:line:col` error) and writes the validated pack in the engine's compact binary form
//! (`claimcheck_engine::wire`) into OUT_DIR, where the app embeds it. The app itself knows
//! nothing of rule-file syntax.
//!
//! Fields the app never reads are left out of the embedded copy, since every byte is downloaded
//! by every person: each reading's verbatim `quote` (the app links every fact to its source
//! instead; the CLI, the JS API's `pack()` and the rule files keep the quotes) and each
//! organisation's `not_to_confuse` list (used only by the validator, here at build time).

use std::path::PathBuf;

/// Removes, anywhere in the pack's JSON form, the members the app never reads.
fn slim(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("quote");
            m.remove("not_to_confuse");
            m.values_mut().for_each(slim);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(slim),
        _ => {}
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    // CLAIMCHECK_RULES_DIR (an absolute path) points the build at another rules folder; only
    // scripts/perf.sh uses it, to measure the bytes each added settlement costs.
    let rules = match std::env::var_os("CLAIMCHECK_RULES_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => root.join("rules"),
    };
    println!("cargo:rerun-if-env-changed=CLAIMCHECK_RULES_DIR");
    println!("cargo:rerun-if-changed={}", rules.display());
    println!("cargo:rerun-if-changed=build.rs");
    let loaded = claimcheck_engine::load::load_dir_or_fail_build(&rules);
    let mut json = serde_json::to_value(&loaded.pack).expect("the pack serializes");
    slim(&mut json);
    let pack: claimcheck_engine::Pack =
        serde_json::from_value(json).expect("the slimmed pack reads back");
    let bytes = claimcheck_engine::wire::encode_pack(&pack);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("pack.bin"), bytes).expect("write pack.bin");
    std::fs::write(out.join("pack_date.txt"), pack.checked_on.to_string())
        .expect("write pack_date.txt");
}
