// Trunk post-build hook, on Trunk's staging folder (the future dist/):
// 0. runs sim-record (src/bin/record.rs, natively), which writes the static record into
//    index.html and a page per passage into p/;
// 1. guards Trunk's bootstrap so a browser without WebAssembly keeps the static record and
//    logs no error, then pins every inline script in the Content-Security-Policy by its
//    sha256, so the policy forbids every other inline or foreign script;
// 2. writes sw.js, the service worker, with the list of every file of this build and a
//    build id hashed from their final bytes (Trunk hashes the wasm before wasm-opt runs);
//    the passage pages (p/) are precached too, so a shared link opens offline; the
//    one-file edition (1.3 MB, a download) is not;
// 3. writes sim-explorer.html, the one-file edition: the page with its stylesheet, script,
//    glue and wasm inline and its own policy, which opens from a file on disk.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by trunk build)');
  process.exit(1);
}
const ONE_FILE = 'sim-explorer.html';
// 0. The static record. Offline, like Trunk: .ci/setup.sh fetched every crate.
execFileSync('cargo', ['run', '--quiet', '--locked', '--offline', '--bin', 'sim-record', '--', staging], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
const indexPath = join(staging, 'index.html');
const fail = (message) => {
  console.error(`post-build: ${indexPath}: ${message}`);
  process.exit(1);
};
let html = readFileSync(indexPath, 'utf8');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inlineScripts = (page) => [...page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];

// 1. Trunk's bootstrap imports the glue and starts the wasm: only where WebAssembly exists.
const bootstrap = inlineScripts(html).find(([, body]) => body.includes('init('));
if (!bootstrap) fail("no Trunk bootstrap script (import init …)");
const [tag, body] = bootstrap;
const importLine = body.match(/^import[^;]*;/m)[0];
const guarded = `${importLine}\nif (typeof WebAssembly === 'object') {\n${body.replace(importLine, '')}\n}`;
html = html.replace(tag, tag.replace(body, guarded));
// The glue asks for the wasm as soon as it runs. A preload would make it race the page's
// own text and stylesheet for the network, where the static record does not need it.
html = html.replace(/<link(?=[^>]*\.wasm)(?=[^>]*\brel=["']?preload\b)[^>]*>/, '');
const directive = /(script-src 'self' 'wasm-unsafe-eval')/;
if (!directive.test(html)) fail(`no "script-src 'self' 'wasm-unsafe-eval'" in the CSP`);
const hashes = inlineScripts(html).map(([, b]) => sha256(b));
html = html.replace(directive, `$1 ${hashes.join(' ')}`);
writeFileSync(indexPath, html);

// 2. Every file of the build, as URLs relative to the worker (so any sub-path works).
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(staging, path).split('\\').join('/'));
  }
};
walk(staging);
const precached = files.filter((f) => f !== 'sw.js' && f !== ONE_FILE);
const build = createHash('sha256');
for (const f of precached) build.update(f).update(readFileSync(join(staging, f)));
const id = build.digest('hex').slice(0, 16);
const template = readFileSync(new URL('../src/service_worker.js', import.meta.url), 'utf8');
const precache = ['./', ...precached.map((f) => `./${f}`)];
writeFileSync(
  join(staging, 'sw.js'),
  template.replace('__BUILD__', id).replace('__FILES__', JSON.stringify(precache, null, 2)),
);

// 3. The one-file edition.
const read = (name) => readFileSync(join(staging, name), 'utf8');
const cssFile = files.find((f) => /^main-.*\.css$/.test(f));
const glueFile = files.find((f) => /^sim-explorer-.*\.js$/.test(f));
const wasmFile = files.find((f) => f.endsWith('.wasm'));
if (!cssFile || !glueFile || !wasmFile) fail('the stylesheet, glue or wasm is missing');
// The glue is an ES module; inline, its exports go, and the wasm comes from the page itself.
const glue = read(glueFile)
  .replace(/^export\s*\{[^}]*\};?\s*$/gm, '')
  .replace(/^export default (\w+);?\s*$/m, '')
  .replace(/^export (function|class|const|let) /gm, '$1 ');
const wasm = readFileSync(join(staging, wasmFile)).toString('base64');
const start = `${glue}
if (typeof WebAssembly === 'object') {
  const bytes = Uint8Array.from(atob('${wasm}'), (c) => c.charCodeAt(0));
  await __wbg_init({ module_or_path: bytes });
}`;
const css = read(cssFile);
let one = html
  .replace(/<link[^>]*rel=["']?(?:modulepreload|preload|manifest)["']?[^>]*>/g, '')
  .replace(/<link[^>]*rel=["']?icon["']?[^>]*>/g, '')
  .replace(/<link[^>]*rel=["']?stylesheet["']?[^>]*>/, () => `<style>${css}</style>`)
  .replace(tag.replace(body, guarded), () => `<script type=module>${start}</script>`)
  // The download link would point at a file beside this one: this is it.
  .replace(/<p class=["']?download-note["']?>[\s\S]*?<\/p>/, '');
const oneHashes = inlineScripts(one).map(([, b]) => sha256(b));
const csp =
  `default-src 'none'; script-src 'wasm-unsafe-eval' ${oneHashes.join(' ')}; ` +
  `style-src ${sha256(css)}; img-src data:; base-uri 'none'; form-action 'none'`;
one = one.replace(/<meta[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/, (meta) =>
  meta.replace(/content=("[^"]*"|'[^']*')/, `content="${csp}"`),
);
if (!one.includes(csp)) fail('no Content-Security-Policy meta to rewrite in the one-file edition');
writeFileSync(join(staging, ONE_FILE), one);

console.log(
  `post-build: CSP pins ${hashes.length} inline script(s); sw.js precaches ${precache.length} files, build ${id}; ` +
    `${ONE_FILE} ${(Buffer.byteLength(one) / 1024).toFixed(0)} KiB`,
);
