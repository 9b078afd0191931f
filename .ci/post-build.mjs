// Trunk post-build hook, on Trunk's staging folder (the future dist/):
// 1. pins the page's inline bootstrap script in the Content-Security-Policy by its sha256,
//    so the policy forbids every other inline or foreign script without 'unsafe-inline';
// 2. writes sw.js, the service worker, with the list of every file of this build and a
//    build id hashed from their final bytes (Trunk hashes the wasm before wasm-opt runs).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by trunk build)');
  process.exit(1);
}
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
const directive = /(script-src 'self' 'wasm-unsafe-eval')/;
if (!directive.test(html)) {
  console.error(`post-build: no "script-src 'self' 'wasm-unsafe-eval'" in the CSP of ${indexPath}`);
  process.exit(1);
}
html = html.replace(directive, `$1 ${hashes.join(' ')}`);
writeFileSync(indexPath, html);

// Every file of the build, as URLs relative to the worker (so any sub-path works).
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name !== 'sw.js') files.push(relative(staging, path).split('\\').join('/'));
  }
};
walk(staging);
const build = createHash('sha256');
for (const f of files) build.update(f).update(readFileSync(join(staging, f)));
const id = build.digest('hex').slice(0, 16);
const template = readFileSync(new URL('../src/service_worker.js', import.meta.url), 'utf8');
const precache = ['./', ...files.map((f) => `./${f}`)];
writeFileSync(
  join(staging, 'sw.js'),
  template.replace('__BUILD__', id).replace('__FILES__', JSON.stringify(precache, null, 2)),
);
console.log(`post-build: CSP pins ${hashes.length} inline script(s); sw.js precaches ${precache.length} files, build ${id}`);
