//! Arbitrary bytes as the app's saved state (`claimcheck_engine::saved`, the plain-text lines
//! the app keeps in local storage when the person opts in): reading never panics; what was read
//! writes back and reads again to the same thing; `sanitize` keeps exactly the answers that still
//! fit and names every dropped one; the kept answers evaluate and ask their next question without
//! panicking.
#![no_main]

use claimcheck_engine::answers::sanitize;
use claimcheck_engine::saved;
use claimcheck_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(read) = saved::read(text) else {
        return;
    };
    let again = saved::read(&saved::write(&read.saved)).expect("reads what it wrote");
    assert_eq!(again.saved, read.saved, "a saved state round-trips");
    assert!(again.unreadable.is_empty());
    let answers = read.saved.answers;
    let pack = small_pack();
    let (kept, dropped) = sanitize(pack, &answers);
    assert_eq!(
        kept.len() + dropped.len(),
        answers.len(),
        "every answer is kept or named"
    );
    for e in &dropped {
        assert!(answers.contains_key(&e.question) && !kept.contains_key(&e.question));
        assert!(!e.message.trim().is_empty());
    }
    for (k, v) in &kept {
        assert_eq!(answers.get(k), Some(v), "sanitize keeps answers as they were");
    }
    check_answers_fit(pack, &kept);
    exercise(pack, &kept, &todays(pack));
});
