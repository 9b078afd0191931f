// End-to-end tests of search finding what people mean, in the release build: a typed form
// marks every form of the word, split and joined words, a wrong first letter, a name found
// in its other forms with the reason said, and events and disagreements above the passages.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { TEST_TIMEOUT_MS, gotoList, resultsWhole, startHarness, withPage } from './helpers.mjs';

const INPUT = '#search-input';
const RESULT = 'ol.results > li.result';
const COUNT = '.result-count[role=status]';

/** Types a search and waits for its count; returns every marked word, lower-cased. */
async function search(page, text) {
  await page.fill(INPUT, text);
  // The URL holds the search once typing pauses: by then its results are drawn.
  await page.waitForFunction((q) => location.hash === `#q=${encodeURIComponent(q)}`, text);
  await page.waitForSelector(RESULT);
  await resultsWhole(page);
  await page.click('.more', { timeout: 500 }).catch(() => {});
  return page.$$eval(`${RESULT} mark`, (m) => m.map((x) => x.textContent.toLowerCase()));
}

describe('Word forms', { timeout: TEST_TIMEOUT_MS * 6 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('typing one form of a word finds and marks every form of it', opts, () =>
    withPage(h.browser, {}, 'forms-warn', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      const marked = await search(page, 'warning');
      for (const form of ['warn', 'warned', 'warnings']) assert.ok(marked.includes(form), `${form}: ${marked}`);
      const campaign = await search(page, 'campaigning ');
      for (const form of ['campaign', 'campaigned', 'campaigners']) assert.ok(campaign.includes(form), `${form}: ${campaign}`);
      s.assertClean();
    }));

  test('split and joined words, and a wrong first letter', opts, () =>
    withPage(h.browser, {}, 'forms-split', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      assert.ok((await search(page, 'Stop SIM')).includes('stopsim'));
      assert.ok((await search(page, 'selfharm')).some((m) => m.startsWith('self')));
      assert.ok((await search(page, 'Gennings ')).includes('jennings'));
      s.assertClean();
    }));

  test('a name finds its other forms, saying so; a heading leads the results', opts, () =>
    withPage(h.browser, {}, 'forms-names', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await search(page, 'Hampshire police');
      await page.click('.more', { timeout: 1000 }).catch(() => {});
      await page.waitForSelector('.found-by-name');
      // Each says why: another form of the name, the actor's own words or its position.
      const why = await page.$$eval('.found-by-name', (p) => p.map((x) => x.textContent).join('\n'));
      assert.match(why, /names Hampshire Constabulary in another form/);
      await search(page, 'first piloted');
      const headings = await page.$$eval('.heading-results a', (a) => a.map((x) => x.getAttribute('href')));
      assert.ok(headings.includes('#ev=pilot-isle-of-wight'), JSON.stringify(headings));
      assert.ok(headings.some((h) => h.startsWith('#dis=')), JSON.stringify(headings));
      // The list comes before the passages.
      const order = await page.evaluate(() => {
        const a = document.querySelector('.heading-results');
        const b = document.querySelector('ol.results');
        return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      assert.ok(order);
      s.assertClean();
    }));
});
