//! The app's pack files from a validated pack: the structure (`claimcheck-pack-*.bin`) and one
//! text file per language (`claimcheck-texts-LANG-*.bin`, the pack's texts followed by the app's
//! own). One definition, used by `claimcheck pack` (which writes them into a built `dist/`) and
//! by the app's build.rs (which writes them for the native unit tests only; the wasm embeds no
//! settlement data). docs/pack-format.md describes the bytes.
//!
//! Knows nothing of rule files (the pack is already loaded and validated) nor of `dist/`.

use claimcheck_engine::text::Lang;
use claimcheck_engine::wire::{self, TextTable};
use claimcheck_engine::Pack;

/// The files of one pack, each as bytes, and what ties them together.
pub struct PackFiles {
    pub structure: Vec<u8>,
    /// English, then Spanish; each names the structure's fingerprint.
    pub texts: [(Lang, Vec<u8>); 2],
    /// The directory files (what the first question needs), English then Spanish.
    pub directory: [(Lang, Vec<u8>); 2],
}

/// Removes, anywhere in the pack's JSON form, the members the app never reads: each reading's
/// verbatim `quote` (the app links every fact to its source instead; the CLI, the JS API and
/// the rule files keep them) and each organisation's `not_to_confuse` list (read only by the
/// validator), since every byte is downloaded by every person.
fn slim_json(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("quote");
            m.remove("not_to_confuse");
            m.values_mut().for_each(slim_json);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(slim_json),
        _ => {}
    }
}

/// The pack without what the app never reads.
pub fn slim(pack: &Pack) -> Result<Pack, String> {
    let mut json = serde_json::to_value(pack).map_err(|e| format!("the pack serializes: {e}"))?;
    slim_json(&mut json);
    serde_json::from_value(json).map_err(|e| format!("the slimmed pack reads back: {e}"))
}

/// The app's own texts (`src/ui_texts.rs`).
#[derive(Clone, Copy, Debug)]
pub struct AppTexts<'a> {
    /// `(key, English, Spanish)`, in the app's order.
    pub all: &'a [(&'a str, &'a str, &'a str)],
    /// How many of them, from the first, the screens before the whole pack show: the
    /// directory files carry these only.
    pub first_load: usize,
}

impl AppTexts<'_> {
    /// No app texts (the JS API's pack files: it shows no screens).
    #[allow(dead_code)] // unused where this file is included by path (the app's build.rs)
    pub const NONE: AppTexts<'static> = AppTexts {
        all: &[],
        first_load: 0,
    };

    /// The texts of `lang`, of the first `n`.
    fn of(&self, lang: Lang, n: usize) -> Vec<String> {
        self.all
            .iter()
            .take(n)
            .map(|(_, en, es)| if lang == Lang::En { en } else { es }.to_string())
            .collect()
    }
}

/// The app's texts: none may be blank, and the first-load group is part of them.
pub fn check_ui(ui: AppTexts) -> Result<(), String> {
    if ui.first_load > ui.all.len() {
        return Err(format!(
            "src/ui_texts.rs: {} first-load texts of {} in all",
            ui.first_load,
            ui.all.len()
        ));
    }
    match ui
        .all
        .iter()
        .find(|(_, en, es)| en.trim().is_empty() || es.trim().is_empty())
    {
        Some((key, _, _)) => Err(format!(
            "src/ui_texts.rs: {key} has an empty text; write it in both languages"
        )),
        None => Ok(()),
    }
}

/// The pack files of `pack` (already slimmed) with the app's texts `ui`.
pub fn pack_files(pack: &Pack, ui: AppTexts) -> PackFiles {
    let (structure, texts) = wire::split_pack(pack);
    let hash = wire::structure_hash(&structure);
    let table = |lang: Lang| {
        let t = TextTable {
            lang,
            pack: texts.iter().map(|t| t.get(lang).to_string()).collect(),
            extra: ui.of(lang, ui.all.len()),
        };
        (lang, wire::encode_texts(&t, &hash))
    };
    PackFiles {
        texts: [table(Lang::En), table(Lang::Es)],
        structure,
        directory: [Lang::En, Lang::Es].map(|l| (l, directory_file(pack, ui, l))),
    }
}

/// The directory file of `lang` (`claimcheck-dir-LANG-*.bin`): what the first question needs,
/// fetched at start; the pack with no settlements, its organisations with ids, names and aliases
/// only, its texts in `lang` only, and the app's first-load texts in `lang`.
pub fn directory_file(pack: &Pack, ui: AppTexts, lang: Lang) -> Vec<u8> {
    let mut dir = pack.clone();
    dir.settlements.clear();
    // The picker reads an organisation's id, name and aliases only; its incidents and note are
    // read once settlements are in (the whole pack holds them), so every person's first load
    // does not carry them.
    for o in &mut dir.organisations {
        o.incidents.clear();
        o.note = None;
        o.note_source = None;
    }
    let (structure, texts) = wire::split_pack(&dir);
    let hash = wire::structure_hash(&structure);
    let one = TextTable {
        lang,
        pack: texts.iter().map(|t| t.get(lang).to_string()).collect(),
        extra: Vec::new(),
    };
    // The texts of `lang` only: the structure read back with one table.
    let pack = wire::decode_texts(&wire::encode_texts(&one, &hash), &hash)
        .ok()
        .and_then(|t| match lang {
            Lang::En => wire::decode_split(&structure, Some(&t), None).ok(),
            Lang::Es => wire::decode_split(&structure, None, Some(&t)).ok(),
        })
        .unwrap_or(dir);
    wire::encode_directory(&wire::Directory {
        lang,
        pack,
        extra: ui.of(lang, ui.first_load),
    })
}
