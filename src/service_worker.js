// SIM Explorer's service worker: the template the build fills in (the build id and the
// list of every file of the build) and writes to dist/sw.js.
//
// - Install: precache every file of this build, the passage pages (p/KEY.html) included,
//   in a cache named after the build, bypassing the HTTP cache so no file of an older
//   build slips in.
// - Fetch: answer this origin's GET requests from the cache first (so the page and every
//   shared link work offline); a page load gets the page asked for, never the record's
//   index.html under another path (whose relative URLs would then point nowhere); go to
//   the network only for what the cache lacks, and say so plainly when that fails.
// - Update: a new build's worker waits until the page says so ("reload"), then takes over
//   and deletes every older build's cache, so no page mixes files of two builds.
const BUILD = '__BUILD__';
const CACHE = `sim-explorer-${BUILD}`;
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
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

/** The cache key of a page load: the record itself for the scope (`/` or `/index.html`),
 *  otherwise the very address asked for, without its query. */
function pageKey(url) {
  const scope = new URL(self.registration.scope);
  const path = url.pathname;
  if (path === scope.pathname || path === `${scope.pathname}index.html`) return scope.href;
  return url.origin + path;
}

/** Said where a page is neither kept for offline use nor reachable. */
function offlinePage() {
  const home = new URL('./', self.registration.scope).href;
  const body =
    '<!doctype html><html lang="en-GB"><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Offline – SIM Explorer</title>' +
    '<p>This address is not part of the copy of SIM Explorer kept on this device, and there is no connection to fetch it.</p>' +
    `<p><a href="${home}">Open the record</a> (it works offline).</p>`;
  return new Response(body, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

async function answer(request) {
  const cache = await caches.open(CACHE);
  if (request.mode === 'navigate') {
    const hit = await cache.match(pageKey(new URL(request.url)), { ignoreSearch: true });
    if (hit) return hit;
    try {
      return await fetch(request);
    } catch {
      return offlinePage();
    }
  }
  return (await cache.match(request)) || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});
