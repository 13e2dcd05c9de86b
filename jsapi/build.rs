//! Loads and validates `../rules` at build time, exactly as the app does (a bad rule pack fails
//! the build listing every `file:line:col` error), and writes the validated pack as JSON into
//! OUT_DIR, where the API embeds it.

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let rules = root.join("../rules");
    println!("cargo:rerun-if-changed=../rules");
    println!("cargo:rerun-if-changed=build.rs");
    let loaded = claimcheck_engine::load::load_dir_or_fail_build(&rules);
    let json = serde_json::to_string(&loaded.pack).expect("the pack serializes");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("pack.json"), json).expect("write pack.json");
}
