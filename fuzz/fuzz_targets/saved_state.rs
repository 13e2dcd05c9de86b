//! Arbitrary bytes as the JSON of a saved `Answers` map, bare or inside the app's saved state
//! (`{"pack_date": .., "lang": .., "answers": {..}}`, what the app keeps in local storage):
//! reading never panics; `sanitize` keeps exactly the answers that still fit and names every
//! dropped one; the kept answers evaluate and ask their next question without panicking.
#![no_main]

use claimcheck_engine::answers::{sanitize, Answers};
use claimcheck_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let saved = match serde_json::from_slice::<Answers>(data) {
        Ok(a) => a,
        Err(_) => match serde_json::from_slice::<serde_json::Value>(data) {
            Ok(serde_json::Value::Object(mut m)) => match m.remove("answers") {
                Some(v) => match serde_json::from_value::<Answers>(v) {
                    Ok(a) => a,
                    Err(_) => return,
                },
                None => return,
            },
            _ => return,
        },
    };
    let pack = small_pack();
    let (kept, dropped) = sanitize(pack, &saved);
    assert_eq!(
        kept.len() + dropped.len(),
        saved.len(),
        "every answer is kept or named"
    );
    for e in &dropped {
        assert!(saved.contains_key(&e.question) && !kept.contains_key(&e.question));
        assert!(!e.message.trim().is_empty());
    }
    for (k, v) in &kept {
        assert_eq!(saved.get(k), Some(v), "sanitize keeps answers as they were");
    }
    check_answers_fit(pack, &kept);
    exercise(pack, &kept, &todays(pack));
});
