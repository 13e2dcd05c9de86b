//! The rule pack, validated by build.rs and embedded in the engine's compact binary form
//! (`claimcheck_engine::wire`), split by language: the app embeds the pack's *structure* (ids,
//! dates, amounts, conditions, sources) and each language's texts (the pack's and the app's own,
//! `src/ui_texts.rs`) arrive as a separate file, so a person downloads only the language they
//! read first. `add_texts` installs a table and decodes the pack again with every table in.
//! (Views read `pack()` at each render and memoise nothing derived from it, so a pack decoded
//! later, with more texts, is what they show.)
//!
//! Knows nothing of rule files (build.rs did the loading and validation) nor of how a text file
//! is fetched (`web::fetch_texts`).

use claimcheck_engine::text::Lang;
use claimcheck_engine::wire::{self, TextTable};
use claimcheck_engine::Pack;
use std::cell::RefCell;

static STRUCTURE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/structure.bin"));

/// The structure's fingerprint; a text file made for other rules is refused.
pub const STRUCTURE_HASH: &str = include_str!(concat!(env!("OUT_DIR"), "/structure_hash.txt"));

/// The date the pack's facts were last checked, as `YYYY-MM-DD`.
pub const PACK_DATE: &str = include_str!(concat!(env!("OUT_DIR"), "/pack_date.txt"));

/// Native builds (the unit tests) embed both text files: they have no browser to fetch them.
#[cfg(not(target_arch = "wasm32"))]
static NATIVE_TEXTS: [&[u8]; 2] = [
    include_bytes!(concat!(env!("OUT_DIR"), "/texts-en.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/texts-es.bin")),
];

/// The tables installed so far, and the pack decoded with them. Each `add_texts` decodes a new
/// pack and keeps it for the rest of the page's life (at most one per language), so the
/// `&'static` references handed out stay valid.
struct Loaded {
    en: Option<&'static TextTable>,
    es: Option<&'static TextTable>,
    pack: &'static Pack,
}

thread_local! {
    static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// Why a text file was not installed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextsError {
    /// Not a text file of this build's rules, or damaged.
    Unreadable(String),
    /// It holds a different number of app texts than this app has.
    WrongAppTexts { found: usize, want: usize },
}

fn with<R>(f: impl FnOnce(&mut Loaded) -> R) -> R {
    LOADED.with(|cell| {
        let mut slot = cell.borrow_mut();
        let loaded = slot.get_or_insert_with(first_load);
        f(loaded)
    })
}

fn first_load() -> Loaded {
    #[cfg_attr(target_arch = "wasm32", allow(unused_mut))]
    let mut l = Loaded {
        en: None,
        es: None,
        pack: structure_only(),
    };
    #[cfg(not(target_arch = "wasm32"))]
    for bytes in NATIVE_TEXTS {
        if let Err(e) = install(&mut l, bytes) {
            panic!("the embedded text file is unreadable: {e:?}");
        }
    }
    l
}

/// The pack with every text empty: what the app reads (ids, dates, settings) before a text file
/// has arrived. Panics (caught by the page's panic hook, which shows a reload page) only if the
/// build embedded a structure this engine cannot read, which build.rs rules out: it encodes with the
/// same engine.
fn structure_only() -> &'static Pack {
    match wire::decode_split(STRUCTURE, None, None) {
        Ok(p) => Box::leak(Box::new(p)),
        Err(e) => panic!("the embedded rule pack is unreadable at {e}"),
    }
}

fn install(l: &mut Loaded, bytes: &[u8]) -> Result<Lang, TextsError> {
    let table = wire::decode_texts(bytes, STRUCTURE_HASH)
        .map_err(|e| TextsError::Unreadable(e.to_string()))?;
    let want = crate::i18n::K::ALL.len();
    if table.extra.len() != want {
        return Err(TextsError::WrongAppTexts {
            found: table.extra.len(),
            want,
        });
    }
    let lang = table.lang;
    let installed = match lang {
        Lang::En => l.en,
        Lang::Es => l.es,
    };
    if installed.is_some() {
        return Ok(lang);
    }
    // One decode, with every table in: it checks the new table against the structure, and
    // the table and the pack are kept only if it succeeds.
    let (en, es) = match lang {
        Lang::En => (Some(&table), l.es),
        Lang::Es => (l.en, Some(&table)),
    };
    let pack =
        wire::decode_split(STRUCTURE, en, es).map_err(|e| TextsError::Unreadable(e.to_string()))?;
    let table: &'static TextTable = Box::leak(Box::new(table));
    match lang {
        Lang::En => l.en = Some(table),
        Lang::Es => l.es = Some(table),
    }
    l.pack = Box::leak(Box::new(pack));
    Ok(lang)
}

/// Installs one language's text file; the pack and the app's texts in that language are then
/// available. A file already installed is accepted and changes nothing.
pub fn add_texts(bytes: &[u8]) -> Result<Lang, TextsError> {
    with(|l| install(l, bytes))
}

/// Whether the texts of `lang` are in.
pub fn has_texts(lang: Lang) -> bool {
    with(|l| match lang {
        Lang::En => l.en.is_some(),
        Lang::Es => l.es.is_some(),
    })
}

/// The embedded pack, with the texts of every language installed so far (the others empty).
pub fn pack() -> &'static Pack {
    with(|l| l.pack)
}

/// The app's own texts in `lang`, in `i18n::K` order, once installed.
pub fn ui(lang: Lang) -> Option<&'static [String]> {
    with(|l| match lang {
        Lang::En => l.en,
        Lang::Es => l.es,
    })
    .map(|t| t.extra.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_pack_loads_and_matches_its_date() {
        let p = pack();
        assert!(!p.settlements.is_empty());
        assert_eq!(p.checked_on.to_string(), PACK_DATE);
    }

    #[test]
    fn both_languages_are_in_and_a_second_copy_changes_nothing() {
        let p = pack();
        assert!(!p.settlements[0].summary.en.is_empty());
        assert!(!p.settlements[0].summary.es.is_empty());
        assert_eq!(add_texts(NATIVE_TEXTS[1]), Ok(Lang::Es));
        assert!(
            std::ptr::eq(pack(), p),
            "a second copy decoded the pack again"
        );
        assert_eq!(
            ui(Lang::Es).map(<[String]>::len),
            Some(crate::i18n::K::ALL.len())
        );
    }

    #[test]
    fn damaged_or_foreign_text_files_are_refused() {
        let mut bytes = NATIVE_TEXTS[0].to_vec();
        bytes.truncate(bytes.len() / 2);
        assert!(matches!(add_texts(&bytes), Err(TextsError::Unreadable(_))));
        assert!(matches!(
            add_texts(b"hello"),
            Err(TextsError::Unreadable(_))
        ));
        // The same texts made for other rules (another structure fingerprint).
        let mut other = NATIVE_TEXTS[0].to_vec();
        other[5] = if other[5] == b'0' { b'1' } else { b'0' };
        assert!(matches!(add_texts(&other), Err(TextsError::Unreadable(_))));
    }

    #[test]
    fn the_structure_alone_has_no_texts() {
        let none = structure_only();
        assert_eq!(none.settlements.len(), pack().settlements.len());
        assert!(none.settlements.iter().all(|s| s.summary.en.is_empty()));
    }

    #[test]
    fn the_embedded_copy_leaves_out_what_the_app_never_reads() {
        let p = pack();
        let mut readings = 0;
        for s in &p.settlements {
            for f in [
                &s.case.number,
                &s.case.court,
                &s.case.judge,
                &s.case.website,
            ] {
                for r in f.readings() {
                    readings += 1;
                    assert_eq!(r.quote, None, "{}: a quote was embedded", s.id);
                }
            }
        }
        assert!(readings > 20, "only {readings} sourced readings seen");
        assert!(p.organisations.iter().all(|o| o.not_to_confuse.is_empty()));
        // The rules do have look-alikes and quotes: the test above is not vacuous.
        let rules = include_str!("../rules/organisations.toml");
        assert!(rules.contains("not_to_confuse"));
    }
}
