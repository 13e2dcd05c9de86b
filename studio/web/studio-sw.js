// The rule studio's service worker: keeps the studio's own files (the page, its scripts, its
// wasm, its style sheet and the preview page) so that the studio opens and works with no
// network after the first visit. scripts/studio.sh writes the file list and the version (a hash
// of the files: a new build makes a new cache). Cache first: the files are this build's.
//
// Knows the studio's file names only; never sees rule files (they never leave the page).

const VERSION = "dev";
const FILES = [];
const CACHE = "claimcheck-studio-" + VERSION;

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("claimcheck-studio-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (e) => {
  if (e.request.method !== "GET") return;
  // The preview's language rides in its address (?lang=es): the same file either way.
  e.respondWith(
    caches.open(CACHE)
      .then((c) => c.match(e.request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(e.request)),
  );
});
