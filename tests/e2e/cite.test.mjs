// End-to-end tests of citing in the release build: a shared passage link opens with its
// citing tools; copying a link, a citation and Markdown puts the right text on the real
// clipboard and says so; events cite too; the tools pass axe.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { TEST_TIMEOUT_MS, formatAxeViolations, runAxe, settle, startHarness, waitForDocument, withPage } from './helpers.mjs';

describe('Citing', { timeout: TEST_TIMEOUT_MS * 10 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('a passage link opens with citing tools that copy link, citation and Markdown', opts, () =>
    withPage(h.browser, {}, 'cite-passage', async (s) => {
      const { page, context } = s;
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.url).origin });
      // Take a passage key from the document's own anchors.
      await page.goto(`${h.url}#doc=2021-06-17-dodgy-data-warnings`);
      await waitForDocument(page);
      const href = await page.getAttribute('article.document p.passage:nth-of-type(3) a.anchor', 'href');
      const key = new URLSearchParams(href.slice(1)).get('p');
      const text = await page.textContent(`#p-${key} .passage-text`);
      await page.goto(`${h.url}#doc=2021-06-17-dodgy-data-warnings&p=${key}`);
      await page.waitForSelector('.cite-tools');
      const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

      await page.click('.cite-tools button:text-is("Copy link")');
      await page.waitForSelector('.cite-status:text-is("Link copied.")');
      // The passage's own page, which previews it and goes on to it in the record.
      assert.equal(await clipboard(), `${h.url}p/${key}.html`);

      await page.click('.cite-tools button:text-is("Copy citation")');
      await page.waitForSelector('.cite-status:text-is("Citation copied.")');
      const plain = await clipboard();
      assert.ok(plain.startsWith(`“${text}”`), plain);
      assert.match(plain, /Disability News Service, John Pring, 17 June 2021, paragraph \d+\. http/);

      await page.click('.cite-tools button:text-is("Copy as Markdown")');
      await page.waitForSelector('.cite-status:text-is("Markdown citation copied.")');
      assert.ok((await clipboard()).startsWith('> '));
      s.assertClean();
    }));

  test('an open event cites its date, dispute and source', opts, () =>
    withPage(h.browser, {}, 'cite-event', async (s) => {
      const { page, context } = s;
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.url).origin });
      await page.goto(`${h.url}#ev=pilot-isle-of-wight`);
      await page.waitForSelector('.event-detail .cite-tools');
      await page.click('.event-detail .cite-tools button:text-is("Copy citation")');
      await page.waitForSelector('.event-detail .cite-status:text-is("Citation copied.")');
      const plain = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(plain, /^2013: SIM first piloted on the Isle of Wight \(date disputed: also given as 2012\)\. Stated in: “/);
      assert.ok(plain.endsWith('#ev=pilot-isle-of-wight'));
      s.assertClean();
    }));

  test('axe: no violations with the citing tools open', opts, () =>
    withPage(h.browser, { bypassCSP: true }, 'cite-axe', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#doc=2022-04-14-nhs-england-blocks-sim-reviews`);
      await waitForDocument(page);
      await page.click('article.document p.passage:nth-of-type(2) a.anchor');
      await page.waitForSelector('.cite-tools');
      await settle(page);
      const results = await runAxe(page);
      assert.equal(results.violations.length, 0, formatAxeViolations(results.violations));
    }));
});
