//! The second half of publishing: puts a pack's files into a built `dist/` under
//! content-hashed names and rewrites everything that pins them: the loader's table of files and
//! integrity values in `index.html` (and the Content-Security-Policy hash of that inline
//! script), the start screen's "Settlement information as of" date, `embed.html` likewise, the
//! deploy kit's copy of that hash, the copies inlined in the one-file `claimcheck.html`, and the
//! service worker's file list and version. Files of the previous pack are removed. The manifest
//! names no pack file.
//!
//! Knows nothing of rules, of the pack's bytes or of the file system: it is given finished
//! files and returns the changes. The markers it rewrites are written by scripts/postbuild.py
//! (`const texts = ...;` in each loader, and `const VERSION = ...;` / `const FILES = ...;` in
//! sw.js).

use crate::{Changes, Files, PackFile};
use base64::Engine as _;
use claimcheck_engine::date::MONTHS_EN;
use sha2::{Digest, Sha256, Sha384};

const POSTBUILD_MARK: &str = "<!-- claimcheck:postbuild -->";
const AS_OF: &str = "Settlement information as of ";
const TABLE: &str = "const texts = ";
const INDEX: &str = "index.html";
const ONE_FILE: &str = "claimcheck.html";
const EMBED_PAGE: &str = "embed.html";
const SW: &str = "sw.js";
const DEPLOY_KIT: [&str; 3] = ["_headers", "deploy/nginx.conf", "deploy/Caddyfile"];
const OLD_PACK: [&str; 3] = ["claimcheck-pack-", "claimcheck-texts-", "claimcheck-dir-"];

pub(crate) fn b64(bytes: &[u8]) -> String {
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
    format!("{}{}.bin", f.prefix, hex16(&f.bytes))
}

/// Whether `name` is a pack file (of any pack).
pub fn is_pack_file(name: &str) -> bool {
    OLD_PACK.iter().any(|p| name.starts_with(p)) && name.ends_with(".bin")
}

/// "November 24, 2026", as the start screen writes the pack's date.
pub fn english_date(d: claimcheck_engine::Date) -> String {
    let month = MONTHS_EN
        .get(d.month().saturating_sub(1) as usize)
        .unwrap_or(&"");
    format!("{month} {}, {}", d.day(), d.year())
}

/// The text of `name` in `dist`, or why not.
pub(crate) fn text<'a>(dist: &'a Files, name: &str) -> Result<&'a str, String> {
    let bytes = dist
        .get(name)
        .ok_or_else(|| format!("{name}: missing from the built folder"))?;
    std::str::from_utf8(bytes).map_err(|_| format!("{name}: not UTF-8 text"))
}

/// Replaces the one line starting with `TABLE` in the inline script holding it by
/// `TABLE + table + ";"`, and that script's hash in the page's policy. Returns the page and the
/// loader's old and new policy hashes.
pub(crate) fn set_table(
    html: &str,
    table: &str,
    what: &str,
) -> Result<(String, String, String), String> {
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
pub(crate) fn set_date(html: &str, date: &str, what: &str) -> Result<String, String> {
    let at = html
        .find(AS_OF)
        .ok_or_else(|| format!("{what}: no \"{AS_OF}...\" line on the start screen"))?;
    let end = html[at..]
        .find('<')
        .map(|e| at + e)
        .ok_or_else(|| format!("{what}: the as-of line does not end"))?;
    Ok(format!("{}{AS_OF}{date}.{}", &html[..at], &html[end..]))
}

/// The one-file copy's table: each pack file inline, base64.
pub fn inline_table(files: &[PackFile]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = files
        .iter()
        .map(|f| (f.key.clone(), serde_json::Value::String(b64(&f.bytes))))
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// The one-file copy with `files` inlined and the start screen dated `date`.
pub fn one_file(html: &str, files: &[PackFile], date: &str) -> Result<String, String> {
    let (one, _, _) = set_table(html, &inline_table(files), ONE_FILE)?;
    set_date(&one, date, ONE_FILE)
}

/// The changes that publish `files` into `dist` for a pack dated `date`.
pub fn publish(
    dist: &Files,
    files: &[PackFile],
    date: claimcheck_engine::Date,
) -> Result<Changes, String> {
    let index = text(dist, INDEX)?;
    if !index.contains(POSTBUILD_MARK) {
        return Err(format!(
            "{INDEX}: not a built app (scripts/postbuild.py has not run on it)"
        ));
    }
    let names: Vec<String> = files.iter().map(file_name).collect();
    let web: serde_json::Map<String, serde_json::Value> = files
        .iter()
        .zip(&names)
        .map(|(f, name)| {
            let pin = serde_json::json!([format!("./{name}"), sri384(&f.bytes)]);
            (f.key.clone(), pin)
        })
        .collect();
    let web = serde_json::Value::Object(web).to_string();
    let date = english_date(date);
    let mut write = Files::new();
    let (index, old_hash, new_hash) = set_table(index, &web, INDEX)?;
    write.insert(INDEX.into(), set_date(&index, &date, INDEX)?.into_bytes());
    let one = one_file(text(dist, ONE_FILE)?, files, &date)?;
    write.insert(ONE_FILE.into(), one.into_bytes());
    // The page again, for framing (scripts/postbuild.py writes it as a copy of index.html).
    if let Ok(page) = text(dist, EMBED_PAGE) {
        let page = set_date(&set_table(page, &web, EMBED_PAGE)?.0, &date, EMBED_PAGE)?;
        write.insert(EMBED_PAGE.into(), page.into_bytes());
    }
    for (path, text) in deploy_kit_with(dist, &old_hash, &new_hash) {
        write.insert(path, text.into_bytes());
    }
    for (f, name) in files.iter().zip(&names) {
        write.insert(name.clone(), f.bytes.clone());
    }
    let remove: Vec<String> = dist
        .keys()
        .filter(|n| is_pack_file(n) && !names.contains(n))
        .cloned()
        .collect();
    let mut changes = Changes {
        write,
        remove,
        pack_names: names,
    };
    let sw = crate::sw::rewrite(text(dist, SW)?, &changes.apply(dist))?;
    changes.write.insert(SW.into(), sw.into_bytes());
    Ok(changes)
}

/// The deploy kit's files (written by scripts/postbuild.py from `deploy/`) with the loader's
/// policy hash `old` replaced by `new`: the response header must allow the new loader.
fn deploy_kit_with(dist: &Files, old: &str, new: &str) -> Vec<(String, String)> {
    DEPLOY_KIT
        .iter()
        .filter_map(|rel| Some((rel, text(dist, rel).ok()?)))
        .filter(|(_, t)| old != new && t.contains(old))
        .map(|(rel, t)| (rel.to_string(), t.replace(old, new)))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const PAGE: &str = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' HASH\"></head><body><p>Settlement information as of May 1, 2020.</p><script type=\"module\">\nimport x from './a.js';\nconst texts = {};\nrun();\n</script></body></html>";

    pub(crate) fn page() -> String {
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
        let mut dist = Files::new();
        dist.insert(
            "_headers".into(),
            b"/\n  CSP: script-src 'sha256-old'\n".to_vec(),
        );
        dist.insert("deploy/nginx.conf".into(), b"no hash here\n".to_vec());
        let kit = deploy_kit_with(&dist, "'sha256-old'", "'sha256-new'");
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
        let f = |b: &[u8]| PackFile {
            key: "pack".into(),
            prefix: "claimcheck-pack-".into(),
            bytes: b.to_vec(),
        };
        let (a, b) = (file_name(&f(b"one")), file_name(&f(b"two")));
        assert_ne!(a, b);
        assert!(a.starts_with("claimcheck-pack-") && a.len() == "claimcheck-pack-.bin".len() + 16);
        assert!(is_pack_file(&a) && !is_pack_file("claimcheck-app-1.js"));
    }
}
