//! The service worker's pins in a built `dist/sw.js`: its file list (every file in `dist/` but
//! the page, the worker and the one-file copy, with `./` for the page) and its version (a hash
//! of those files, so a new pack makes a new cache and returning visitors get it on their next
//! visit). The same rule as scripts/postbuild.py's `precache_list` / `build_version`, which
//! writes the first ones; `claimcheck pack` rewrites them after changing files.
//!
//! Knows nothing of packs.

use sha2::{Digest, Sha256};
use std::path::Path;

const NOT_CACHED: [&str; 3] = ["index.html", "sw.js", "claimcheck.html"];

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

fn version(dist: &Path, files: &[String]) -> Result<String, String> {
    let mut h = Sha256::new();
    for f in files {
        let name = if f == "./" { "index.html" } else { &f[2..] };
        let bytes = std::fs::read(dist.join(name))
            .map_err(|e| format!("{}: cannot read: {e}", dist.join(name).display()))?;
        h.update(name.as_bytes());
        h.update([0]);
        h.update(&bytes);
        h.update([0]);
    }
    Ok(h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect())
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
    let files = files(dist)?;
    let version = version(dist, &files)?;
    let list = serde_json::to_string(&files).map_err(|e| e.to_string())?;
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
