//! Loads and validates `rules/` at build time (a bad rule pack fails the build with every
//! `file:line:col` error) and writes the validated pack in the engine's compact binary form
//! (`claimcheck_engine::wire`) into OUT_DIR, where the app embeds it. The app itself knows
//! nothing of rule-file syntax.

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=build.rs");
    let loaded = claimcheck_engine::load::load_dir_or_fail_build(&rules);
    let bytes = claimcheck_engine::wire::encode_pack(&loaded.pack);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("pack.bin"), bytes).expect("write pack.bin");
    std::fs::write(
        out.join("pack_date.txt"),
        loaded.pack.checked_on.to_string(),
    )
    .expect("write pack_date.txt");
}
