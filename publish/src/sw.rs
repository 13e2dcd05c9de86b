//! The service worker's pins in a built `dist/sw.js`: its file table (every file at the top of
//! `dist/` but the page, the worker, the one-file copy, the embed page and the hosts'
//! `_headers`, with `./` for the page, each with its sha384 integrity value, which the worker
//! checks before caching and before serving a copy) and its version (a hash of that table, so a
//! new pack makes a new cache and returning visitors get it on their next visit). The same rule
//! as scripts/postbuild.py's `precache_list` / `sw_files` / `build_version`, which write the
//! first ones; publishing rewrites them after changing files.
//!
//! Knows nothing of packs nor of the file system: it is given the files.

use crate::Files;
use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};

const NOT_CACHED: [&str; 5] = [
    "index.html",
    "sw.js",
    "claimcheck.html",
    "embed.html",
    "_headers",
];

/// The worker's file table for `dist`: `./` (the page) then every cached file, sorted, each
/// with its sha384 integrity value.
fn table(dist: &Files) -> Vec<(String, String)> {
    let page = dist.get("index.html").map(|b| ("./".to_string(), b));
    let rest = dist
        .iter()
        .filter(|(n, _)| !n.contains('/') && !NOT_CACHED.contains(&n.as_str()))
        .map(|(n, b)| (format!("./{n}"), b));
    page.into_iter()
        .chain(rest)
        .map(|(f, bytes)| {
            let sri = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes));
            (f, format!("sha384-{sri}"))
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

/// `sw.js` (its text `js`) with the file list and version for the files of `dist`.
pub fn rewrite(js: &str, dist: &Files) -> Result<String, String> {
    let table = table(dist);
    let version = version(&table);
    let map: serde_json::Map<String, serde_json::Value> = table
        .into_iter()
        .map(|(f, sri)| (f, serde_json::Value::String(sri)))
        .collect();
    let list = serde_json::to_string(&map).map_err(|e| e.to_string())?;
    let js = set_const(js, "VERSION", &format!("\"{version}\""))?;
    set_const(&js, "FILES", &list)
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

    #[test]
    fn the_table_lists_the_page_and_top_level_files_only() {
        let mut dist = Files::new();
        for n in [
            "index.html",
            "sw.js",
            "claimcheck.html",
            "embed.html",
            "_headers",
        ] {
            dist.insert(n.into(), b"x".to_vec());
        }
        dist.insert("b.bin".into(), b"b".to_vec());
        dist.insert("a.js".into(), b"a".to_vec());
        dist.insert("deploy/nginx.conf".into(), b"n".to_vec());
        let names: Vec<String> = table(&dist).into_iter().map(|(f, _)| f).collect();
        assert_eq!(names, ["./", "./a.js", "./b.bin"]);
        let js = "const VERSION = \"v\";\nconst FILES = {};\n";
        let one = rewrite(js, &dist).expect("rewrites");
        dist.insert("b.bin".into(), b"changed".to_vec());
        let two = rewrite(js, &dist).expect("rewrites");
        assert_ne!(one, two, "a changed file gives a new table and version");
        assert!(one.contains("\"./a.js\":\"sha384-"));
    }
}
