//! The app's build script. The wasm carries no settlement data: the catalogue reaches the page
//! as pack files that `claimcheck pack` writes into `dist/` (scripts/postbuild.py calls it after
//! every Trunk build), so for `wasm32` this script does nothing and the wasm and its JS glue are
//! the same bytes whatever `rules/` holds.
//!
//! Native builds (the app's unit tests, which have no browser to fetch files) load and validate
//! `rules/` and write the same pack files into OUT_DIR with the same code as the CLI
//! (`publish/src/packfiles.rs`): `structure.bin`, `texts-en.bin`, `texts-es.bin`.

use std::path::PathBuf;

#[path = "publish/src/packfiles.rs"]
mod packfiles;

/// The app's own texts, in `i18n::K` order: the same file the app reads for its key names.
macro_rules! texts {
    (first_load { $($k:ident => ($en:expr, $es:expr),)* } after_pack { $($k2:ident => ($en2:expr, $es2:expr),)* }) => {
        /// The app's texts: `(key, English, Spanish)` in the app's order, the `first_load`
        /// group first.
        const UI: packfiles::AppTexts = packfiles::AppTexts {
            all: &[$((stringify!($k), $en, $es),)* $((stringify!($k2), $en2, $es2)),*],
            first_load: [$(stringify!($k)),*].len(),
        };
    };
}
include!("src/ui_texts.rs");

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        return;
    }
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed={}", rules.display());
    println!("cargo:rerun-if-changed=src/ui_texts.rs");
    println!("cargo:rerun-if-changed=publish/src/packfiles.rs");
    let loaded = claimcheck_engine::load::load_dir_or_fail_build(&rules);
    let pack = packfiles::slim(&loaded.pack).unwrap_or_else(|e| panic!("{e}"));
    packfiles::check_ui(UI).unwrap_or_else(|e| panic!("{e}"));
    let files = packfiles::pack_files(&pack, UI);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("write {name}: {e}"))
    };
    write("structure.bin", &files.structure);
    for (lang, bytes) in &files.texts {
        let code = match lang {
            claimcheck_engine::text::Lang::En => "en",
            claimcheck_engine::text::Lang::Es => "es",
        };
        write(&format!("texts-{code}.bin"), bytes);
    }
    for (lang, bytes) in &files.directory {
        let code = match lang {
            claimcheck_engine::text::Lang::En => "en",
            claimcheck_engine::text::Lang::Es => "es",
        };
        write(&format!("dir-{code}.bin"), bytes);
    }
}
