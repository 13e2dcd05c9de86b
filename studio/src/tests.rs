//! The core against the bundled rules and small edits of them.

use super::*;

const MAXIM: &str = "rules/maxim-healthcare/settlement.toml";
const MAXIM_SC: &str = "rules/maxim-healthcare/scenarios.toml";

fn edit(files: &mut [(String, String)], label: &str, from: &str, to: &str) -> String {
    let f = files
        .iter_mut()
        .find(|(l, _)| l == label)
        .expect("bundled file");
    assert!(f.1.contains(from), "{label} holds {from:?}");
    f.1 = f.1.replacen(from, to, 1);
    f.1.clone()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("line present")
        + 1
}

#[test]
fn bundled_rules_load_and_their_scenarios_pass() {
    let files = bundled();
    let folders = files
        .iter()
        .filter(|(l, _)| l.ends_with("/settlement.toml"))
        .count();
    let a = analyse(&files, "");
    assert!(a.errors.is_empty(), "{:?}", a.errors);
    assert_eq!(a.settlements.len(), folders);
    assert!(!a.scenarios.is_empty());
    let failing: Vec<_> = a.scenarios.iter().filter(|s| !s.pass).collect();
    assert!(failing.is_empty(), "{failing:?}");
}

#[test]
fn a_misspelt_key_is_reported_at_its_line_with_the_right_name() {
    let mut files = bundled();
    let text = edit(&mut files, MAXIM, "incident_family =", "incident_famly =");
    let a = analyse(&files, "maxim-healthcare");
    let e = a
        .errors
        .iter()
        .find(|e| e.file == MAXIM)
        .expect("an error in the edited file");
    assert_eq!(e.line, line_of(&text, "incident_famly"));
    assert!(e.fix.contains("incident_family"), "{}", e.fix);
    assert!(a.scenarios.is_empty() && a.flow.is_empty());
}

#[test]
fn a_failing_scenario_says_what_differed() {
    let mut files = bundled();
    edit(
        &mut files,
        MAXIM_SC,
        "expect.verdict = \"likely\"",
        "expect.verdict = \"member\"",
    );
    let a = analyse(&files, "maxim-healthcare");
    assert!(a.errors.is_empty(), "{:?}", a.errors);
    let failed: Vec<_> = a.scenarios.iter().filter(|s| !s.pass).collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0].differences[0].contains("expected member"));
    assert!(a.scenarios.iter().all(|s| s.file == MAXIM_SC));
}

#[test]
fn the_focused_settlement_has_a_flow_and_its_unverified_values() {
    let a = analyse(&bundled(), "maxim-healthcare");
    assert!(a.flow.iter().any(|e| e.from == "start"));
    assert!(a.flow.iter().any(|e| e.to == "verdict_likely"));
    assert!(a.flow.iter().any(|e| e.to == "verdict_not_member"));
    let def = a
        .unverified
        .iter()
        .find(|u| u.path.contains("definition"))
        .expect("the class definition is unverified");
    assert!(def
        .reason
        .starts_with("We did not read the class definition"));
}

#[test]
fn a_settlement_without_the_shared_files_says_which_are_missing() {
    let files: Vec<_> = bundled()
        .into_iter()
        .filter(|(l, _)| l.starts_with("rules/maxim-healthcare/"))
        .collect();
    let a = analyse(&files, "maxim-healthcare");
    assert!(a.errors.iter().any(|e| e.file == "rules/pack.toml"));
}

#[test]
fn an_unreadable_file_list_is_an_error_not_a_panic() {
    assert!(files_from_json("{not json").is_err());
    assert!(files_from_json("[[\"rules/pack.toml\", 3]]").is_err());
    assert_eq!(
        files_from_json("[[\"a\", \"b\"]]"),
        Ok(vec![("a".into(), "b".into())])
    );
}

#[test]
fn the_draft_pack_is_refused_while_a_problem_remains_and_made_when_it_loads() {
    let mut files = bundled();
    let table = publish::draft_table(&files).expect("the bundled rules make a pack");
    let v: serde_json::Value = serde_json::from_str(&table).expect("JSON");
    for key in ["pack", "en", "es", "dir-en", "dir-es"] {
        assert!(v[key].as_str().is_some_and(|s| s.len() > 100), "{key}");
    }
    edit(&mut files, MAXIM, "[[", "[[[");
    let e = publish::draft_table(&files).unwrap_err();
    assert!(e.contains("problem"), "{e}");
}

#[test]
fn publishing_is_refused_when_a_scenario_fails() {
    let mut files = bundled();
    edit(
        &mut files,
        MAXIM_SC,
        "expect.verdict = \"likely\"",
        "expect.verdict = \"member\"",
    );
    let e = publish::publish(&files, &claimcheck_publish::Files::new()).unwrap_err();
    assert!(e.contains("scenario"), "{e}");
    // With every scenario passing, what is refused is the folder, by name.
    let e = publish::publish(&bundled(), &claimcheck_publish::Files::new()).unwrap_err();
    assert!(e.contains("index.html"), "{e}");
}

#[test]
fn the_pack_is_the_same_whatever_the_order_of_the_files() {
    let files = bundled();
    let mut reversed = files.clone();
    reversed.reverse();
    assert_eq!(
        publish::draft_table(&files),
        publish::draft_table(&reversed)
    );
}
