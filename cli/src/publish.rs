//! `claimcheck pack`'s second half: writes a pack's files into an already built `dist/` under
//! content-hashed names and rewrites everything that pins them: the loader's table of files and
//! integrity values in `index.html` (and the Content-Security-Policy hash of that inline
//! script), the start screen's "Settlement information as of" date, the service worker's file
//! list and version, and the copies inlined in the one-file `claimcheck.html`. Files of the
//! previous pack are removed. The manifest names no pack file.
//!
//! Knows nothing of rules or of the pack's bytes: it is given finished files. The markers it
//! rewrites are written by scripts/postbuild.py (`const texts = ...;` in each loader, and
//! `const VERSION = ...;` / `const FILES = ...;` in sw.js).

use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};
use std::path::{Path, PathBuf};

/// One file to publish: its key in the loader's table (`pack`, `en`, `es`), its name prefix
/// and its bytes.
pub struct PackFile<'a> {
    pub key: &'a str,
    pub prefix: String,
    pub bytes: &'a [u8],
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const POSTBUILD_MARK: &str = "<!-- claimcheck:postbuild -->";
const AS_OF: &str = "Settlement information as of ";
const TABLE: &str = "const texts = ";
const EMBED_PAGE: &str = "embed.html";
const DEPLOY_KIT: [&str; 3] = ["_headers", "deploy/nginx.conf", "deploy/Caddyfile"];
const OLD_PACK: [&str; 3] = ["claimcheck-pack-", "claimcheck-texts-", "claimcheck-dir-"];

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn sri384(bytes: &[u8]) -> String {
    format!("sha384-{}", b64(&Sha384::digest(bytes)))
}

fn csp256(text: &str) -> String {
    format!("'sha256-{}'", b64(&Sha256::digest(text.as_bytes())))
}

fn hex16(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The file name of a pack file: its prefix and the first 16 hex digits of its sha256.
pub fn file_name(f: &PackFile) -> String {
    format!("{}{}.bin", f.prefix, hex16(f.bytes))
}

/// "November 24, 2026", as the start screen writes the pack's date.
fn english_date(d: claimcheck_engine::Date) -> String {
    let month = MONTHS
        .get(d.month().saturating_sub(1) as usize)
        .unwrap_or(&"");
    format!("{month} {}, {}", d.day(), d.year())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Replaces the one line starting with `TABLE` in the inline script holding it by
/// `TABLE + table + ";"`, and that script's hash in the page's policy. Returns the page and the
/// loader's old and new policy hashes.
fn set_table(html: &str, table: &str, what: &str) -> Result<(String, String, String), String> {
    let hits: Vec<usize> = html.match_indices(TABLE).map(|(i, _)| i).collect();
    let [at] = hits[..] else {
        return Err(format!(
            "{what}: expected one `{TABLE}...` line (the loader scripts/postbuild.py writes), found {}",
            hits.len()
        ));
    };
    let start = html[..at]
        .rfind("<script")
        .and_then(|s| html[s..at].find('>').map(|g| s + g + 1))
        .ok_or_else(|| format!("{what}: the loader's table is not inside a <script>"))?;
    let end = html[at..]
        .find("</script>")
        .map(|e| at + e)
        .ok_or_else(|| format!("{what}: the loader's <script> does not end"))?;
    let line_end = html[at..end]
        .find('\n')
        .map(|e| at + e)
        .ok_or_else(|| format!("{what}: the loader's table is not on a line of its own"))?;
    let old_script = &html[start..end];
    let new_script = format!(
        "{}{TABLE}{table};{}",
        &html[start..at],
        &html[line_end..end]
    );
    let (old_hash, new_hash) = (csp256(old_script), csp256(&new_script));
    if html.matches(&old_hash).count() != 1 {
        return Err(format!(
            "{what}: the Content-Security-Policy does not hold the loader's hash {old_hash}"
        ));
    }
    let out = format!("{}{new_script}{}", &html[..start], &html[end..]);
    Ok((out.replacen(&old_hash, &new_hash, 1), old_hash, new_hash))
}

/// The start screen's date line, set to `date`.
fn set_date(html: &str, date: &str, what: &str) -> Result<String, String> {
    let at = html
        .find(AS_OF)
        .ok_or_else(|| format!("{what}: no \"{AS_OF}...\" line on the start screen"))?;
    let end = html[at..]
        .find('<')
        .map(|e| at + e)
        .ok_or_else(|| format!("{what}: the as-of line does not end"))?;
    Ok(format!("{}{AS_OF}{date}.{}", &html[..at], &html[end..]))
}

/// Publishes `files` into `dist` for a pack dated `date`. Returns the names written.
pub fn publish(
    dist: &Path,
    files: &[PackFile],
    date: claimcheck_engine::Date,
) -> Result<Vec<String>, String> {
    let index_path = dist.join("index.html");
    let index = read(&index_path)?;
    if !index.contains(POSTBUILD_MARK) {
        return Err(format!(
            "{}: not a built app (scripts/postbuild.py has not run on it)",
            index_path.display()
        ));
    }
    let names: Vec<String> = files.iter().map(file_name).collect();
    let mut web = serde_json::Map::new();
    let mut inline = serde_json::Map::new();
    for (f, name) in files.iter().zip(&names) {
        web.insert(
            f.key.into(),
            serde_json::json!([format!("./{name}"), sri384(f.bytes)]),
        );
        inline.insert(f.key.into(), serde_json::Value::String(b64(f.bytes)));
    }
    let date = english_date(date);
    let web = serde_json::Value::Object(web).to_string();
    let (index, old_hash, new_hash) = set_table(&index, &web, "index.html")?;
    let index = set_date(&index, &date, "index.html")?;
    let one_path = dist.join("claimcheck.html");
    let one = read(&one_path)?;
    let (one, _, _) = set_table(
        &one,
        &serde_json::Value::Object(inline).to_string(),
        "claimcheck.html",
    )?;
    let one = set_date(&one, &date, "claimcheck.html")?;
    // The page again, for framing (scripts/postbuild.py writes it as a copy of index.html).
    let embed_path = dist.join(EMBED_PAGE);
    let embed = match std::fs::read_to_string(&embed_path) {
        Ok(page) => Some(set_date(
            &set_table(&page, &web, EMBED_PAGE)?.0,
            &date,
            EMBED_PAGE,
        )?),
        Err(_) => None,
    };
    let kit = deploy_kit_with(dist, &old_hash, &new_hash)?;
    for (f, name) in files.iter().zip(&names) {
        write(&dist.join(name), f.bytes)?;
    }
    write(&index_path, index.as_bytes())?;
    write(&one_path, one.as_bytes())?;
    if let Some(page) = embed {
        write(&embed_path, page.as_bytes())?;
    }
    for (path, text) in kit {
        write(&path, text.as_bytes())?;
    }
    remove_old(dist, &names)?;
    crate::sw::rewrite(dist, &names)?;
    Ok(names)
}

/// The deploy kit's files (written by scripts/postbuild.py from `deploy/`) with the loader's
/// policy hash `old` replaced by `new`: the response header must allow the new loader.
fn deploy_kit_with(dist: &Path, old: &str, new: &str) -> Result<Vec<(PathBuf, String)>, String> {
    let mut out = Vec::new();
    for rel in DEPLOY_KIT {
        let path = dist.join(rel);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if old != new && text.contains(old) {
            out.push((path, text.replace(old, new)));
        }
    }
    Ok(out)
}

/// Whether `name` is a pack file (of any pack).
pub fn is_pack_file(name: &str) -> bool {
    OLD_PACK.iter().any(|p| name.starts_with(p)) && name.ends_with(".bin")
}

fn remove_old(dist: &Path, keep: &[String]) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("{}: cannot list: {e}", dist.display()))?;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if is_pack_file(&name) && !keep.contains(&name) {
            std::fs::remove_file(e.path())
                .map_err(|err| format!("{}: cannot remove: {err}", e.path().display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' HASH\"></head><body><p>Settlement information as of May 1, 2020.</p><script type=\"module\">\nimport x from './a.js';\nconst texts = {};\nrun();\n</script></body></html>";

    fn page() -> String {
        let script = "\nimport x from './a.js';\nconst texts = {};\nrun();\n";
        PAGE.replace("HASH", &csp256(script))
    }

    #[test]
    fn the_table_and_the_policy_hash_change_together() {
        let (out, old, new) =
            set_table(&page(), r#"{"en":["./f.bin","sha384-x"]}"#, "t").expect("rewrites");
        let script = "\nimport x from './a.js';\nconst texts = {\"en\":[\"./f.bin\",\"sha384-x\"]};\nrun();\n";
        assert!(out.contains(script));
        assert!(out.contains(&csp256(script)));
        assert_eq!(new, csp256(script));
        assert_eq!(
            old,
            csp256("\nimport x from './a.js';\nconst texts = {};\nrun();\n")
        );
        assert!(!out.contains(&csp256(
            "\nimport x from './a.js';\nconst texts = {};\nrun();\n"
        )));
    }

    #[test]
    fn the_deploy_kit_follows_the_loader_hash() {
        let dir = std::env::temp_dir().join(format!("cc-kit-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("deploy")).expect("temp dir");
        std::fs::write(dir.join("_headers"), "/\n  CSP: script-src 'sha256-old'\n").expect("w");
        std::fs::write(dir.join("deploy/nginx.conf"), "no hash here\n").expect("w");
        let kit = deploy_kit_with(&dir, "'sha256-old'", "'sha256-new'").expect("reads");
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(kit.len(), 1, "only the file holding the hash changes");
        assert_eq!(kit[0].1, "/\n  CSP: script-src 'sha256-new'\n");
    }

    #[test]
    fn a_page_whose_policy_lacks_the_loader_hash_is_refused() {
        let bad = page().replace("sha256-", "sha256-X");
        assert!(set_table(&bad, "{}", "t")
            .unwrap_err()
            .contains("Content-Security-Policy"));
        assert!(set_table("<p>no loader</p>", "{}", "t")
            .unwrap_err()
            .contains("found 0"));
    }

    #[test]
    fn the_start_screen_date_is_rewritten() {
        let d = claimcheck_engine::Date::new(2026, 12, 4).expect("a date");
        let out = set_date(&page(), &english_date(d), "t").expect("rewrites");
        assert!(out.contains("<p>Settlement information as of December 4, 2026.</p>"));
    }

    #[test]
    fn names_are_content_hashed() {
        let f = |b: &'static [u8]| PackFile {
            key: "pack",
            prefix: "claimcheck-pack-".into(),
            bytes: b,
        };
        let (a, b) = (file_name(&f(b"one")), file_name(&f(b"two")));
        assert_ne!(a, b);
        assert!(a.starts_with("claimcheck-pack-") && a.len() == "claimcheck-pack-.bin".len() + 16);
        assert!(is_pack_file(&a) && !is_pack_file("claimcheck-app-1.js"));
    }
}
