//! Publishing a rule pack into a built checker, with no file system: given the built `dist/`'s
//! files as name -> bytes and a validated pack, returns the files to write and the ones to
//! remove. One code path for `claimcheck pack` (which reads and writes `dist/`) and the rule
//! studio (which reads a `dist/` folder the author picks and downloads the result).
//!
//! - `packfiles` — the pack's files (structure, texts, directories) from a validated pack.
//! - `dist` — the pins that name them: the loaders' tables and CSP hashes, the start screen's
//!   date, `embed.html`, the deploy kit and the one-file copy.
//! - `sw` — the service worker's file table and version.
//! - `preview` — the one-file copy turned into the studio's preview page.
//!
//! Knows nothing of rule files (the pack is already loaded and validated), of paths on disk or
//! of browsers.

use claimcheck_engine::text::Lang;
use claimcheck_engine::Pack;
pub use packfiles::AppTexts;
use std::collections::BTreeMap;

pub mod dist;
pub mod packfiles;
pub mod preview;
pub mod sw;

/// A built `dist/`'s files: path inside `dist/` (`/`-separated, e.g. `deploy/nginx.conf`) to
/// bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

/// One pack file to publish: its key in the loader's table (`pack`, `en`, `es`, `dir-en`,
/// `dir-es`), its name prefix and its bytes.
#[derive(Clone, Debug)]
pub struct PackFile {
    pub key: String,
    pub prefix: String,
    pub bytes: Vec<u8>,
}

/// What publishing changes in a `dist/`.
#[derive(Debug, Default)]
pub struct Changes {
    /// Files to write (new or rewritten), path -> bytes.
    pub write: Files,
    /// Files to remove (the previous pack's).
    pub remove: Vec<String>,
    /// The pack files' names, in the order of the list published.
    pub pack_names: Vec<String>,
}

impl Changes {
    /// `dist` after the changes.
    pub fn apply(&self, dist: &Files) -> Files {
        let mut out = dist.clone();
        for name in &self.remove {
            out.remove(name);
        }
        for (name, bytes) in &self.write {
            out.insert(name.clone(), bytes.clone());
        }
        out
    }
}

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Es => "es",
    }
}

/// The pack files of a validated `pack` with the app's texts `ui`, in the loader's order:
/// structure, texts (en, es), directories (en, es). The pack is slimmed first (docs/pack-format.md).
pub fn pack_list(pack: &Pack, ui: AppTexts) -> Result<Vec<PackFile>, String> {
    packfiles::check_ui(ui)?;
    let slim = packfiles::slim(pack)?;
    let files = packfiles::pack_files(&slim, ui);
    let mut list = vec![PackFile {
        key: "pack".into(),
        prefix: "claimcheck-pack-".into(),
        bytes: files.structure,
    }];
    for (lang, bytes) in files.texts {
        list.push(PackFile {
            key: code(lang).into(),
            prefix: format!("claimcheck-texts-{}-", code(lang)),
            bytes,
        });
    }
    for (lang, bytes) in files.directory {
        let key = format!("dir-{}", code(lang));
        list.push(PackFile {
            prefix: format!("claimcheck-{key}-"),
            key,
            bytes,
        });
    }
    Ok(list)
}

/// Everything `claimcheck pack` changes in a built `dist` for a validated `pack`.
pub fn publish_pack(dist: &Files, pack: &Pack, ui: AppTexts) -> Result<Changes, String> {
    let list = pack_list(pack, ui)?;
    dist::publish(dist, &list, pack.checked_on)
}

#[cfg(test)]
mod tests;
