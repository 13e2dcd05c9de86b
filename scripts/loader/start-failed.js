// The start screen's failure messages, shared by the web loader (web.js) and the one-file copy
// (one-file.js), which scripts/postbuild.py puts after it. __START_FAILED__ is postbuild.py's
// START_FAILED table, as JSON.
//
// When the app cannot start, the start screen says why and what to do, in English or
// Spanish (the address's lang=, else the browser's): `stop(kind)` replaces the start
// screen's buttons with the message of `kind` (the table from START_FAILED in postbuild.py),
// with Reload after a failed download. Never a dead Start button.
// `why(url)`: after a failed load, "net" if the file cannot be had (no connection, an error
// status), "bad" if a copy comes but is not the file this build expects (integrity failed).
const said=__START_FAILED__,
es=/^es/i.test(new URLSearchParams(location.search).get('lang')||navigator.language),
say=(k)=>said[k][+es],
why=(u)=>navigator.onLine===false?Promise.resolve('net'):fetch(u,{cache:'no-store'}).then((r)=>r.ok?'bad':'net',()=>'net'),
el=(t,k,x)=>{const e=document.createElement(t);e.className=k;e.textContent=x||'';return e},
stop=(kind)=>{const s=document.getElementById('start');if(!s)return;
s.querySelectorAll('.button-group').forEach((b)=>b.remove());
const box=el('div','alert alert-warning');box.id='start-failed';box.setAttribute('role','alert');
box.lang=es?'es-US':'en-US';box.append(el('p','',say(kind)));
if(kind==='frame'){const a=el('a','button',say('open'));a.href=location.href;a.target='_blank';
a.rel='noopener noreferrer';a.id='open-in-tab';box.append(a)}
else if(kind!=='wasm'){const a=el('a','button',say('reload'));a.href='./';a.id='reload';box.append(a)}
s.querySelector('h1').after(box)};
window.ccStartFailed=stop;
