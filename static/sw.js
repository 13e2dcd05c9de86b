// claimcheck's service worker: keeps exactly this build's files so the checker works offline.
// scripts/postbuild.py fills in VERSION (a hash of the build) and FILES (every file the app
// needs), so each build has its own cache and a new build replaces the old one on the next
// visit. It never sees an answer: the app makes no request after its files have loaded, and
// this worker only answers GET requests for the app's own files.
const VERSION = '__CLAIMCHECK_VERSION__';
const FILES = __CLAIMCHECK_FILES__;
const CACHE = 'claimcheck-' + VERSION;
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      // Files named by their content hash may come from the HTTP cache (the page has just
      // loaded them); the page and the unhashed files are asked of the server.
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'reload' }))))
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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: the network's copy while online, so a new build (new settlement facts)
    // shows at once; this build's copy when offline.
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((c) => c.match('./'))
        .then((r) => r || Response.error())),
    );
    return;
  }
  // Everything else is named by its content hash: this build's copy, else the network.
  event.respondWith(
    caches.open(CACHE).then((c) => c.match(request, { ignoreSearch: true }))
      .then((r) => r || fetch(request)),
  );
});
