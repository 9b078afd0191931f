// SIM Explorer's service worker: the template .ci/post-build.mjs fills in (the build id
// and the list of every file of the build) and writes to dist/sw.js.
//
// - Install: precache every file of this build in a cache named after the build.
// - Fetch: answer this origin's GET requests from the cache first (so the page works
//   offline, deep links included: every view is the same index.html); go to the network
//   only for what the cache lacks.
// - Update: a new build's worker waits until the page says so ("reload"), then takes over
//   and deletes every older build's cache, so no page mixes files of two builds.
const BUILD = '__BUILD__';
const CACHE = `sim-explorer-${BUILD}`;
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('sim-explorer-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // A page load at any URL of the app is index.html: views live in the fragment.
      const key = request.mode === 'navigate' ? new URL('./', self.registration.scope).href : request;
      const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
      return hit || fetch(request);
    }),
  );
});
