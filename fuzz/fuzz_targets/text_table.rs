//! Arbitrary bytes as one language's text file (`wire::decode_texts`) for the tiny pack's
//! structure, and as a structure (`wire::decode_split`). Decoding never panics; a table that
//! decodes either fits the structure exactly (and then puts its texts back where they were) or
//! is refused, and a table made for another structure is always refused. The input's
//! fingerprint (bytes 5..21) is replaced by the structure's, so that mutations explore the
//! table itself rather than stop at the fingerprint check.
#![no_main]

use claimcheck_engine::text::Lang;
use claimcheck_engine::wire::{decode_split, decode_texts, split_pack, structure_hash};
use claimcheck_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let pack = small_pack();
    let (structure, texts) = split_pack(pack);
    let hash = structure_hash(&structure);
    let mut data = data.to_vec();
    if data.len() >= 21 {
        data[5..21].copy_from_slice(hash.as_bytes());
    }
    let data = &data[..];
    if let Ok(table) = decode_texts(data, &hash) {
        let (en, es) = match table.lang {
            Lang::En => (Some(&table), None),
            Lang::Es => (None, Some(&table)),
        };
        match decode_split(&structure, en, es) {
            Ok(p) => {
                assert_eq!(table.pack.len(), texts.len());
                assert_eq!(p.settlements.len(), pack.settlements.len());
            }
            Err(_) => assert_ne!(table.pack.len(), texts.len()),
        }
        assert!(decode_texts(data, &structure_hash(b"other")).is_err());
    }
    let _ = decode_split(data, None, None);
});
