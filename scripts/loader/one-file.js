// The one-file copy's start (dist/claimcheck.html), put by scripts/postbuild.py after the
// inlined wasm-bindgen glue and start-failed.js. Nothing is fetched: `claimcheck pack` fills in
// the `const texts = {};` line with the pack files as base64, and postbuild.py fills in the
// wasm (__WASM_BASE64__) and the glue's init function (__INIT__). Whole-line comments and
// indentation are dropped. It must not know anything of settlements or answers.
const texts = {};
window.ccLoadTexts = (lang) => Promise.resolve(
  Uint8Array.from(atob(texts[lang]), (c) => c.charCodeAt(0)).buffer);
if (typeof WebAssembly !== 'object') stop('wasm');
else {
  try {
    const bytes = Uint8Array.from(atob("__WASM_BASE64__"), (c) => c.charCodeAt(0));
    const started = await __INIT__({ module_or_path: bytes });
    dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: started } }));
  } catch (e) {
    console.error(e);
    if (!(e instanceof WebAssembly.RuntimeError)) stop('bad');
  }
}
