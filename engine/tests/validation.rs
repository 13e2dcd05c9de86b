//! The loader's and validator's messages: every problem names file, line and column and says
//! how to fix it; misspelt ids get a did-you-mean.

mod common;

fn one_error_containing(acme: &str, needle: &str) -> String {
    let errs = common::errors(acme);
    errs.iter()
        .find(|e| e.contains(needle))
        .cloned()
        .unwrap_or_else(|| panic!("no error containing {needle:?} in:\n{}", errs.join("\n")))
}

#[test]
fn misspelt_question_points_at_it_with_did_you_mean() {
    let bad = common::ACME.replace(
        "when = \"notice includes acme and us_resident = yes\"",
        "when = \"notice includes acme and us_resdent = yes\"",
    );
    let e = one_error_containing(&bad, "us_resdent");
    // Line of the route's `when`, column of the misspelt word inside the string.
    let line = bad.lines().position(|l| l.contains("us_resdent")).unwrap() + 1;
    let col = bad
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("us_resdent")
        .unwrap()
        + 1;
    assert!(
        e.starts_with(&format!(
            "rules/acme/settlement.toml:{line}:{col}: unknown question `us_resdent`"
        )),
        "{e}"
    );
    assert!(e.contains("did you mean `us_resident`?"), "{e}");
}

#[test]
fn value_without_source_is_an_error() {
    let bad = common::ACME.replace(
        "fund = { value = \"$1,000,000\", source = \"site\" }",
        "fund = { value = \"$1,000,000\" }",
    );
    let e = one_error_containing(&bad, "neither source nor `unverified`");
    assert!(e.contains("settlement.toml:"), "{e}");
}

#[test]
fn missing_spanish_is_an_error() {
    let bad = common::ACME.replace(
        "reason = { en = \"Acme notified you.\", es = \"Acme le notificó.\" }",
        "reason = { en = \"Acme notified you.\" }",
    );
    let e = one_error_containing(&bad, "missing Spanish text");
    assert!(e.contains("GLOSSARY-es.md"), "{e}");
}

#[test]
fn benefit_naming_a_missing_cap_target() {
    let bad = common::ACME.replace("counts_toward = \"losses\"", "counts_toward = \"loses\"");
    let e = one_error_containing(&bad, "counts_toward");
    assert!(e.contains("did you mean `losses`?"), "{e}");
}

#[test]
fn dates_out_of_order() {
    let bad = common::ACME.replace(
        "date = { value = 2026-12-01, source = \"site\" }",
        "date = { value = 2023-12-01, source = \"site\" }",
    );
    one_error_containing(&bad, "before the incident started");
}

#[test]
fn unreachable_route_fails_the_build() {
    let bad = common::ACME.replace(
        "when = \"notice includes acme and us_resident = yes\"",
        "when = \"notice includes acme and us_resident = yes and us_resident = no\"",
    );
    let e = one_error_containing(&bad, "can never hold");
    assert!(e.contains("route `notified`"), "{e}");
}

#[test]
fn unknown_keys_and_kinds_get_suggestions() {
    let bad = common::ACME.replace(
        "counts_toward = \"losses\"\nproof",
        "counts_towards = \"losses\"\nproof",
    );
    let e = one_error_containing(&bad, "counts_towards");
    assert!(e.contains("did you mean `counts_toward`?"), "{e}");
    let bad = common::ACME.replace("kind = \"pro_rata_cash\"", "kind = \"prorata_cash\"");
    let e = one_error_containing(&bad, "prorata_cash");
    assert!(e.contains("did you mean `pro_rata_cash`?"), "{e}");
}

#[test]
fn deadline_needs_a_zone_and_a_known_kind() {
    let bad = common::ACME.replace("zone = \"unknown\"\n", "");
    one_error_containing(&bad, "must say its time zone");
}

#[test]
fn broken_toml_reports_its_position() {
    let bad = common::ACME.replace("[case]", "[case");
    let errs = common::errors(&bad);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("rules/acme/settlement.toml:")),
        "{errs:?}"
    );
}

#[test]
fn gate_on_a_later_question_is_a_loop() {
    let mut files = common::files(common::ACME);
    files[1].1 =
        common::QUESTIONS.replace("ask_if = \"had_costs = yes\"", "ask_if = \"hours >= 1\"");
    let errs = match claimcheck_engine::load::load_files(&files) {
        Ok(_) => panic!("a forward gate must fail"),
        Err(e) => e.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
    };
    assert!(
        errs.iter()
            .any(|e| e.contains("rules/questions.toml:") && e.contains("could loop")),
        "{errs:?}"
    );
}

#[test]
fn hostile_text_never_panics() {
    for junk in [
        "",
        "\u{0}",
        "id = ",
        "[[[[",
        "id = \"acme\"\n[class]\nroute = 5",
        "x = \"\\u{202E}\"",
        &"a".repeat(100_000),
    ] {
        let _ = common::errors(junk);
    }
}
