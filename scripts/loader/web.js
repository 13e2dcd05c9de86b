// The module that starts the app on the web, inlined into dist/index.html by
// scripts/postbuild.py after start-failed.js (whole-line comments and indentation are dropped
// there; it is part of every first visit, so the code is written compactly). postbuild.py fills
// in the __PLACEHOLDERS__; `claimcheck pack` fills in the `const texts = {};` line with the pack
// files' names and integrity values, and the CSP hash of this script. It must not know anything
// of settlements or answers.
//
// `ccLoadTexts(name)`: the app's way to its pack files (`dir-en` or `dir-es`, what the first
//    question needs, then `pack`, the structure, `en` and `es`), each fetched with its
//    integrity; it rejects with "bad" when a copy came that is not the file (the app then says
//    so rather than blaming the connection) and with "net" otherwise. Every visit loads the
//    same files (the whole pack once the app runs), so the likely language's directory starts
//    now, beside the wasm; a failed fetch is forgotten so that the app can try again.
const texts = {};
const pending={};
window.ccLoadTexts=(lang)=>pending[lang]??=fetch(texts[lang][0],{integrity:texts[lang][1]})
.then((r)=>{if(!r.ok)throw new Error(`${r.status} ${r.url}`);return r.arrayBuffer()})
.catch(async(e)=>{delete pending[lang];console.error(e);throw await why(texts[lang][0])});
const asked=new URLSearchParams(location.search).get('lang');
ccLoadTexts('dir-'+(/^(en|es)$/.test(asked)?asked:/^es/i.test(navigator.language)?'es':'en')).catch(()=>{});
// The glue, then the wasm fetched with its integrity checked, then (on http and https only,
//    never in the embed mode) the service worker. A frame sandboxed without same-origin or a
//    browser without WebAssembly stops at once with its message; a panic while starting draws
//    its own page (the app's panic hook), a failed load is explained here.
(async()=>{
if(/^https?:$/.test(location.protocol)&&self.origin==='null')return stop('frame');
if(typeof WebAssembly!=='object')return stop('wasm');
let step='./__JS__';
try{const{default:init}=await import(step);
step='./__WASM__';
const wasm=await init({module_or_path:fetch(step,{integrity:'__WASM_SRI__'})});
dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm}}))}
catch(e){console.error(e);if(!(e instanceof WebAssembly.RuntimeError))stop(e instanceof TypeError?await why(step):'bad');return}
if('serviceWorker' in navigator&&/^https?:$/.test(location.protocol)&&!new URLSearchParams(location.search).has('embed'))
navigator.serviceWorker.register('./sw.js').catch(()=>{})})();
