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
