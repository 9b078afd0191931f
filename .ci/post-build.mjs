// Trunk post-build hook: pins the page's inline bootstrap script in the Content-Security-
// Policy by its sha256, so the policy can forbid every other inline or foreign script
// without 'unsafe-inline'. Rewrites only index.html in Trunk's staging folder.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by trunk build)');
  process.exit(1);
}
const path = join(staging, 'index.html');
let html = readFileSync(path, 'utf8');

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
const directive = /(script-src 'self' 'wasm-unsafe-eval')/;
if (!directive.test(html)) {
  console.error(`post-build: no "script-src 'self' 'wasm-unsafe-eval'" in the CSP of ${path}`);
  process.exit(1);
}
html = html.replace(directive, `$1 ${hashes.join(' ')}`);
writeFileSync(path, html);
console.log(`post-build: CSP pins ${hashes.length} inline script(s)`);
