//! The `claimcheck` binary as a rule author uses it: `check` on a copy of rules/ with a misspelt
//! question id, `test`, `eval` with good and bad answer files, `paths`, `graph` and `unverified`
//! in both languages.

use std::path::{Path, PathBuf};
use std::process::Command;

fn rules() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules")
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimcheck-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn check_passes_on_the_bundled_rules() {
    let (ok, out, err) = run(&["check", "--rules", rules().to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(out.starts_with("ok: "), "{out}");
}

#[test]
fn check_reports_a_misspelt_question_with_position_and_suggestion() {
    let dir = temp("misspelt");
    copy_dir(&rules(), &dir);
    let file = dir.join("sovos/settlement.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("us_resident = yes"),
        "the sovos route names us_resident"
    );
    let bad = text.replacen("us_resident = yes", "us_resdent = yes", 1);
    std::fs::write(&file, &bad).unwrap();
    let line = bad.lines().position(|l| l.contains("us_resdent")).unwrap() + 1;
    let col = bad
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("us_resdent")
        .unwrap()
        + 1;
    let (ok, _, err) = run(&["check", "--rules", dir.to_str().unwrap()]);
    assert!(!ok, "a misspelt id must fail the check");
    let want = format!("rules/sovos/settlement.toml:{line}:{col}: unknown question `us_resdent` — did you mean `us_resident`?");
    assert!(err.contains(&want), "expected {want:?} in:\n{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn test_command_prints_the_closing_count() {
    let (ok, out, _) = run(&["test", "--rules", rules().to_str().unwrap()]);
    assert!(ok, "{out}");
    let last = out.lines().last().unwrap_or("");
    assert!(last.ends_with(" passed, 0 failed"), "{last}");
}

#[test]
fn eval_reads_toml_and_json_answers_and_names_bad_fields() {
    let dir = temp("eval");
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("a.toml");
    std::fs::write(
        &good,
        "notice = [\"connexin\"]\ncosts = \"$300\"\nhours = 6\n",
    )
    .unwrap();
    let (ok, out, err) = run(&[
        "eval",
        "--rules",
        rules().to_str().unwrap(),
        "--answers",
        good.to_str().unwrap(),
        "--today",
        "2024-07-24",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("Connexin"), "{out}");
    assert!(
        out.contains("claim deadline 2024-07-25: open, 1 days left"),
        "{out}"
    );
    let json = dir.join("a.json");
    std::fs::write(&json, r#"{"notice": ["connexin"], "costs": -5}"#).unwrap();
    let (ok, _, err) = run(&[
        "eval",
        "--rules",
        rules().to_str().unwrap(),
        "--answers",
        json.to_str().unwrap(),
        "--today",
        "2024-07-24",
    ]);
    assert!(!ok);
    assert!(
        err.contains("answer \"costs\": expected an amount of zero or more dollars"),
        "{err}"
    );
    let (ok, out, _) = run(&[
        "eval",
        "--rules",
        rules().to_str().unwrap(),
        "--answers",
        good.to_str().unwrap(),
        "--today",
        "2024-07-24",
        "--json",
    ]);
    assert!(ok);
    assert!(
        out.trim_start().starts_with('{') && out.contains("\"verdict\""),
        "{out}"
    );
    let (ok, _, err) = run(&[
        "eval",
        "--rules",
        rules().to_str().unwrap(),
        "--answers",
        good.to_str().unwrap(),
        "--today",
        "2024-13-01",
    ]);
    assert!(!ok && err.contains("expected a date"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn paths_and_graph_cover_every_verdict() {
    let (ok, out, _) = run(&["paths", "connexin", "--rules", rules().to_str().unwrap()]);
    assert!(ok);
    for v in ["likely", "not_member", "cant_tell"] {
        assert!(out.contains(v), "paths lacks {v}:\n{out}");
    }
    let (ok, out, _) = run(&["graph", "connexin", "--rules", rules().to_str().unwrap()]);
    assert!(ok);
    assert!(
        out.starts_with("flowchart TD") && out.contains("notice"),
        "{out}"
    );
    let (ok, out, _) = run(&[
        "graph",
        "sovos",
        "--dot",
        "--rules",
        rules().to_str().unwrap(),
    ]);
    assert!(ok && out.starts_with("digraph"), "{out}");
    let (ok, _, err) = run(&[
        "graph",
        "no-such-settlement",
        "--rules",
        rules().to_str().unwrap(),
    ]);
    assert!(!ok && err.contains("no settlement"), "{err}");
}

#[test]
fn unverified_prints_each_reason_in_english_or_spanish() {
    let dir = temp("unverified");
    copy_dir(&rules(), &dir);
    let file = dir.join("connexin/settlement.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let start = text
        .find("\nadministrator = { unverified = ")
        .expect("connexin's administrator is unverified")
        + 1;
    let end = start + text[start..].find('\n').unwrap();
    let ours = "administrator = { unverified = { en = \"Test: no administrator.\", es = \"Prueba: sin administrador.\" } }";
    std::fs::write(&file, format!("{}{ours}{}", &text[..start], &text[end..])).unwrap();
    let d = dir.to_str().unwrap();

    let (ok, en, err) = run(&["unverified", "connexin", "--rules", d]);
    assert!(ok, "{err}");
    assert!(
        en.contains("\n  case.administrator: Test: no administrator.\n"),
        "{en}"
    );
    let (ok, es, err) = run(&["unverified", "connexin", "--lang", "es", "--rules", d]);
    assert!(ok, "{err}");
    assert!(
        es.contains("\n  case.administrator: Prueba: sin administrador.\n"),
        "{es}"
    );
    assert!(!es.contains("Test: no administrator."), "{es}");
    let count = |out: &str| out.lines().filter(|l| l.starts_with("  ")).count();
    assert_eq!(count(&en), count(&es), "the same values in both languages");

    let (ok, _, err) = run(&["unverified", "--lang", "fr", "--rules", d]);
    assert!(!ok);
    assert!(err.contains("--lang takes en or es, not `fr`"), "{err}");

    // The English-only form of before fails `check` at its line with the fix.
    let old = "administrator = { unverified = \"No page names one.\" }";
    std::fs::write(&file, format!("{}{old}{}", &text[..start], &text[end..])).unwrap();
    let line = text[..start].lines().count() + 1;
    let col = old.find('"').unwrap() + 1;
    let (ok, _, err) = run(&["check", "--rules", d]);
    assert!(!ok, "an English-only reason must fail the check");
    let want = format!("rules/connexin/settlement.toml:{line}:{col}: administrator: the `unverified` reason is in English only — write unverified = {{ en = \"...\", es = \"...\" }}");
    assert!(err.contains(&want), "expected {want:?} in:\n{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 13: a hearing is not a deadline, and a flat amount prints no empty "()".
#[test]
fn eval_calls_a_hearing_a_hearing_and_prints_no_empty_parentheses() {
    let dir = temp("eval-hearing");
    std::fs::create_dir_all(&dir).unwrap();
    let answers = dir.join("a.toml");
    std::fs::write(
        &answers,
        "notice = [\"sovos\"]\nus_resident = \"yes\"\nstate_moveit = \"CA\"\n",
    )
    .unwrap();
    let (ok, out, err) = run(&[
        "eval",
        "--rules",
        rules().to_str().unwrap(),
        "--answers",
        answers.to_str().unwrap(),
        "--today",
        "2024-06-30",
    ]);
    assert!(ok, "{err}");
    // Sovos: final approval hearing 2024-07-23 (sovosdataincidentsettlement.com), 23 days on.
    assert!(
        out.contains("final approval hearing 2024-07-23: in 23 days"),
        "{out}"
    );
    assert!(!out.contains("hearing deadline"), "{out}");
    assert!(!out.contains("()"), "{out}");
    // The California Statutory Award is a flat $100: printed bare.
    assert!(out.contains(": $100\n") || out.contains(": $100 "), "{out}");
}
