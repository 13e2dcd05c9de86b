//! Loads and validates `../rules` at build time, exactly as the app does (a bad rule pack fails
//! the build listing every `file:line:col` error), and writes the validated pack as JSON into
//! OUT_DIR, where the API embeds it.

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let rules = root.join("../rules");
    println!("cargo:rerun-if-changed=../rules");
    println!("cargo:rerun-if-changed=build.rs");
    let loaded = match claimcheck_engine::load::load_dir(&rules) {
        Ok(l) => l,
        Err(errors) => {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!(
                "\nthe rule pack in rules/ does not load ({} problem{}):\n{}\n",
                list.len(),
                if list.len() == 1 { "" } else { "s" },
                list.join("\n")
            );
        }
    };
    let json = serde_json::to_string(&loaded.pack).expect("the pack serializes");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("pack.json"), json).expect("write pack.json");
}
