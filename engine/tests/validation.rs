//! The loader's and validator's messages: every problem names file, line and column and says
//! how to fix it; misspelt ids get a did-you-mean.

mod common;

use claimcheck_engine::fact::Fact;
use claimcheck_engine::text::Text;

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
    assert!(e.contains("docs/glossary-es.md"), "{e}");
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

/// `rules/acme/settlement.toml:LINE:COL` of the first `needle` in `text` (1-based, characters).
fn position_of(text: &str, needle: &str) -> String {
    let (line, l) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let col = l[..l.find(needle).unwrap_or(0)].chars().count() + 1;
    format!("rules/acme/settlement.toml:{}:{col}", line + 1)
}

const JUDGE: &str = "judge = { unverified = { en = \"not stated\", es = \"no se indica\" } }";
const REASON_FIX: &str = "write unverified = { en = \"...\", es = \"...\" }";

#[test]
fn an_english_only_unverified_reason_fails_at_its_position_with_the_fix() {
    let bad = common::ACME.replace(JUDGE, "judge = { unverified = \"not stated\" }");
    let e = one_error_containing(&bad, "judge: the `unverified` reason is in English only");
    assert!(
        e.starts_with(&format!("{}: ", position_of(&bad, "\"not stated\""))),
        "{e}"
    );
    assert!(e.contains(REASON_FIX), "{e}");
    assert!(e.contains("docs/glossary-es.md"), "{e}");
}

#[test]
fn an_unverified_reason_without_spanish_fails_at_its_position_with_the_fix() {
    let bad = common::ACME.replace(JUDGE, "judge = { unverified = { en = \"not stated\" } }");
    let e = one_error_containing(
        &bad,
        "judge: the `unverified` reason has no Spanish text (es)",
    );
    assert!(
        e.starts_with(&format!(
            "{}: ",
            position_of(&bad, "{ en = \"not stated\" }")
        )),
        "{e}"
    );
    assert!(e.contains(REASON_FIX), "{e}");

    let bad = common::ACME.replace(
        JUDGE,
        "judge = { unverified = { en = \"not stated\", es = \"  \" } }",
    );
    let e = one_error_containing(
        &bad,
        "judge: the Spanish text of the `unverified` reason is empty",
    );
    assert!(
        e.starts_with(&format!("{}: ", position_of(&bad, "\"  \""))),
        "{e}"
    );
    assert!(e.contains(REASON_FIX), "{e}");

    let bad = common::ACME.replace(JUDGE, "judge = { unverified = { es = \"no se indica\" } }");
    let e = one_error_containing(
        &bad,
        "judge: the `unverified` reason has no English text (en)",
    );
    assert!(e.contains(REASON_FIX), "{e}");
}

#[test]
fn a_misspelt_language_key_in_a_reason_gets_a_did_you_mean() {
    let bad = common::ACME.replace(
        JUDGE,
        "judge = { unverified = { en = \"not stated\", esp = \"no se indica\" } }",
    );
    let e = one_error_containing(&bad, "unknown field `esp`");
    assert!(e.starts_with("rules/acme/settlement.toml:"), "{e}");
    assert!(e.contains("did you mean `es`?"), "{e}");
}

#[test]
fn a_related_case_reason_needs_english_and_spanish() {
    let related = "[[case.related]]\ntitle = \"Roe v. Acme\"\nrelation = { en = \"Same breach.\", es = \"La misma violación de datos.\" }\n";
    let with = |unverified: &str| {
        common::ACME.replace(
            "\n[incident]",
            &format!("{related}unverified = {unverified}\n\n[incident]"),
        )
    };
    let bad = with("\"No page says how.\"");
    let e = one_error_containing(
        &bad,
        "related case: the `unverified` reason is in English only",
    );
    assert!(
        e.starts_with(&format!("{}: ", position_of(&bad, "\"No page says how.\""))),
        "{e}"
    );
    assert!(e.contains(REASON_FIX), "{e}");
    let good = common::load(&with(
        "{ en = \"No page says how.\", es = \"Ninguna página dice cómo.\" }",
    ));
    match &good.pack.settlements[0].case.related[0].relation {
        Fact::Unverified { reason } => {
            assert_eq!(reason.en, "No page says how.");
            assert_eq!(reason.es, "Ninguna página dice cómo.");
        }
        other => panic!("expected an unverified relation, got {other:?}"),
    }
}

/// The reason of an unverified fact, or a failure naming what it was instead.
fn reason_of<'f, T: std::fmt::Debug>(what: &str, f: &'f Fact<T>) -> &'f Text {
    match f {
        Fact::Unverified { reason } => reason,
        other => panic!("{what}: expected unverified, got {other:?}"),
    }
}

#[test]
fn the_loaders_own_reasons_for_a_short_entry_are_bilingual() {
    // A short entry may leave out the court, the fund, the number affected and more; the loader
    // then says why, in both languages.
    let short = common::ACME
        .replace("detail = \"full\"", "detail = \"short\"")
        .replace("court = { value = \"D. Test\", source = \"site\" }\n", "")
        .replace("fund = { value = \"$1,000,000\", source = \"site\" }\n", "")
        .replace("people = { value = 100000, source = \"site\" }\n", "");
    let l = common::load(&short);
    let s = &l.pack.settlements[0];
    let reasons = [
        reason_of("court", &s.case.court),
        reason_of("fund", &s.case.fund),
        reason_of("people", &s.incident.people),
    ];
    for r in reasons {
        assert!(r.en.starts_with("Our sources do not state "), "{r:?}");
        assert!(r.es.starts_with("Nuestras fuentes no indican "), "{r:?}");
    }
    assert_eq!(reasons[0].es, "Nuestras fuentes no indican el Tribunal.");
    assert_eq!(
        reasons[2].es,
        "Nuestras fuentes no indican cuántas personas resultaron afectadas."
    );
    assert_ne!(
        reasons[0].es, reasons[1].es,
        "each left-out fact says which one"
    );
}

#[test]
fn bare_home_page_source_fails_with_place_and_fix() {
    for home in [
        "https://example.org",
        "https://example.org/",
        "http://www.example.org/",
    ] {
        let bad = common::ACME.replace(
            "href = \"https://example.org/acme\"",
            &format!("href = \"{home}\""),
        );
        let e = one_error_containing(&bad, "home page");
        let line = bad
            .lines()
            .position(|l| l.contains(&format!("href = \"{home}\"")))
            .unwrap()
            + 1;
        assert!(
            e.starts_with(&format!("rules/acme/settlement.toml:{line}:8:")),
            "{e}"
        );
        assert!(e.contains("official_home = true"), "{e}");
    }
}

#[test]
fn official_home_page_is_accepted_and_deeper_pages_need_no_mark() {
    let marked = common::ACME.replace(
        "href = \"https://example.org/acme\"",
        "href = \"https://example.org\"\nofficial_home = true",
    );
    assert!(
        common::errors(&marked)
            .iter()
            .all(|e| !e.contains("home page")),
        "{:?}",
        common::errors(&marked)
    );
    for deep in ["https://example.org/faq", "https://example.org/?p=19445"] {
        let ok = common::ACME.replace(
            "href = \"https://example.org/acme\"",
            &format!("href = \"{deep}\""),
        );
        assert!(common::errors(&ok).iter().all(|e| !e.contains("home page")));
    }
}
