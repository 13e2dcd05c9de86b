//! The binary form the browser app embeds: the bundled pack survives encode -> decode exactly,
//! is smaller than its JSON, and no corruption of its bytes panics the decoder.

mod common;

use claimcheck_engine::load::load_dir;
use claimcheck_engine::wire::{decode_pack, encode_pack};
use std::path::Path;

fn bundled() -> claimcheck_engine::Pack {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    match load_dir(&root) {
        Ok(l) => l.pack,
        Err(e) => panic!("the bundled rules do not load: {} errors", e.len()),
    }
}

#[test]
fn the_bundled_pack_round_trips_exactly() {
    let pack = bundled();
    let bytes = encode_pack(&pack);
    let back = decode_pack(&bytes).expect("decodes what it encoded");
    assert!(back == pack, "the decoded pack differs from the original");
    let json = serde_json::to_vec(&pack).expect("json");
    println!(
        "pack: {} bytes binary, {} bytes JSON",
        bytes.len(),
        json.len()
    );
    assert!(bytes.len() < json.len());
}

#[test]
fn the_small_test_pack_round_trips_exactly() {
    let pack = common::load(common::ACME).pack;
    assert!(decode_pack(&encode_pack(&pack)).ok() == Some(pack));
}

#[test]
fn truncated_or_corrupted_bytes_give_an_error_never_a_panic() {
    let bytes = encode_pack(&bundled());
    // Every truncation point in the first 4 KB, then every 97th.
    let cuts = (0..4096.min(bytes.len())).chain((4096..bytes.len()).step_by(97));
    for n in cuts {
        assert!(
            decode_pack(&bytes[..n]).is_err(),
            "a pack cut at {n} decoded"
        );
    }
    // Flipped bytes decode to something or to an error; they never panic.
    let mut rng = common::Rng(0x5eed);
    for _ in 0..2_000 {
        let mut b = bytes.clone();
        for _ in 0..1 + rng.below(4) {
            let i = rng.below(b.len());
            b[i] ^= 1 << rng.below(8);
        }
        let _ = decode_pack(&b);
    }
    let mut extra = bytes.clone();
    extra.push(0);
    assert!(decode_pack(&extra).is_err());
}

// ---- the pack split into structure and one table per language ----

use claimcheck_engine::text::{Lang, Text};
use claimcheck_engine::wire::{
    decode_split, decode_texts, encode_texts, split_pack, structure_hash, TextTable,
};

fn tables(texts: &[Text]) -> (TextTable, TextTable) {
    let en = TextTable {
        lang: Lang::En,
        pack: texts.iter().map(|t| t.en.clone()).collect(),
        extra: vec!["Back".into()],
    };
    let es = TextTable {
        lang: Lang::Es,
        pack: texts.iter().map(|t| t.es.clone()).collect(),
        extra: vec!["Atrás".into()],
    };
    (en, es)
}

#[test]
fn structure_and_both_tables_give_back_the_whole_pack() {
    let pack = bundled();
    let (structure, texts) = split_pack(&pack);
    assert!(texts.len() > 1000, "only {} texts", texts.len());
    assert!(structure.len() * 3 < encode_pack(&pack).len());
    let hash = structure_hash(&structure);
    let (en, es) = tables(&texts);
    let en = decode_texts(&encode_texts(&en, &hash), &hash).expect("en table");
    let es = decode_texts(&encode_texts(&es, &hash), &hash).expect("es table");
    assert_eq!(en.extra, ["Back"]);
    let back = decode_split(&structure, Some(&en), Some(&es)).expect("whole pack");
    assert!(back == pack, "structure + tables differ from the pack");
}

#[test]
fn one_table_gives_that_language_and_leaves_the_other_empty() {
    let pack = bundled();
    let (structure, texts) = split_pack(&pack);
    let (en, _) = tables(&texts);
    let only_en = decode_split(&structure, Some(&en), None).expect("English only");
    let s = &only_en.settlements[0];
    assert_eq!(s.summary.en, pack.settlements[0].summary.en);
    assert!(!s.summary.en.is_empty());
    assert_eq!(s.summary.es, "");
    // Ids, dates and amounts do not depend on the texts.
    assert_eq!(only_en.settlements.len(), pack.settlements.len());
    assert_eq!(only_en.checked_on, pack.checked_on);
    let none = decode_split(&structure, None, None).expect("structure alone");
    assert_eq!(none.questions[0].text, Text::default());
}

#[test]
fn a_table_for_other_rules_or_of_the_wrong_size_is_refused() {
    let pack = bundled();
    let (structure, texts) = split_pack(&pack);
    let hash = structure_hash(&structure);
    let (en, es) = tables(&texts);
    let bytes = encode_texts(&en, &hash);
    let other = structure_hash(b"other rules");
    assert_ne!(other, hash);
    assert!(decode_texts(&bytes, &other).is_err());
    let mut short = en.clone();
    short.pack.pop();
    assert!(decode_split(&structure, Some(&short), None).is_err());
    // A Spanish table offered as English.
    assert!(decode_split(&structure, Some(&es), None).is_err());
    // Every truncation of a table is an error, never a panic.
    for cut in (0..bytes.len()).step_by(61) {
        assert!(decode_texts(&bytes[..cut], &hash).is_err(), "cut at {cut}");
    }
    assert!(decode_texts(b"CCP1....", &hash).is_err());
}

#[test]
fn the_structure_hash_is_16_hex_digits_and_tells_structures_apart() {
    let a = structure_hash(b"");
    assert_eq!(a, "cbf29ce484222325");
    assert_ne!(structure_hash(b"a"), structure_hash(b"b"));
    assert!(structure_hash(b"xyz")
        .chars()
        .all(|c| c.is_ascii_hexdigit()));
}

/// Writes the `text_table` fuzz target's seeds (the test pack's two tables)
/// when asked: `CLAIMCHECK_WRITE_SEEDS=1 cargo test -p claimcheck-engine --test wire seeds`.
#[test]
fn seeds_for_the_text_table_fuzz_target() {
    let pack = common::load(common::ACME).pack;
    let (structure, texts) = split_pack(&pack);
    let hash = structure_hash(&structure);
    let (en, es) = tables(&texts);
    let seeds = [
        ("en.bin", encode_texts(&en, &hash)),
        ("es.bin", encode_texts(&es, &hash)),
    ];
    for (_, bytes) in &seeds {
        assert!(!bytes.is_empty());
    }
    if std::env::var_os("CLAIMCHECK_WRITE_SEEDS").is_some() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/text_table");
        std::fs::create_dir_all(&dir).expect("seed folder");
        for (name, bytes) in &seeds {
            std::fs::write(dir.join(name), bytes).expect("write seed");
        }
    }
}
