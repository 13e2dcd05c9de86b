// The preview: the checker's one-file copy (preview.html, made when the studio is built) in a
// frame, given the draft's pack when it asks for it. The checker's own pages never take a pack
// from anyone; this copy takes one only from the window that frames it, on the studio's origin,
// and keeps nothing (its loader takes storage away: publish/src/preview.rs). Same origin as the
// studio, so that the studio's service worker serves it offline; sandboxed against navigating
// the studio or opening windows.
//
// Knows the frame and the message; the pack is the wasm's (`draft_pack`).

let frame = null;
let table = null;

// The frame asks once it runs; the answer goes to that frame only, on this origin.
addEventListener("message", (e) => {
  if (!frame || e.source !== frame.contentWindow || e.origin !== location.origin) return;
  if (e.data !== "cc-preview-ready" || !table) return;
  frame.contentWindow.postMessage({ ccDraft: table }, location.origin);
  frame.dataset.loaded = "true";
});

/// Shows the checker running `draftTable` (the one-file copy's table), in `lang` ("en"/"es").
/// A new frame each time: the checker starts over with the draft as it is now.
export function show(old, draftTable, lang) {
  table = draftTable;
  const f = old.cloneNode(false);
  f.hidden = false;
  f.removeAttribute("data-loaded");
  f.src = `preview.html?lang=${lang === "es" ? "es" : "en"}`;
  old.replaceWith(f);
  frame = f;
  return f;
}
