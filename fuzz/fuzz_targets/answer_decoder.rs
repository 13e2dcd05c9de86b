//! Arbitrary bytes as an answer file, read both as a TOML table (`load::answers_from_table`)
//! and as a JSON object (each value through `answers::decode_answer`), against the tiny pack.
//! Decoding never panics, every refusal names its question and says what was expected,
//! whatever decodes is kept by `sanitize` and survives a JSON round trip, and evaluating it
//! (on ordinary and extreme days) and asking the next question never panic.
#![no_main]

use claimcheck_engine::answers::{decode_answer, Answers};
use claimcheck_engine::load::answers_from_table;
use claimcheck_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let pack = small_pack();
    let days = todays(pack);
    let text = String::from_utf8_lossy(data);

    if let Ok(table) = toml::from_str::<toml::Table>(&text) {
        match answers_from_table(pack, &table) {
            Ok(a) => {
                check_answers_fit(pack, &a);
                exercise(pack, &a, &days);
            }
            Err(errs) => {
                assert!(!errs.is_empty());
                for e in &errs {
                    assert!(table.contains_key(&e.question), "error names no key: {e}");
                    assert!(!e.message.trim().is_empty());
                    let _ = e.to_string();
                }
            }
        }
    }

    if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(data) {
        let mut kept = Answers::new();
        for (k, v) in &map {
            let Some(raw) = raw_from_json(v) else {
                continue;
            };
            match decode_answer(pack, k, &raw) {
                Ok(a) => {
                    kept.insert(k.clone(), a);
                }
                Err(e) => {
                    assert_eq!(&e.question, k);
                    assert!(!e.message.trim().is_empty());
                }
            }
        }
        check_answers_fit(pack, &kept);
        exercise(pack, &kept, &days);
    }
});
