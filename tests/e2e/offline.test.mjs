// End-to-end tests of the page offline and as it updates: after one visit a reload (the
// chunks of the timeline and of the later pages included), a search and a deep link work
// with the network off (every file from the service worker); a changed build is offered
// and, once accepted, replaces the old one and its cache; the page works under a sub-path.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DIST, TEST_TIMEOUT_MS, launchBrowser, openPage } from './helpers.mjs';
import { startServer } from './server.mjs';

/** Loads the page and waits until the service worker controls it. */
async function visitAndInstall(page, url) {
  await page.goto(url);
  await page.waitForSelector('ol.doc-list > li.doc-item');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe('Offline and updates', { timeout: TEST_TIMEOUT_MS * 10 }, () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('after one visit, reload, search and a deep link work offline', opts, async () => {
    const server = await startServer({ root: DIST });
    const s = await openPage(browser);
    try {
      const { page, context } = s;
      await visitAndInstall(page, server.url);
      await context.setOffline(true);
      const fromNetwork = [];
      page.on('response', (r) => {
        if (!r.fromServiceWorker() && !r.url().startsWith('data:')) fromNetwork.push(r.url());
      });
      await page.reload();
      await page.waitForSelector('ol.doc-list > li.doc-item');
      // The timeline too, whose code is a chunk of its own (split.test.mjs).
      await page.waitForSelector('.timeline-svg g.ev', { state: 'attached' });
      await page.fill('#search-input', 'Wesex');
      await page.waitForSelector('ol.results > li.result mark');
      await page.goto(`${server.url}#doc=2021-06-17-dodgy-data-warnings`);
      await page.waitForSelector('article.document .passage');
      const key = (await page.getAttribute('article.document p.passage a.anchor', 'href')).match(/p=([a-z0-9]+)/)[1];
      await page.goto(`${server.url}#doc=2021-06-17-dodgy-data-warnings&p=${key}`);
      await page.reload();
      await page.waitForSelector(`#p-${key}.focused`);
      // Pages whose code was never fetched online: the worker precached their chunks.
      for (const [hash, heading] of [['#actor=nhs-england', '#actor-name'], ['#col=', '#collection-heading'], ['#check=', '#check-heading']]) {
        await page.evaluate((h) => { location.hash = h; }, hash);
        await page.waitForSelector(heading);
      }
      assert.equal(await page.locator('.notice[role=status]').count(), 0);
      assert.deepEqual(fromNetwork, [], 'every response offline came from the service worker');
      s.assertClean();
    } finally {
      await s.close();
      await server.close();
    }
  });

  test('a new build is offered; accepting it switches builds and deletes the old cache', opts, async () => {
    const root = mkdtempSync(join(tmpdir(), 'sim-update-'));
    cpSync(DIST, root, { recursive: true });
    const server = await startServer({ root });
    const s = await openPage(browser);
    try {
      const { page } = s;
      await visitAndInstall(page, server.url);
      const before = await page.evaluate(() => caches.keys());
      assert.equal(before.length, 1);
      // "Deploy" a changed build: a new build id is a byte-changed worker.
      const sw = readFileSync(join(root, 'sw.js'), 'utf8');
      const id = sw.match(/const BUILD = '([0-9a-f]+)'/)[1];
      writeFileSync(join(root, 'sw.js'), sw.replace(`const BUILD = '${id}'`, `const BUILD = '${id}0next'`));
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
      await page.waitForSelector('.notice.update');
      assert.match(await page.textContent('.notice.update'), /A new version of SIM Explorer is available/);
      // Until accepted, the old build stays in control with its cache; the new build waits,
      // its files already cached for the switch.
      const waiting = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        return { waiting: reg.waiting !== null, keys: await caches.keys() };
      });
      assert.ok(waiting.waiting);
      assert.ok(waiting.keys.includes(before[0]));
      await Promise.all([page.waitForEvent('load'), page.click('.notice.update button')]);
      await page.waitForSelector('ol.doc-list > li.doc-item');
      await page.waitForFunction(async () => {
        const keys = await caches.keys();
        return keys.length === 1 && keys[0].endsWith('0next');
      });
      s.assertNoPageErrors();
    } finally {
      await s.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('under a sub-path (/record/) the page, search and offline all work', opts, async () => {
    const server = await startServer({ root: DIST, prefix: '/record/' });
    const s = await openPage(browser);
    try {
      const { page, context } = s;
      assert.ok(server.url.endsWith('/record/'));
      await visitAndInstall(page, server.url);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      assert.ok(scope.endsWith('/record/'), scope);
      await context.setOffline(true);
      await page.goto(`${server.url}#q=psychiatirsts`);
      await page.waitForSelector('ol.results > li.result');
      s.assertClean();
    } finally {
      await s.close();
      await server.close();
    }
  });
});
