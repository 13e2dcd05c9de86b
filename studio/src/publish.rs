//! The studio's pack: the files being edited turned into the checker's pack files, for the
//! preview (the one-file copy's inline table) and for publishing into a built `dist/` the
//! author picks. Both go through `claimcheck_publish`, the code `claimcheck pack` runs.
//!
//! Knows the loader and the publish crate; knows nothing of the page or of files on disk.

use crate::ui::UI;
use claimcheck_engine::load::{self, Loaded};
use claimcheck_engine::scenario;
use claimcheck_publish::{Changes, Files};

/// Where `label` comes in `load::load_dir`'s order: the shared files (pack, questions,
/// organisations), then each settlement folder by name, its settlement before its scenarios.
fn dir_order(label: &str) -> (u8, &str, u8) {
    match label {
        "rules/pack.toml" => (0, "", 0),
        "rules/questions.toml" => (1, "", 0),
        "rules/organisations.toml" => (2, "", 0),
        _ => {
            let rest = label.strip_prefix("rules/").unwrap_or(label);
            let (folder, name) = rest.rsplit_once('/').unwrap_or((rest, ""));
            (3, folder, u8::from(name != "settlement.toml"))
        }
    }
}

/// The files loaded in the order `claimcheck pack` reads a rules folder (so that the pack's
/// bytes are the same), or a sentence saying how many problems stop them.
fn loaded(files: &[(String, String)]) -> Result<Loaded, String> {
    let mut files = files.to_vec();
    files.sort_by(|(a, _), (b, _)| dir_order(a).cmp(&dir_order(b)));
    load::load_files(&files).map_err(|errors| {
        let n = errors.len();
        format!(
            "the rules have {n} problem{}: fix {} first (see Problems)",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" }
        )
    })
}

/// The one-file copy's table for the draft: `{"pack": base64, "en": ..., "es": ..., "dir-en":
/// ..., "dir-es": ...}`.
pub fn draft_table(files: &[(String, String)]) -> Result<String, String> {
    let l = loaded(files)?;
    let list = claimcheck_publish::pack_list(&l.pack, UI)?;
    Ok(claimcheck_publish::dist::inline_table(&list))
}

/// What publishing the draft changes in the built `dist`: refused, as `claimcheck pack`
/// refuses, while a problem or a failing scenario remains.
pub fn publish(files: &[(String, String)], dist: &Files) -> Result<(Changes, usize), String> {
    let l = loaded(files)?;
    let failed = l
        .scenarios
        .iter()
        .filter(|sc| !scenario::run(&l.pack, sc).is_empty())
        .count();
    if failed > 0 {
        return Err(format!(
            "{failed} scenario{} fail{}: a pack is published only when every scenario passes",
            if failed == 1 { "" } else { "s" },
            if failed == 1 { "s" } else { "" }
        ));
    }
    let changes = claimcheck_publish::publish_pack(dist, &l.pack, UI)?;
    Ok((changes, l.pack.settlements.len()))
}
