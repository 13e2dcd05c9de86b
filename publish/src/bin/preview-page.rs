//! `preview-page ONE_FILE OUT`: writes the rule studio's preview page (`preview::page`) made
//! from a built checker's one-file copy. Run by scripts/studio.sh; not a tool for authors.
//!
//! Knows the two paths it is given; the page is the library's.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [from, to] = &args[..] else {
        eprintln!("usage: preview-page DIST/claimcheck.html OUT/preview.html");
        return ExitCode::from(2);
    };
    let page = std::fs::read_to_string(from)
        .map_err(|e| format!("{from}: cannot read: {e} (build the checker first)"))
        .and_then(|one| claimcheck_publish::preview::page(&one).map_err(|e| format!("{from}: {e}")))
        .and_then(|page| std::fs::write(to, page).map_err(|e| format!("{to}: cannot write: {e}")));
    match page {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("preview-page: {e}");
            ExitCode::FAILURE
        }
    }
}
