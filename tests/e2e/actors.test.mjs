// End-to-end tests of the actor filter and actor pages in the release build: choosing
// actors, modes, chips, composing with a search, links from passages, the actor's page,
// bad links, accessibility and screenshots.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  SCREENSHOT_DIR,
  TEST_TIMEOUT_MS,
  assertScreenshot,
  formatAxeViolations,
  gotoList,
  runAxe,
  settle,
  startHarness,
  waitForDocument,
  withPage,
} from './helpers.mjs';

const RESULT = 'ol.results > li.result';
const COUNT = '.result-count[role=status]';

async function openFilter(page) {
  await page.click('.actor-filter summary');
  await page.waitForSelector('.actor-filter input[type=checkbox]');
}

/** The checkbox whose label starts with the actor's name; its label also holds the count. */
function checkbox(page, name) {
  return page.getByRole('checkbox', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
}

async function resultActorLines(page) {
  return page.$$eval(RESULT, (items) =>
    items.map((li) => li.querySelector('.passage-actors')?.textContent ?? ''),
  );
}

describe('Actors', { timeout: TEST_TIMEOUT_MS * 20 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('choosing an actor lists its passages, with a chip and counts in the checkbox names', opts, () =>
    withPage(h.browser, {}, 'actors-choose', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await openFilter(page);
      // Every checkbox is named by its actor and count, grouped by kind.
      const legends = await page.$$eval('.actor-group legend', (l) => l.map((x) => x.textContent));
      assert.deepEqual(legends, ['People', 'Organisations', 'Groups']);
      const box = checkbox(page, 'Paul Jennings');
      const name = await box.getAttribute('id');
      assert.equal(name, 'filter-paul-jennings');
      const count = Number((await page.textContent('label[for=filter-paul-jennings] .count')).replace(/\D/g, ''));
      assert.ok(count > 0);
      await box.check();
      await page.waitForSelector(RESULT);
      assert.equal(await page.textContent(COUNT), `${count} passages involve the chosen actors.`);
      for (const line of await resultActorLines(page)) assert.match(line, /Paul Jennings/);
      assert.match(await page.textContent('.chips'), /Paul Jennings/);
      assert.match(new URL(page.url()).hash, /a=paul-jennings/);
      // Choosing is a step of its own: Back undoes it.
      await page.goBack();
      await page.waitForSelector('ol.doc-list');
      s.assertClean();
    }));

  test('modes: said by, position reported, mentions, and all of several', opts, () =>
    withPage(h.browser, {}, 'actors-modes', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#a=paul-jennings&ar=said`);
      await page.waitForSelector(RESULT);
      const said = await page.$$eval(RESULT, (items) =>
        items.map((li) => li.querySelector('.passage-actors')?.textContent ?? ''),
      );
      for (const line of said) assert.match(line, /Words of:[^·]*Paul Jennings/);
      // A reported position is apart from the actor's words.
      await page.goto(`${h.url}#a=paul-jennings&ar=reported`);
      await page.waitForSelector(RESULT);
      for (const line of await resultActorLines(page)) assert.match(line, /Position reported:[^·]*Paul Jennings/);
      await page.goto(`${h.url}#a=paul-jennings&ar=mentioned`);
      await page.waitForSelector(RESULT);
      for (const line of await resultActorLines(page)) assert.match(line, /Names:.*Paul Jennings/);

      await page.goto(`${h.url}#a=nhs-england,stopsim-coalition&am=all`);
      await page.waitForSelector(RESULT);
      const all = Number((await page.textContent(COUNT)).match(/\d+/)[0]);
      for (const line of await resultActorLines(page)) {
        assert.match(line, /NHS England/);
        assert.match(line, /StopSIM Coalition/);
      }
      await page.goto(`${h.url}#a=nhs-england,stopsim-coalition`);
      await page.waitForSelector(RESULT);
      const any = Number((await page.textContent(COUNT)).match(/\d+/)[0]);
      assert.ok(any > all, `any (${any}) should exceed all (${all})`);
      s.assertClean();
    }));

  test('the filter composes with a search; counts follow the search; chips remove', opts, () =>
    withPage(h.browser, {}, 'actors-search', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#q=review`);
      await page.waitForSelector(RESULT);
      const searchOnly = Number((await page.textContent(COUNT)).match(/\d+/)[0]);
      await openFilter(page);
      const jenningsUnderSearch = Number(
        (await page.textContent('label[for=filter-paul-jennings] .count')).replace(/\D/g, ''),
      );
      await checkbox(page, 'Paul Jennings').check();
      await page.waitForFunction(
        (n) => document.querySelector('.result-count')?.textContent.startsWith(`${n} passage`),
        jenningsUnderSearch,
      );
      assert.ok(jenningsUnderSearch < searchOnly);
      for (const line of await resultActorLines(page)) assert.match(line, /Paul Jennings/);
      const marks = await page.$$eval(`${RESULT} mark`, (m) => m.map((x) => x.textContent.toLowerCase()));
      assert.ok(marks.every((m) => m.startsWith('review')), JSON.stringify(marks));
      await page.click('button.chip:has-text("Paul Jennings")');
      await page.waitForFunction(
        (n) => document.querySelector('.result-count')?.textContent.startsWith(`${n} passage`),
        searchOnly,
      );
      s.assertClean();
    }));

  test("a passage's actor link opens the actor's page", opts, () =>
    withPage(h.browser, {}, 'actors-page', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#doc=2021-04-29-activists-call-for-sim-halt`);
      await waitForDocument(page);
      await page.click('article.document .passage-actors a:text-is("Paul Jennings")');
      await page.waitForSelector('h2#actor-name');
      assert.equal(await page.textContent('h2#actor-name'), 'Paul Jennings');
      assert.match(await page.textContent('#said-heading'), /In their own words \(\d+ passages?\)/);
      assert.match(await page.textContent('#reported-heading'), /Their position as reported \(\d+ passages?\)/);
      assert.match(await page.textContent('#named-heading'), /Mentioned in \(\d+ passages?\)/);
      assert.ok(await page.isVisible('.actor-chart svg[role=img]'));
      assert.ok((await page.$$('.with-list li')).length > 0);
      // Its words open in their document.
      await page.click('section[aria-labelledby=said-heading] a.result-link >> nth=0');
      await page.waitForSelector('article.document .passage.focused');
      s.assertClean();
    }));

  test('an unknown actor in a link opens the page with a notice', opts, () =>
    withPage(h.browser, {}, 'actors-bad-link', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#actor=nobody-at-all`);
      await page.waitForSelector('.notice');
      assert.match(await page.textContent('.notice'), /Actor not found/);
      await page.goto(`${h.url}#a=nobody,paul-jennings`);
      await page.waitForSelector(RESULT);
      assert.match(await page.textContent('.notice'), /Actor not found/);
      s.assertNoPageErrors();
    }));

  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no violations with the filter open and on an actor page (${colorScheme})`, opts, () =>
      withPage(h.browser, { colorScheme, bypassCSP: true }, `actors-axe-${colorScheme}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#a=paul-jennings&q=police`);
        await page.waitForSelector(RESULT);
        await openFilter(page);
        await settle(page);
        let results = await runAxe(page);
        assert.equal(results.violations.length, 0, formatAxeViolations(results.violations));
        await page.goto(`${h.url}#actor=nhs-england`);
        await page.waitForSelector('h2#actor-name');
        await page.click('.actor-chart summary');
        results = await runAxe(page);
        assert.equal(results.violations.length, 0, formatAxeViolations(results.violations));
      }));
  }

  for (const width of [1280, 360]) {
    test(`screenshots of the filter and an actor page at ${width}px`, opts, () =>
      withPage(h.browser, { viewport: { width, height: 900 } }, `actors-shot-${width}`, async (s) => {
        const { page } = s;
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.goto(`${h.url}#a=paul-jennings`);
        await page.waitForSelector(RESULT);
        await openFilter(page);
        await settle(page);
        let file = join(SCREENSHOT_DIR, `filter-${width}.png`);
        await page.screenshot({ path: file });
        assertScreenshot(file, { width });
        await page.goto(`${h.url}#actor=paul-jennings`);
        await page.waitForSelector('h2#actor-name');
        await settle(page);
        file = join(SCREENSHOT_DIR, `actor-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        assertScreenshot(file, { width });
        const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: innerWidth }));
        assert.ok(sw <= iw, `actor page scrolls horizontally at ${width}px`);
      }));
  }
});
