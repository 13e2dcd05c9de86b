//! The service worker's pins in a built `dist/sw.js`: its file table (every file in `dist/` but
//! the page, the worker, the one-file copy, the embed page and the hosts' `_headers`, with `./`
//! for the page, each with its sha384 integrity value, which the worker checks before caching
//! and before serving a copy) and its version (a hash of that table, so a new pack makes a new
//! cache and returning visitors get it on their next visit). The same rule as
//! scripts/postbuild.py's `precache_list` / `sw_files` / `build_version`, which write the first
//! ones; `claimcheck pack` rewrites them after changing files.
//!
//! Knows nothing of packs.

use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};
use std::path::Path;

const NOT_CACHED: [&str; 5] = [
    "index.html",
    "sw.js",
    "claimcheck.html",
    "embed.html",
    "_headers",
];

/// The worker's file list for `dist` as it is now.
fn files(dist: &Path) -> Result<Vec<String>, String> {
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("{}: cannot list: {e}", dist.display()))?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !NOT_CACHED.contains(&n.as_str()))
        .collect();
    names.sort();
    Ok(std::iter::once("./".to_string())
        .chain(names.into_iter().map(|n| format!("./{n}")))
        .collect())
}

/// Each file with its sha384 integrity value, in the list's order.
fn table(dist: &Path, files: &[String]) -> Result<Vec<(String, String)>, String> {
    files
        .iter()
        .map(|f| {
            let name = if f == "./" { "index.html" } else { &f[2..] };
            let bytes = std::fs::read(dist.join(name))
                .map_err(|e| format!("{}: cannot read: {e}", dist.join(name).display()))?;
            let sri = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes));
            Ok((f.clone(), format!("sha384-{sri}")))
        })
        .collect()
}

/// A hash of the table (as scripts/postbuild.py's `build_version`): any changed file gives a
/// new version.
fn version(table: &[(String, String)]) -> String {
    let mut h = Sha256::new();
    for (f, sri) in table {
        h.update(f.as_bytes());
        h.update([0]);
        h.update(sri.as_bytes());
        h.update([0]);
    }
    h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Replaces the value of the one `const NAME = VALUE;` line of `js`.
fn set_const(js: &str, name: &str, value: &str) -> Result<String, String> {
    let key = format!("const {name} = ");
    let hits: Vec<usize> = js.match_indices(&key).map(|(i, _)| i).collect();
    let [at] = hits[..] else {
        return Err(format!(
            "sw.js: expected one `{key}...;` line, found {}",
            hits.len()
        ));
    };
    let end = js[at..]
        .find(";\n")
        .map(|e| at + e)
        .ok_or_else(|| format!("sw.js: `{key}` does not end with `;` and a new line"))?;
    Ok(format!("{}{key}{value}{}", &js[..at], &js[end..]))
}

/// Rewrites `dist/sw.js`'s file list and version for the files now in `dist`.
pub fn rewrite(dist: &Path, _new: &[String]) -> Result<(), String> {
    let path = dist.join("sw.js");
    let js = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let table = table(dist, &files(dist)?)?;
    let version = version(&table);
    let map: serde_json::Map<String, serde_json::Value> = table
        .into_iter()
        .map(|(f, sri)| (f, serde_json::Value::String(sri)))
        .collect();
    let list = serde_json::to_string(&map).map_err(|e| e.to_string())?;
    let js = set_const(&js, "VERSION", &format!("\"{version}\""))?;
    let js = set_const(&js, "FILES", &list)?;
    std::fs::write(&path, js).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_constant_is_replaced_and_the_rest_kept() {
        let js =
            "const VERSION = \"old\";\nconst FILES = [\"./\"];\nconst CACHE = 'c-' + VERSION;\n";
        let out = set_const(js, "FILES", "[\"./\",\"./a.bin\"]").expect("rewrites");
        assert_eq!(
            out,
            "const VERSION = \"old\";\nconst FILES = [\"./\",\"./a.bin\"];\nconst CACHE = 'c-' + VERSION;\n"
        );
        assert!(set_const(js, "MISSING", "1").is_err());
    }
}
