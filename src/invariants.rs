//! Architecture invariants of the app crate, checked as tests (issue 15, item 3): the app holds
//! no rule vocabulary of its own. A question id written into `src/` would tie a screen to one
//! rule file; the app asks the engine instead (`answers::claimant`, `named_organisations`, the
//! question kinds). Test code may name questions; this scans what ships.
//!
//! One exception is listed, not hidden: the worked estimate's short labels for the two money
//! questions (`present::input_label`), which belong in the question bank once the pack format
//! carries a short label per question.

use std::path::{Path, PathBuf};

/// The money questions whose short labels `present::input_label` still names.
const ALLOWED_IN_PRESENT: [&str; 2] = ["costs", "fraud"];

/// Every `id = "..."` of the bundled question bank.
fn question_ids() -> Vec<String> {
    include_str!("../rules/questions.toml")
        .lines()
        .filter_map(|l| l.strip_prefix("id = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .map(str::to_string)
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
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

/// The part of a source file that ships: everything before its first `#[cfg(test)]`.
fn shipped(src: &str) -> &str {
    src.split("#[cfg(test)]").next().unwrap_or(src)
}

#[test]
fn the_app_names_no_question_of_the_rule_files() {
    let ids = question_ids();
    assert!(ids.len() >= 10, "only {} question ids read", ids.len());
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 40, "only {} source files found", files.len());
    let mut found = Vec::new();
    for f in files.iter().filter(|f| !f.ends_with("invariants.rs")) {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        for (n, line) in shipped(&src).lines().enumerate() {
            if line.contains("data-testid=") || line.contains("class=") {
                continue; // names of elements for tests and styles, not rule lookups
            }
            for id in &ids {
                let allowed =
                    f.ends_with("present.rs") && ALLOWED_IN_PRESENT.contains(&id.as_str());
                if !allowed && line.contains(&format!("\"{id}\"")) {
                    found.push(format!("{}:{}: \"{id}\"", f.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "question ids written into the app (ask the engine instead):\n{}",
        found.join("\n")
    );
}

/// Whether `line` holds `word` as a whole name (`walk(` but not `is_walk(`).
fn names(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(i, _)| {
        !line[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// The shipped lines of the files under `dir` (relative to the crate) holding any of `words`.
fn shipped_lines_with(dir: &str, words: &[&str]) -> (usize, Vec<String>) {
    let mut files = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let at = root.join(dir);
    if at.is_dir() {
        rust_files(&at, &mut files);
    } else {
        files.push(at);
    }
    let mut found = Vec::new();
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        for (n, line) in shipped(&src).lines().enumerate() {
            if words.iter().any(|w| names(line, w)) && !line.trim_start().starts_with("//") {
                found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    (files.len(), found)
}

/// The views render the screen's evaluation (`view::outcome`, memoised by the shell) and the
/// state's walk; none evaluates or walks the questionnaire itself.
#[test]
fn the_views_never_evaluate() {
    let calls = [
        "evaluate(",
        "evaluate_settlement(",
        "next_question(",
        "walk(",
    ];
    let (files, found) = shipped_lines_with("src/components", &calls);
    assert!(files > 30, "only {files} component files found");
    // The one place that computes it: the memoised `use_outcome` hook calls `view::outcome`.
    assert!(
        found.is_empty(),
        "views that evaluate:\n{}",
        found.join("\n")
    );
}

/// The reducer and the view model take the pack as a parameter; neither reads the global.
#[test]
fn the_reducer_and_the_view_model_are_given_the_pack() {
    for file in ["src/state.rs", "src/view.rs"] {
        let (files, found) = shipped_lines_with(file, &["pack()", "pack::pack"]);
        assert_eq!(files, 1, "{file} not found");
        assert!(
            found.is_empty(),
            "{file} reads the global pack:\n{}",
            found.join("\n")
        );
    }
}
