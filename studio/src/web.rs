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
