//! Arbitrary bytes as the text of rules/<x>/settlement.toml, loaded with a valid pack around
//! it: the tiny pack when the file says `id = "acme"` (or names no plain id), otherwise the
//! bundled question bank and organisations, so real settlement files load all the way through.
//! Loading must never panic; a refusal must point into the file with a message and a fix; a
//! pack that loads must evaluate and ask its next question without panicking.
#![no_main]

use claimcheck_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let files = match declared_id(&text) {
        Some(id) if id != "acme" => {
            let (q, o) = bundled_context();
            files(q, o, id, &text, None)
        }
        _ => files(QUESTIONS, ORGS, "acme", &text, Some(ACME_SCENARIOS)),
    };
    load_and_use(&files);
});
