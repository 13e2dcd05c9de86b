//! Arbitrary bytes as the text of rules/questions.toml, loaded with the tiny organisations and
//! settlement: never panics; refusals point into the file; a pack that loads evaluates.
#![no_main]

use claimcheck_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    load_and_use(&files(&text, ORGS, "acme", ACME, Some(ACME_SCENARIOS)));
});
