//! The wasm bindings: JSON text in, JSON text out, so the page needs no generated types.
//!
//! Knows wasm-bindgen and the core's functions; holds no state between calls.

use wasm_bindgen::prelude::*;

/// The bundled rule files as a JSON array of `[label, text]`.
#[wasm_bindgen]
pub fn bundled_files() -> String {
    serde_json::to_string(&crate::bundled()).unwrap_or_else(|_| "[]".into())
}

/// Checks the files (a JSON array of `[label, text]`) and describes the settlement `focus`.
/// Returns the analysis as JSON; a file list that cannot be read is reported as one error.
#[wasm_bindgen]
pub fn analyse(files_json: &str, focus: &str) -> String {
    let analysis = match crate::files_from_json(files_json) {
        Ok(files) => crate::analyse(&files, focus),
        Err(message) => crate::Analysis {
            errors: vec![crate::Problem {
                file: String::new(),
                line: 1,
                col: 1,
                message,
                fix: "reload the page".into(),
            }],
            ..crate::Analysis::default()
        },
    };
    serde_json::to_string(&analysis).unwrap_or_else(|_| "{}".into())
}

/// The draft's pack as the one-file copy's table (JSON `{"table": {...}}`), for the preview
/// frame; or `{"error": "..."}` when the files do not load.
#[wasm_bindgen]
pub fn draft_pack(files_json: &str) -> String {
    let table = crate::files_from_json(files_json).and_then(|f| crate::publish::draft_table(&f));
    match table {
        Ok(t) => format!("{{\"table\":{t}}}"),
        Err(e) => serde_json::json!({ "error": e }).to_string(),
    }
}

/// Publishes the draft into a built `dist/` given as `names_json` (a JSON array of
/// `[path, length]`, paths inside `dist/`) and `data` (the files' bytes, one after another).
/// Returns a 4-byte little-endian length, a JSON header of that length (`{"error": "..."}`, or
/// `{"write": [[path, length], ...], "remove": [path, ...], "settlements": n}`), then the bytes
/// of the files to write, in the header's order.
#[wasm_bindgen]
pub fn publish_dist(files_json: &str, names_json: &str, data: &[u8]) -> Vec<u8> {
    let out = crate::files_from_json(files_json).and_then(|files| {
        let dist = dist_files(names_json, data)?;
        crate::publish::publish(&files, &dist)
    });
    let (header, body) = match out {
        Err(e) => (serde_json::json!({ "error": e }), Vec::new()),
        Ok((changes, settlements)) => {
            let write: Vec<(&String, usize)> =
                changes.write.iter().map(|(n, b)| (n, b.len())).collect();
            let body = changes.write.values().flatten().copied().collect();
            let header = serde_json::json!({
                "write": write, "remove": changes.remove, "settlements": settlements,
            });
            (header, body)
        }
    };
    let header = header.to_string().into_bytes();
    let mut bytes = (header.len() as u32).to_le_bytes().to_vec();
    bytes.extend(header);
    bytes.extend(body);
    bytes
}

/// The built folder's files from their names and lengths and their bytes one after another.
fn dist_files(names_json: &str, data: &[u8]) -> Result<claimcheck_publish::Files, String> {
    let names: Vec<(String, usize)> = serde_json::from_str(names_json)
        .map_err(|e| format!("the folder's file list is not readable: {e}"))?;
    let mut files = claimcheck_publish::Files::new();
    let mut at = 0usize;
    for (name, len) in names {
        let bytes = data
            .get(at..at.saturating_add(len))
            .ok_or_else(|| format!("{name}: fewer bytes than its length"))?;
        files.insert(name, bytes.to_vec());
        at += len;
    }
    Ok(files)
}
