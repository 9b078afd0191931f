// What opening the page costs the renderer's main thread, build against build: fresh
// contexts (no service worker, 412 px wide) open the home page, a document link and a
// search link, wait until the app has taken the static record's place, and read Chromium's
// own counters (CDP Performance.getMetrics: time in tasks, layout, style, script; DOM
// nodes). Builds alternate, so a busy machine weighs on each alike. Figures, not a test.
//
//   node tests/bench/load_cost.mjs [--runs 5] before=/path/to/old/dist after=dist

import { launchBrowser } from '../e2e/helpers.mjs';
import { startServer } from '../e2e/server.mjs';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const builds = args.filter((a) => a.includes('=')).map((a) => a.split('='));
if (!builds.length) builds.push(['this build', 'dist']);
const LINKS = ['', '#doc=2021-06-17-dodgy-data-warnings', '#q=police'];

const browser = await launchBrowser();
const servers = Object.fromEntries(await Promise.all(builds.map(async ([name, dir]) => [name, await startServer({ root: dir })])));
const seen = {};
try {
  for (let r = 0; r < runs; r++) {
    for (const [name] of builds) {
      for (const link of LINKS) {
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(servers[name].url + link);
        await page.waitForFunction(() => !document.getElementById('record'), null, { timeout: 30_000 });
        await page.waitForTimeout(600);
        const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
        (seen[`${name}  ${link || '(home)'}`] ||= []).push(m);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all(Object.values(servers).map((s) => s.close()));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Opening the page, main thread, median of ${runs} fresh loads (ms)`);
console.log(`${'build  link'.padEnd(52)} tasks  layout  style  script  nodes`);
for (const [k, ms] of Object.entries(seen)) {
  const col = (key, scale = 1000) => String(Math.round(median(ms.map((m) => m[key])) * scale)).padStart(6);
  console.log(`${k.padEnd(52)}${col('TaskDuration')}  ${col('LayoutDuration')} ${col('RecalcStyleDuration')}  ${col('ScriptDuration')} ${col('Nodes', 1)}`);
}
