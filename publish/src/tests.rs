//! Publishing the bundled rules into a small built-looking `dist/`: what is written, removed
//! and pinned.

use crate::{publish_pack, AppTexts, Files};
use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};

const UI: AppTexts = AppTexts {
    all: &[("Hello", "Hello", "Hola")],
    first_load: 1,
};

fn csp(script: &str) -> String {
    let h = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()));
    format!("'sha256-{h}'")
}

fn page(mark: bool, loader: &str) -> String {
    let script = format!("\nconst texts = {{}};\n{loader}\n");
    format!(
        "<html><head>{}<meta http-equiv=\"Content-Security-Policy\" content=\"script-src {}\"></head><body><p>Settlement information as of May 1, 2020.</p><script type=\"module\">{script}</script></body></html>",
        if mark { "<!-- claimcheck:postbuild -->" } else { "" },
        csp(&script)
    )
}

fn dist() -> Files {
    let mut d = Files::new();
    let index = page(true, "load();");
    let hash = index
        .split("script-src ")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("")
        .to_string();
    d.insert("index.html".into(), index.clone().into_bytes());
    d.insert("embed.html".into(), index.into_bytes());
    d.insert(
        "claimcheck.html".into(),
        page(false, "inline();").into_bytes(),
    );
    d.insert(
        "sw.js".into(),
        b"const VERSION = \"v0\";\nconst FILES = {};\n".to_vec(),
    );
    d.insert(
        "_headers".into(),
        format!("/\n  CSP: script-src {hash}\n").into_bytes(),
    );
    d.insert(
        "claimcheck-pack-0000000000000000.bin".into(),
        b"old".to_vec(),
    );
    d.insert("app.wasm".into(), b"wasm".to_vec());
    d
}

fn bundled() -> claimcheck_engine::Pack {
    let rules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    claimcheck_engine::load::load_dir(&rules)
        .expect("the bundled rules load")
        .pack
}

fn text(f: &Files, name: &str) -> String {
    String::from_utf8(f.get(name).cloned().unwrap_or_default()).unwrap_or_default()
}

#[test]
fn publishing_writes_the_pack_and_every_pin() {
    let (before, pack) = (dist(), bundled());
    let ch = publish_pack(&before, &pack, UI).expect("publishes");
    assert_eq!(ch.remove, ["claimcheck-pack-0000000000000000.bin"]);
    assert_eq!(ch.pack_names.len(), 5, "structure, 2 texts, 2 directories");
    let after = ch.apply(&before);
    let index = text(&after, "index.html");
    for name in &ch.pack_names {
        let bytes = after.get(name).expect("each pack file is written");
        let sri = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes));
        assert!(
            index.contains(&format!("[\"./{name}\",\"sha384-{sri}\"]")),
            "{name} pinned"
        );
        assert!(text(&after, "sw.js").contains(&format!("\"./{name}\":\"sha384-{sri}\"")));
        let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
        assert!(
            text(&after, "claimcheck.html").contains(&b64),
            "{name} inline"
        );
    }
    assert!(!text(&after, "sw.js").contains("0000000000000000"));
    assert!(!text(&after, "sw.js").contains("v0"), "a new version");
    assert_eq!(text(&after, "embed.html"), index);
    let d = pack.checked_on;
    assert!(index.contains(&format!("as of {}.", crate::dist::english_date(d))));
    // The header allows the new loader, whose hash the page's policy holds.
    let script = index
        .split("<script type=\"module\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .unwrap_or("");
    assert!(index.contains(&csp(script)) && text(&after, "_headers").contains(&csp(script)));
    assert!(!after.contains_key("claimcheck-pack-0000000000000000.bin"));
    assert_eq!(after.get("app.wasm").map(Vec::as_slice), Some(&b"wasm"[..]));
}

#[test]
fn a_folder_that_is_not_a_built_checker_is_refused_by_name() {
    let mut d = dist();
    d.insert("index.html".into(), page(false, "x();").into_bytes());
    let e = publish_pack(&d, &bundled(), UI).unwrap_err();
    assert!(
        e.contains("index.html") && e.contains("not a built app"),
        "{e}"
    );
    d.remove("index.html");
    let e = publish_pack(&d, &bundled(), UI).unwrap_err();
    assert!(e.contains("index.html: missing"), "{e}");
    let mut d = dist();
    d.remove("sw.js");
    assert!(publish_pack(&d, &bundled(), UI)
        .unwrap_err()
        .contains("sw.js"));
}

#[test]
fn an_empty_app_text_is_refused() {
    let blank = AppTexts {
        all: &[("Hello", "Hello", " ")],
        first_load: 1,
    };
    let e = publish_pack(&dist(), &bundled(), blank).unwrap_err();
    assert!(e.contains("Hello"), "{e}");
}

#[test]
fn more_first_load_texts_than_texts_are_refused() {
    let over = AppTexts {
        all: UI.all,
        first_load: 2,
    };
    let e = publish_pack(&dist(), &bundled(), over).unwrap_err();
    assert!(e.contains("first-load"), "{e}");
}

#[test]
fn a_directory_carries_the_first_load_texts_only() {
    let two = AppTexts {
        all: &[("Hello", "Hello", "Hola"), ("Bye", "Goodbye", "Adiós")],
        first_load: 1,
    };
    let files = crate::packfiles::pack_files(&bundled(), two);
    for (lang, bytes) in &files.directory {
        let d = claimcheck_engine::wire::decode_directory(bytes).expect("decodes");
        let hello = if *lang == claimcheck_engine::text::Lang::En {
            "Hello"
        } else {
            "Hola"
        };
        assert_eq!(d.extra, vec![hello.to_string()]);
    }
    for (_, bytes) in &files.texts {
        let text = String::from_utf8_lossy(bytes);
        assert!(text.contains("Goodbye") || text.contains("Adiós"));
    }
}
