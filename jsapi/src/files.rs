//! Reading a published pack: the files `claimcheck pack` writes (docs/pack-format.md), the
//! same ones the app fetches: the structure (`claimcheck-pack-*.bin`) and the text tables
//! (`claimcheck-texts-en-*.bin`, `claimcheck-texts-es-*.bin`). A language whose table is not
//! given has empty texts. Bytes that are not a pack, of another major version, damaged or made
//! for other rules are refused with a sentence saying which.
//!
//! Knows nothing of JavaScript (`js.rs` hands the bytes in) nor of where the files come from.

use claimcheck_engine::text::Lang;
use claimcheck_engine::wire::{self, TextTable, FORMAT_VERSION};
use claimcheck_engine::Pack;

/// The pack of a structure file and any text tables (at most one per language).
pub fn read(structure: &[u8], tables: &[&[u8]]) -> Result<Pack, String> {
    version(structure, "the structure")?;
    kind(structure, b"CCP", "the structure", "claimcheck-pack-*.bin")?;
    let hash = wire::structure_hash(structure);
    let (mut en, mut es): (Option<TextTable>, Option<TextTable>) = (None, None);
    for (i, bytes) in tables.iter().enumerate() {
        let what = format!("text file {}", i + 1);
        version(bytes, &what)?;
        kind(bytes, b"CCT", &what, "claimcheck-texts-LANG-*.bin")?;
        let t = wire::decode_texts(bytes, &hash)
            .map_err(|e| format!("{what} is not a text table of this structure: {e}"))?;
        let slot = match t.lang {
            Lang::En => &mut en,
            Lang::Es => &mut es,
        };
        if slot.is_some() {
            return Err(format!("{what} repeats a language already given"));
        }
        *slot = Some(t);
    }
    wire::decode_split(structure, en.as_ref(), es.as_ref())
        .map_err(|e| format!("the pack files do not read as one pack: {e}"))
}

/// Refuses a pack file of another kind than the one expected where it was given.
fn kind(bytes: &[u8], magic: &[u8; 3], what: &str, file: &str) -> Result<(), String> {
    if bytes.starts_with(magic) {
        Ok(())
    } else {
        Err(format!(
            "{what} is another kind of pack file (expected {file})"
        ))
    }
}

/// Refuses bytes that are not a pack file, or of another major format version.
fn version(bytes: &[u8], what: &str) -> Result<(), String> {
    match wire::file_version(bytes) {
        None => Err(format!("{what} is not a claimcheck pack file")),
        Some(v) if v != FORMAT_VERSION => Err(format!(
            "{what} is in pack format version {v}, and this API reads version {FORMAT_VERSION}"
        )),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRUCTURE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/structure.bin"));
    const EN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/texts-0.bin"));
    const ES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/texts-1.bin"));

    #[test]
    fn the_published_files_read_as_the_bundled_pack() {
        let p = read(STRUCTURE, &[EN, ES]).expect("reads");
        let b = crate::bundled();
        assert_eq!(p.checked_on, b.checked_on);
        let ids = |p: &Pack| {
            p.settlements
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&p), ids(b));
        assert_eq!(p.settlements[0].summary, b.settlements[0].summary);
        assert_eq!(p.questions.len(), b.questions.len());
        // One language given: the other's texts are empty.
        let es_only = read(STRUCTURE, &[ES]).expect("reads");
        assert!(es_only.settlements[0].summary.en.is_empty());
        assert_eq!(
            es_only.settlements[0].summary.es,
            b.settlements[0].summary.es
        );
    }

    #[test]
    fn files_that_are_not_this_pack_are_refused_saying_why() {
        let e = read(b"{\"settlements\": []}", &[]).unwrap_err();
        assert!(e.contains("not a claimcheck pack file"), "{e}");
        let mut newer = STRUCTURE.to_vec();
        let next = FORMAT_VERSION + 1;
        newer[3] = b'0' + next as u8;
        let e = read(&newer, &[]).unwrap_err();
        assert!(
            e.contains(&format!("version {next}"))
                && e.contains(&format!("reads version {FORMAT_VERSION}")),
            "{e}"
        );
        let e = read(EN, &[ES]).unwrap_err();
        assert!(e.contains("the structure is another kind"), "{e}");
        let e = read(STRUCTURE, &[STRUCTURE]).unwrap_err();
        assert!(e.contains("text file 1 is another kind"), "{e}");
        let e = read(STRUCTURE, &[EN, EN]).unwrap_err();
        assert!(e.contains("repeats a language"), "{e}");
        let mut cut = EN.to_vec();
        cut.truncate(EN.len() / 2);
        assert!(read(STRUCTURE, &[&cut])
            .unwrap_err()
            .contains("text file 1"));
        // A table made for other rules (another fingerprint) is refused.
        let mut other = ES.to_vec();
        other[5] = if other[5] == b'0' { b'1' } else { b'0' };
        assert!(read(STRUCTURE, &[&other]).is_err());
        assert!(read(&STRUCTURE[..STRUCTURE.len() - 3], &[]).is_err());
    }
}
