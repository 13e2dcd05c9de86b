// claimcheck's service worker: keeps exactly this build's files so the checker works offline,
// and never keeps or serves a copy that is not the file it expects.
// scripts/postbuild.py fills in VERSION (a hash of the build) and FILES (every file the app
// needs, each with its integrity value, sha384 as in SRI), so each build has its own cache and
// a new build replaces the old one on the next visit. A file is checked against its value
// before it is cached and again before it is served: a bad copy (a captive portal's login page
// in place of the wasm, a truncated download, a damaged disk) is dropped and fetched again.
// It never sees an answer: the app makes no request after its files have loaded, and this
// worker only answers GET requests for the app's own files.
const VERSION = '__CLAIMCHECK_VERSION__';
const FILES = __CLAIMCHECK_FILES__;
const CACHE = 'claimcheck-' + VERSION;
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;
// The app's files by absolute address ('./' is the page itself).
const EXPECTED = new Map(Object.entries(FILES).map(([f, sri]) => [new URL(f, self.location).href, { f, sri }]));
const PAGE = new URL('./', self.location).href;
const LEAVE = new URL('./leave.html', self.location).href;

async function integrityOf(response) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', await response.clone().arrayBuffer()));
  let s = '';
  for (const b of digest) s += String.fromCharCode(b);
  return 'sha384-' + btoa(s);
}

// A checked copy from the network: with the HTTP cache first for files named by their content
// (the page has just loaded them), then, if that copy is bad, straight from the server.
async function fetchChecked(f, sri) {
  const modes = HASHED.test(f) ? ['default', 'reload'] : ['reload'];
  let last;
  for (const cache of modes) {
    try {
      const r = await fetch(new Request(f, { cache, integrity: sri, credentials: 'same-origin' }));
      // A redirected response cannot answer a navigation: kept as a plain copy (it passed
      // the integrity check, so it is the file whatever address it came from).
      if (r.ok) return r.redirected ? new Response(await r.blob(), { headers: r.headers }) : r;
      last = new Error(`${f}: ${r.status}`);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

async function cacheChecked(cache, f, sri) {
  await cache.put(new URL(f, self.location).href, await fetchChecked(f, sri));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => Promise.all(Object.entries(FILES).map(([f, sri]) => cacheChecked(cache, f, sri))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith('claimcheck-') && k !== CACHE).map((k) => caches.delete(k)),
      ))
      .then(() => self.clients.claim()),
  );
});

// This build's copy of `href` if it is intact; a bad one is dropped and fetched again (null
// when that fails too, as offline).
async function intact(href) {
  const want = EXPECTED.get(href);
  const cache = await caches.open(CACHE);
  const hit = await cache.match(href);
  if (hit && (await integrityOf(hit)) === want.sri) return hit;
  if (hit) await cache.delete(href);
  try {
    const fresh = await fetchChecked(want.f, want.sri);
    await cache.put(href, fresh.clone());
    return fresh;
  } catch (e) {
    return null;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  url.search = '';
  url.hash = '';
  if (request.mode === 'navigate') {
    // The neutral page of the quick exit: always this build's copy, at once, online or not.
    if (url.href === LEAVE) {
      event.respondWith(intact(LEAVE).then((r) => r || fetch(request)));
      return;
    }
    // The page itself: the network's copy while online, so a new build (new settlement facts)
    // shows at once; this build's checked copy when offline.
    event.respondWith(
      fetch(request).catch(() => intact(PAGE).then((r) => r || Response.error())),
    );
    return;
  }
  if (!EXPECTED.has(url.href)) return;
  // Everything else is named by its content hash: this build's checked copy, else the network.
  event.respondWith(intact(url.href).then((r) => r || fetch(request)));
});
