//! The rule studio's preview page: the checker's one-file copy (`claimcheck.html`) whose loader
//! takes its pack files from the studio that frames it instead of from its inline table, with a
//! permanent "Preview — draft catalogue" banner. Built once, when the studio is built, from the
//! built checker: the real checker's pages never accept a catalogue from anyone.
//!
//! The page accepts one message: from its own parent window (never from itself, so a page
//! opened alone goes to the studio), of the page's own origin (so no other site that frames it
//! can give it a catalogue), holding `{ccDraft: {key: base64, ...}}` as the one-file copy's
//! table does. It asks for it by posting `cc-preview-ready` to its parent, at its own origin.
//! It can store nothing: its loader takes `localStorage` and `sessionStorage` away before the
//! app starts (the app then says the browser keeps nothing, as in a private window). The studio
//! frames it on its own origin (so its service worker serves it offline), sandboxed against
//! navigating the studio or opening windows.
//!
//! Knows nothing of packs or of the file system: it rewrites a page's text.

use crate::dist::set_table;

/// The loader line's new value: no storage (the preview keeps nothing, and shares its origin
/// with the studio and perhaps the checker), then wait for the draft from the same-origin parent.
const WAIT_FOR_DRAFT: &str = "(['localStorage','sessionStorage'].forEach((k)=>Object.defineProperty(self,k,\
{get(){throw new DOMException('The preview keeps nothing','SecurityError')}})),\
await new Promise((ok)=>{\
if(parent===self){location.replace('studio.html');return}\
addEventListener('message',(e)=>{const d=e.data;\
if(e.source===parent&&e.origin===location.origin&&d&&typeof d.ccDraft==='object'&&d.ccDraft)ok(d.ccDraft)});\
parent.postMessage('cc-preview-ready',location.origin)}))";

/// The banner shown above the checker, outside the part the app redraws.
const BANNER: &str = "<aside class=\"container\" id=\"preview-banner\" aria-label=\"Preview\">\
<p class=\"alert alert-warning\"><strong>Preview — draft catalogue.</strong> \
<span lang=\"es\">Vista previa — catálogo en borrador.</span> \
Nothing here is kept.</p></aside>";

/// The preview page made from the one-file copy's text `one_file`.
pub fn page(one_file: &str) -> Result<String, String> {
    let (html, _, _) = set_table(one_file, WAIT_FOR_DRAFT, "claimcheck.html")?;
    let at = html
        .find("<body")
        .and_then(|b| html[b..].find('>').map(|g| b + g + 1))
        .ok_or_else(|| "claimcheck.html: no <body>".to_string())?;
    Ok(format!("{}\n{BANNER}{}", &html[..at], &html[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_waits_for_the_parent_and_the_banner_is_first() {
        let one = crate::dist::tests::page();
        let out = page(&one).expect("a preview page");
        assert!(
            !out.contains("const texts = {};"),
            "the inline table is gone"
        );
        assert!(out.contains("const texts = (['localStorage','sessionStorage']"));
        assert!(out.contains("await new Promise("));
        assert!(out.contains("e.source===parent&&e.origin===location.origin"));
        let body = out.find("<body>").expect("a body");
        assert_eq!(out.find("<aside"), Some(body + "<body>\n".len()));
        assert!(out.contains("Preview — draft catalogue."));
        // The policy holds the new loader's hash, not the old one.
        let policy = |h: &str| {
            h.split("content=\"")
                .nth(1)
                .map(|p| p[..p.find('"').unwrap_or(0)].to_string())
        };
        assert_ne!(policy(&out), policy(&one));
        assert!(page("<body>no loader</body>").is_err());
    }
}
