//! Loads and validates `../rules` at build time, exactly as the app does (a bad rule pack fails
//! the build listing every `file:line:col` error), and writes the validated pack as JSON into
//! OUT_DIR, where the API embeds it. Also writes the published pack files of the same rules
//! (`publish/src/packfiles.rs`, as `claimcheck pack` does, with no app texts) for the native tests
//! of `files::read`; the API embeds none of them.

use std::path::PathBuf;

// Only some of its functions are used here.
#[allow(dead_code)]
#[path = "../publish/src/packfiles.rs"]
mod packfiles;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let rules = root.join("../rules");
    println!("cargo:rerun-if-changed=../rules");
    println!("cargo:rerun-if-changed=build.rs");
    let loaded = claimcheck_engine::load::load_dir_or_fail_build(&rules);
    let json = serde_json::to_string(&loaded.pack).expect("the pack serializes");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("pack.json"), json).expect("write pack.json");
    println!("cargo:rerun-if-changed=../publish/src/packfiles.rs");
    let slim = packfiles::slim(&loaded.pack).unwrap_or_else(|e| panic!("{e}"));
    let files = packfiles::pack_files(&slim, packfiles::AppTexts::NONE);
    std::fs::write(out.join("structure.bin"), &files.structure).expect("write structure.bin");
    for (i, (_, bytes)) in files.texts.iter().enumerate() {
        std::fs::write(out.join(format!("texts-{i}.bin")), bytes).expect("write texts");
    }
}
