//! `claimcheck pack`'s second half on disk: reads a built `dist/` (its top-level files and the
//! deploy kit), asks `claimcheck_publish` what publishing the pack changes, and writes and
//! removes those files. All the rewriting (the loaders' tables and CSP hashes, the start
//! screen's date, the one-file copy, the service worker's table) is that crate's, shared with
//! the rule studio.
//!
//! Knows the file system; knows nothing of the pins it writes.

use claimcheck_publish::{Changes, Files};
use std::path::Path;

/// The deploy kit's folder inside `dist/` (the rest of the kit, `_headers`, is at the top).
const KIT_DIR: &str = "deploy";

fn read_files(dir: &Path, prefix: &str, into: &mut Files) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
    for e in entries.flatten() {
        if !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let name = e.file_name().to_string_lossy().into_owned();
        let bytes = std::fs::read(e.path())
            .map_err(|err| format!("{}: cannot read: {err}", e.path().display()))?;
        into.insert(format!("{prefix}{name}"), bytes);
    }
    Ok(())
}

/// The files of a built `dist/` that publishing reads.
pub fn read_dist(dist: &Path) -> Result<Files, String> {
    let mut files = Files::new();
    read_files(dist, "", &mut files)?;
    let kit = dist.join(KIT_DIR);
    if kit.is_dir() {
        read_files(&kit, &format!("{KIT_DIR}/"), &mut files)?;
    }
    Ok(files)
}

/// Writes and removes what `changes` says, in `dist`.
pub fn apply(dist: &Path, changes: &Changes) -> Result<(), String> {
    for (name, bytes) in &changes.write {
        let path = dist.join(name);
        std::fs::write(&path, bytes)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    for name in &changes.remove {
        let path = dist.join(name);
        std::fs::remove_file(&path)
            .map_err(|e| format!("{}: cannot remove: {e}", path.display()))?;
    }
    Ok(())
}
