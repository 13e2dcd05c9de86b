//! The rule pack as the app holds it: fetched as pack files (docs/pack-format.md), never
//! compiled in. First the *directory* of the person's language (the pack without settlements,
//! and the app's texts): what the first question needs. Then, in the background, the
//! *structure* (ids, dates, amounts, conditions, sources) and each language's text file (the
//! pack's texts and the app's own, `src/ui_texts.rs`); until all three are in (`ready`),
//! `pack()` is the directory's pack. `add_texts` installs a table and decodes the pack again
//! with every table in. (Views read
//! `pack()` at each render and memoise nothing derived from it, so a pack decoded later, with
//! more texts, is what they show.)
//!
//! Knows nothing of rule files (`claimcheck pack` loaded and validated them) nor of how a file
//! is fetched (`web::fetch_pack`).

use claimcheck_engine::text::Lang;
use claimcheck_engine::wire::{self, TextTable, FORMAT_VERSION};
use claimcheck_engine::{Date, Pack};
use std::cell::RefCell;

/// Native builds (the unit tests) hold the pack files build.rs wrote for them: they have no
/// browser to fetch them. The wasm holds none (its bytes do not depend on the rules).
#[cfg(not(target_arch = "wasm32"))]
static NATIVE_FILES: [&[u8]; 3] = [
    include_bytes!(concat!(env!("OUT_DIR"), "/structure.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/texts-en.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/texts-es.bin")),
];

/// The structure and tables installed so far, and the pack decoded with them. Each install
/// decodes a new pack and keeps it for the rest of the page's life (at most three), so the
/// `&'static` references handed out stay valid.
struct Loaded {
    directory: Option<(Lang, &'static Pack, &'static [String])>,
    structure: Option<(&'static [u8], String)>,
    en: Option<&'static TextTable>,
    es: Option<&'static TextTable>,
    pack: &'static Pack,
}

thread_local! {
    static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// Why a pack file was not installed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not a pack file, a text file of other rules, or damaged.
    Unreadable(String),
    /// A pack of another major format version than this app reads.
    Version { found: u32, reads: u32 },
    /// A text file arrived before the structure it belongs to.
    NoStructure,
    /// It holds a different number of app texts than this app has.
    WrongAppTexts { found: usize, want: usize },
}

impl Loaded {
    /// Nothing installed yet: the empty pack.
    fn nothing() -> Loaded {
        Loaded {
            directory: None,
            structure: None,
            en: None,
            es: None,
            pack: Box::leak(Box::new(empty())),
        }
    }
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
    let mut l = Loaded::nothing();
    #[cfg(not(target_arch = "wasm32"))]
    {
        let [structure, en, es] = NATIVE_FILES;
        let ok = set_structure(&mut l, structure.to_vec())
            .and_then(|()| install(&mut l, en))
            .and_then(|_| install(&mut l, es));
        if let Err(e) = ok {
            panic!("build.rs wrote an unreadable pack file: {e:?}");
        }
    }
    l
}

/// The pack before its structure has arrived: nothing in it (the app mounts only after).
fn empty() -> Pack {
    Pack {
        checked_on: Date::EPOCH,
        newest_source: None,
        questions: Vec::new(),
        organisations: Vec::new(),
        settlements: Vec::new(),
    }
}

fn check_version(bytes: &[u8]) -> Result<(), PackError> {
    match wire::file_version(bytes) {
        None => Err(PackError::Unreadable("not a pack file".into())),
        Some(v) if v != FORMAT_VERSION => Err(PackError::Version {
            found: v,
            reads: FORMAT_VERSION,
        }),
        Some(_) => Ok(()),
    }
}

fn set_structure(l: &mut Loaded, bytes: Vec<u8>) -> Result<(), PackError> {
    if l.structure.is_some() {
        return Ok(());
    }
    check_version(&bytes)?;
    let pack =
        wire::decode_split(&bytes, None, None).map_err(|e| PackError::Unreadable(e.to_string()))?;
    let hash = wire::structure_hash(&bytes);
    l.structure = Some((Box::leak(bytes.into_boxed_slice()), hash));
    l.pack = Box::leak(Box::new(pack));
    Ok(())
}

fn install(l: &mut Loaded, bytes: &[u8]) -> Result<Lang, PackError> {
    check_version(bytes)?;
    let Some((structure, hash)) = &l.structure else {
        return Err(PackError::NoStructure);
    };
    let table =
        wire::decode_texts(bytes, hash).map_err(|e| PackError::Unreadable(e.to_string()))?;
    let want = crate::i18n::K::ALL.len();
    if table.extra.len() != want {
        return Err(PackError::WrongAppTexts {
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
        wire::decode_split(structure, en, es).map_err(|e| PackError::Unreadable(e.to_string()))?;
    let table: &'static TextTable = Box::leak(Box::new(table));
    match lang {
        Lang::En => l.en = Some(table),
        Lang::Es => l.es = Some(table),
    }
    l.pack = Box::leak(Box::new(pack));
    Ok(lang)
}

/// Installs the pack's structure (the first pack file); a second copy changes nothing.
pub fn add_structure(bytes: Vec<u8>) -> Result<(), PackError> {
    with(|l| set_structure(l, bytes))
}

/// Whether the structure is in.
pub fn has_structure() -> bool {
    with(|l| l.structure.is_some())
}

/// Installs the directory file of one language (what the first question needs); a second
/// directory changes nothing.
pub fn add_directory(bytes: &[u8]) -> Result<Lang, PackError> {
    check_version(bytes)?;
    let d = wire::decode_directory(bytes).map_err(|e| PackError::Unreadable(e.to_string()))?;
    let want = crate::i18n::K::FIRST_LOAD;
    if d.extra.len() != want {
        return Err(PackError::WrongAppTexts {
            found: d.extra.len(),
            want,
        });
    }
    with(|l| {
        if l.directory.is_none() {
            let pack: &'static Pack = Box::leak(Box::new(d.pack));
            l.directory = Some((d.lang, pack, Vec::leak(d.extra)));
        }
        Ok(d.lang)
    })
}

/// The language of the directory installed, if any.
pub fn directory_lang() -> Option<Lang> {
    with(|l| l.directory.map(|(lang, _, _)| lang))
}

/// Whether the whole pack is in: the structure and both languages' texts.
pub fn ready() -> bool {
    with(|l| ready_in(l))
}

fn ready_in(l: &Loaded) -> bool {
    l.structure.is_some() && l.en.is_some() && l.es.is_some()
}

thread_local! {
    static ON_READY: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` once the whole pack is in (now, if it is).
pub fn when_ready(f: impl FnOnce() + 'static) {
    if ready() {
        f();
    } else {
        ON_READY.with(|w| w.borrow_mut().push(Box::new(f)));
    }
}

/// Called once the whole pack is in: runs what waited for it.
pub fn arrived() {
    let waiting = ON_READY.with(|w| std::mem::take(&mut *w.borrow_mut()));
    waiting.into_iter().for_each(|f| f());
}

/// Installs one language's text file; the pack and the app's texts in that language are then
/// available. A file already installed is accepted and changes nothing.
pub fn add_texts(bytes: &[u8]) -> Result<Lang, PackError> {
    with(|l| install(l, bytes))
}

/// Whether the texts of `lang` are in.
pub fn has_texts(lang: Lang) -> bool {
    with(|l| match lang {
        Lang::En => l.en.is_some(),
        Lang::Es => l.es.is_some(),
    })
}

/// The pack, with the texts of every language installed so far (the others empty); until the
/// whole pack is in, the directory's (no settlements).
pub fn pack() -> &'static Pack {
    with(|l| match l.directory {
        Some((_, dir, _)) if !ready_in(l) => dir,
        _ => l.pack,
    })
}

/// The app's own texts in `lang`, in `i18n::K` order, once installed; before its text file is
/// in, the directory's: the first `K::FIRST_LOAD` only.
pub fn ui(lang: Lang) -> Option<&'static [String]> {
    with(|l| {
        let table = match lang {
            Lang::En => l.en,
            Lang::Es => l.es,
        };
        match (table, l.directory) {
            (Some(t), _) => Some(t.extra.as_slice()),
            (None, Some((d, _, extra))) if d == lang => Some(extra),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pack_loads_and_matches_its_date() {
        let p = pack();
        assert!(!p.settlements.is_empty());
        let rules = include_str!("../rules/pack.toml");
        assert!(rules.contains(&format!("checked_on = {}", p.checked_on)));
    }

    #[test]
    fn both_languages_are_in_and_a_second_copy_changes_nothing() {
        let p = pack();
        assert!(!p.settlements[0].summary.en.is_empty());
        assert!(!p.settlements[0].summary.es.is_empty());
        assert_eq!(add_texts(NATIVE_FILES[2]), Ok(Lang::Es));
        assert_eq!(add_structure(NATIVE_FILES[0].to_vec()), Ok(()));
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
        let mut bytes = NATIVE_FILES[1].to_vec();
        bytes.truncate(bytes.len() / 2);
        assert!(matches!(add_texts(&bytes), Err(PackError::Unreadable(_))));
        assert!(matches!(add_texts(b"hello"), Err(PackError::Unreadable(_))));
        // The same texts made for other rules (another structure fingerprint).
        let mut other = NATIVE_FILES[1].to_vec();
        other[5] = if other[5] == b'0' { b'1' } else { b'0' };
        assert!(matches!(add_texts(&other), Err(PackError::Unreadable(_))));
    }

    #[test]
    fn a_pack_of_another_major_version_names_both_versions() {
        let mut newer = NATIVE_FILES[0].to_vec();
        let next = FORMAT_VERSION + 1;
        newer[3] = b'0' + next as u8;
        let mut l = Loaded::nothing();
        assert_eq!(
            set_structure(&mut l, newer),
            Err(PackError::Version {
                found: next,
                reads: FORMAT_VERSION
            })
        );
        assert!(l.structure.is_none());
        assert_eq!(
            install(&mut l, NATIVE_FILES[1]),
            Err(PackError::NoStructure)
        );
    }

    #[test]
    fn each_directory_holds_what_the_first_question_needs_and_no_settlement() {
        let full = pack();
        for (bytes, lang) in [
            (
                &include_bytes!(concat!(env!("OUT_DIR"), "/dir-en.bin"))[..],
                Lang::En,
            ),
            (
                &include_bytes!(concat!(env!("OUT_DIR"), "/dir-es.bin"))[..],
                Lang::Es,
            ),
        ] {
            let d = wire::decode_directory(bytes).expect("decodes");
            assert_eq!(d.lang, lang);
            assert!(d.pack.settlements.is_empty());
            assert_eq!(d.pack.questions.len(), full.questions.len());
            assert_eq!(d.pack.organisations.len(), full.organisations.len());
            for (a, b) in d.pack.organisations.iter().zip(&full.organisations) {
                assert_eq!((&a.id, &a.name, &a.aliases), (&b.id, &b.name, &b.aliases));
                // What only results read (incidents, notes) stays in the whole pack.
                assert!(a.incidents.is_empty() && a.note.is_none() && a.note_source.is_none());
            }
            assert_eq!(
                d.pack.questions[0].text.get(lang),
                full.questions[0].text.get(lang)
            );
            // The app's texts of the first screens only; the rest come with the text files.
            let all = ui(lang).expect("installed");
            assert!(crate::i18n::K::FIRST_LOAD < all.len());
            assert_eq!(d.extra.as_slice(), &all[..crate::i18n::K::FIRST_LOAD]);
        }
    }

    #[test]
    fn the_whole_pack_keeps_the_organisations_incidents_and_notes() {
        // The directory leaves them out (test above); the results read them from here.
        let orgs = &pack().organisations;
        assert!(orgs
            .iter()
            .all(|o| !o.incidents.is_empty() || o.note.is_some()));
        assert!(orgs
            .iter()
            .any(|o| o.note.is_some() && o.note_source.is_some()));
    }

    #[test]
    fn the_structure_alone_has_no_texts() {
        let none = wire::decode_split(NATIVE_FILES[0], None, None).expect("decodes");
        assert_eq!(none.settlements.len(), pack().settlements.len());
        assert!(none.settlements.iter().all(|s| s.summary.en.is_empty()));
    }

    #[test]
    fn the_pack_files_leave_out_what_the_app_never_reads() {
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
