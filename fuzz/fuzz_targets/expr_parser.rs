//! Arbitrary strings to the condition parser (`expr::parse`) and the benefit-combination
//! parser (`expr::parse_combo`): never panic, errors point inside the text, and a parsed
//! condition evaluates (three-valued) against a few answer sets without panicking.
#![no_main]

use claimcheck_engine::expr::{parse, parse_combo};
use claimcheck_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let pack = small_pack();

    let mut refs = Vec::new();
    match parse(&text, &mut refs) {
        Ok(e) => {
            for a in sample_answers(pack) {
                let _ = e.eval(&a, &pack.organisations);
            }
            let mut qs = Vec::new();
            e.questions(&mut qs);
            let json = serde_json::to_string(&e).expect("a condition serialises");
            let back: claimcheck_engine::expr::Expr =
                serde_json::from_str(&json).unwrap_or_else(|err| panic!("{err}: {json}"));
            assert_eq!(back, e);
        }
        Err(pe) => {
            assert!(
                pe.at <= text.len(),
                "error at {} past the end {}",
                pe.at,
                text.len()
            );
            assert!(!pe.message.is_empty());
        }
    }

    let mut names = Vec::new();
    match parse_combo(&text, &mut names) {
        Ok(_) => assert!(
            !names.is_empty(),
            "a combination names at least one benefit"
        ),
        Err(pe) => assert!(
            pe.at <= text.len(),
            "error at {} past the end {}",
            pe.at,
            text.len()
        ),
    }
});
