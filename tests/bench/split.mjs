// The check and figures of tests/bench/split.sh: the page as shipped against the same page
// with the timeline's code split off. Prints the brotli-11 size of each wasm, glue and chunk,
// and of a first visit (tests/bundle_size.mjs's count for the shipped page, with its wasm and
// glue exchanged for the split page's), and fails unless the split page, served as the tests
// serve the page, draws the timeline from its chunk, and, with the chunk's every request
// failing, says so with "Try again", which then draws it.
//
//   node tests/bench/split.mjs <shipped dist> <split page>

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { compressed } from '../compressed.mjs';
import { launchBrowser, REPO_ROOT } from '../e2e/helpers.mjs';
import { startServer } from '../e2e/server.mjs';

const [shipped, split] = process.argv.slice(2);
if (!shipped || !split) {
  console.error('usage: node tests/bench/split.mjs <shipped dist> <split page>');
  process.exit(2);
}
const br = (file) => compressed(readFileSync(file), 'br').length;
const wasm = (dir) => join(dir, readdirSync(dir).find((f) => f.endsWith('_bg.wasm')));
const glue = (dir) => wasm(dir).replace(/_bg\.wasm$/, '.js');
const chunks = readdirSync(split).filter((f) => /^split_.*\.wasm$/.test(f));
const loader = join(split, '__wasm_split.js');
const shippedVisit = (() => {
  const report = execFileSync('node', [join(REPO_ROOT, 'tests', 'bundle_size.mjs'), shipped], { encoding: 'utf8' });
  return Number(report.match(/First visit: [\d,]+ \([^)]*\) raw, ([\d,]+)/)[1].replaceAll(',', ''));
})();
const [wasmBefore, wasmAfter] = [br(wasm(shipped)), br(wasm(split))];
const [glueBefore, glueAfter] = [br(glue(shipped)), br(glue(split))];
// The split page's first visit: the shipped one with its wasm and glue exchanged, and the
// loader added; the chunk comes later.
const splitVisit = shippedVisit - wasmBefore - glueBefore + wasmAfter + glueAfter + br(loader);
console.log('The timeline split off (brotli-11 bytes)');
console.log(`  the page's wasm          ${wasmBefore} as shipped, ${wasmAfter} split (${wasmAfter - wasmBefore})`);
console.log(`  the JS glue              ${glueBefore} as shipped (minified by Trunk), ${glueAfter} split (not minified), the split loader ${br(loader)}`);
for (const c of chunks) console.log(`  ${c.padEnd(24)} ${br(join(split, c))}, fetched when the timeline first shows`);
console.log(`  a first visit            ${shippedVisit} as shipped, ${splitVisit} split (${splitVisit - shippedVisit}); with the timeline shown, ${splitVisit + chunks.reduce((n, c) => n + br(join(split, c)), 0)}`);

const failures = [];
const browser = await launchBrowser();
const server = await startServer({ root: split });
try {
  for (const failing of [false, true]) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname.slice(1)));
    if (failing) await page.route('**/split_*.wasm', (route) => route.abort());
    await page.goto(server.url);
    if (failing) {
      const retry = page.getByRole('button', { name: 'Try again' });
      await retry.waitFor({ timeout: 30_000 });
      const notice = await page.locator('.notice', { has: retry }).textContent();
      if (!notice.includes('The timeline could not load')) failures.push(`the notice says: ${notice}`);
      await page.unroute('**/split_*.wasm');
      await retry.click();
    }
    await page.locator('.event-list li').first().waitFor({ state: 'attached', timeout: 30_000 });
    const events = await page.locator('.event-list li').count();
    const marks = await page.locator('.timeline-svg g.ev').count();
    const chunk = fetched.filter((f) => chunks.includes(f)).length;
    console.log(`  ${failing ? 'chunk failing, then "Try again"' : 'the split page'}: the timeline drawn (${events} events, ${marks} marks), the chunk requested ${chunk} time(s)`);
    if (!events || !marks) failures.push('no timeline drawn');
    if (chunk < (failing ? 2 : 1)) failures.push('the chunk was not requested');
    // The worker is blocked here on purpose (its registration fails); any other error counts.
    const other = errors.filter((e) => !/waiting|serviceWorker|Service Worker/.test(e));
    if (other.length) failures.push(...other);
    await context.close();
  }
} finally {
  await server.close();
  await browser.close();
}
if (failures.length) {
  console.error(`split.mjs: ${failures.join('; ')}`);
  process.exit(1);
}
