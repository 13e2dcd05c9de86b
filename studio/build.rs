//! Embeds the bundled rule files (`../rules`) as text, so the studio can start from the
//! project's shared files (pack, questions, organisations) and open any bundled settlement
//! without a request. The files are embedded as they are: the studio itself reports their errors.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn rule_files(rules: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for name in ["pack.toml", "questions.toml", "organisations.toml"] {
        out.push((format!("rules/{name}"), rules.join(name)));
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(rules)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.retain(|p| p.is_dir());
    dirs.sort();
    for d in dirs {
        let folder = d.file_name().map(|f| f.to_string_lossy().to_string());
        let Some(folder) = folder else { continue };
        for name in ["settlement.toml", "scenarios.toml"] {
            let p = d.join(name);
            if p.is_file() {
                out.push((format!("rules/{folder}/{name}"), p));
            }
        }
    }
    out
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let rules = root.join("../rules");
    println!("cargo:rerun-if-changed=../rules");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../src/ui_texts.rs");
    let mut src = String::from("pub const BUNDLED: &[(&str, &str)] = &[\n");
    for (label, path) in rule_files(&rules) {
        let abs = path.canonicalize().unwrap_or(path);
        let _ = writeln!(src, "    ({label:?}, include_str!({:?})),", abs.display());
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("bundled.rs"), src).expect("write bundled.rs");
}
