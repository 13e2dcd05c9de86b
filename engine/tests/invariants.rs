//! The architecture's invariants (ARCHITECTURE.md), checked on the source tree: the engine
//! knows no browser and no clock, and the app knows no rule-file syntax. A test here fails when
//! a change breaks a boundary that the compiler cannot see.

use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `(file, line number, line)` for every line of the `.rs` files under `dir` holding `needle`,
/// comments excluded.
fn code_lines_with(dir: &Path, needle: &str) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    assert!(!files.is_empty(), "no Rust files under {}", dir.display());
    let mut hits = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains(needle) {
                hits.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
            }
        }
    }
    hits
}

/// The names in a Cargo.toml's run-time dependency tables (`[dependencies]` and
/// `[target.'cfg(..)'.dependencies]`; not build, dev or workspace tables).
fn dependency_names(manifest: &Path) -> Vec<String> {
    let text = fs::read_to_string(manifest).unwrap_or_default();
    let mut names = Vec::new();
    let mut in_deps = false;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            in_deps = t == "[dependencies]"
                || (t.starts_with("[target.") && t.ends_with(".dependencies]"));
        } else if in_deps && !t.is_empty() && !t.starts_with('#') {
            if let Some((name, _)) = t.split_once('=') {
                names.push(name.trim().to_string());
            }
        }
    }
    names
}

const BROWSER_CRATES: &[&str] = &[
    "wasm-bindgen",
    "js-sys",
    "web-sys",
    "yew",
    "gloo",
    "wasm-bindgen-futures",
    "getrandom",
];

#[test]
fn the_engine_depends_on_no_browser_crate() {
    let deps = dependency_names(&repo().join("engine/Cargo.toml"));
    assert!(
        deps.contains(&"serde".to_string()),
        "read no dependencies: {deps:?}"
    );
    for c in BROWSER_CRATES {
        assert!(
            !deps.iter().any(|d| d == c),
            "engine/Cargo.toml depends on {c}"
        );
    }
}

#[test]
fn the_engine_reads_no_clock_and_calls_no_browser() {
    let src = repo().join("engine/src");
    for needle in [
        "SystemTime",
        "Instant::",
        "std::time",
        "Utc::now",
        "Local::now",
        "js_sys",
        "web_sys",
        "wasm_bindgen",
    ] {
        let hits = code_lines_with(&src, needle);
        assert!(
            hits.is_empty(),
            "the engine uses {needle}:\n{}",
            hits.join("\n")
        );
    }
}

#[test]
fn the_app_knows_no_rule_file_syntax() {
    let root = repo();
    let app_deps = dependency_names(&root.join("Cargo.toml"));
    assert!(
        app_deps.iter().any(|d| d == "yew"),
        "read no app dependencies: {app_deps:?}"
    );
    assert!(
        !app_deps.iter().any(|d| d == "toml"),
        "the app depends on toml"
    );
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap_or_default();
    let engine_line = manifest
        .lines()
        .find(|l| l.trim_start().starts_with("claimcheck-engine"))
        .unwrap_or("");
    assert!(
        engine_line.contains("default-features = false") && !engine_line.contains("loader"),
        "the app must use the engine without its TOML loader: {engine_line}"
    );
    for needle in ["toml::", "load::", "load_dir", "load_files"] {
        let hits = code_lines_with(&root.join("src"), needle);
        assert!(
            hits.is_empty(),
            "the app uses {needle}:\n{}",
            hits.join("\n")
        );
    }
}

#[test]
fn the_helpers_find_what_they_look_for() {
    // The checks above must be able to fail: the same scans see what they look for.
    let src = repo().join("engine/src");
    assert!(!code_lines_with(&src, "pub fn evaluate").is_empty());
    assert!(dependency_names(&repo().join("Cargo.toml"))
        .iter()
        .any(|d| d == "web-sys"));
}
