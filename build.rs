//! Loads and validates `rules/` at build time (a bad rule pack fails the build with every
//! `file:line:col` error) and writes the validated pack in the engine's compact binary form
//! (`claimcheck_engine::wire`) into OUT_DIR, split by language: `structure.bin`, which the app
//! embeds, and `texts-en.bin` / `texts-es.bin`, each holding one language's pack texts followed
//! by the app's own texts (`src/ui_texts.rs`), which scripts/postbuild.py copies beside the app
//! for it to fetch. `structure_hash.txt` ties the three together. The app itself knows nothing
//! of rule-file syntax.
//!
//! Fields the app never reads are left out of the embedded copy, since every byte is downloaded
//! by every person: each reading's verbatim `quote` (the app links every fact to its source
//! instead; the CLI, the JS API's `pack()` and the rule files keep the quotes) and each
//! organisation's `not_to_confuse` list (used only by the validator, here at build time).

use std::path::PathBuf;

/// Removes, anywhere in the pack's JSON form, the members the app never reads.
fn slim(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("quote");
            m.remove("not_to_confuse");
            m.values_mut().for_each(slim);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(slim),
        _ => {}
    }
}

/// The app's own texts, in `i18n::K` order: the same file the app reads for its key names.
macro_rules! texts {
    ($($k:ident => ($en:expr, $es:expr),)*) => {
        const UI: &[(&str, &str, &str)] = &[$((stringify!($k), $en, $es)),*];
    };
}
include!("src/ui_texts.rs");

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    // CLAIMCHECK_RULES_DIR (an absolute path) points the build at another rules folder; only
    // scripts/perf.sh uses it, to measure the bytes each added settlement costs.
    let rules = match std::env::var_os("CLAIMCHECK_RULES_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => root.join("rules"),
    };
    println!("cargo:rerun-if-env-changed=CLAIMCHECK_RULES_DIR");
    println!("cargo:rerun-if-changed={}", rules.display());
    println!("cargo:rerun-if-changed=build.rs");
    let loaded = claimcheck_engine::load::load_dir_or_fail_build(&rules);
    let mut json = serde_json::to_value(&loaded.pack).expect("the pack serializes");
    slim(&mut json);
    let pack: claimcheck_engine::Pack =
        serde_json::from_value(json).expect("the slimmed pack reads back");
    println!("cargo:rerun-if-changed=src/ui_texts.rs");
    let blank = UI
        .iter()
        .find(|(_, en, es)| en.trim().is_empty() || es.trim().is_empty());
    if let Some((key, _, _)) = blank {
        panic!("src/ui_texts.rs: {key} has an empty text; write it in both languages");
    }
    use claimcheck_engine::text::Lang;
    use claimcheck_engine::wire::{self, TextTable};
    let (structure, texts) = wire::split_pack(&pack);
    let hash = wire::structure_hash(&structure);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("write {name}: {e}"))
    };
    for (lang, name) in [(Lang::En, "texts-en.bin"), (Lang::Es, "texts-es.bin")] {
        let table = TextTable {
            lang,
            pack: texts.iter().map(|t| t.get(lang).to_string()).collect(),
            extra: UI
                .iter()
                .map(|(_, en, es)| if lang == Lang::En { en } else { es }.to_string())
                .collect(),
        };
        write(name, &wire::encode_texts(&table, &hash));
    }
    write("structure.bin", &structure);
    write("structure_hash.txt", hash.as_bytes());
    std::fs::write(out.join("pack_date.txt"), pack.checked_on.to_string())
        .expect("write pack_date.txt");
}
