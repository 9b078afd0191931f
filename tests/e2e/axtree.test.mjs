// What a screen reader hears, beyond axe's rules (issue 26): the accessibility tree from
// CDP's Accessibility.getFullAXTree names each timeline event, each search result and each
// disagreement once, in reading order, and leaves no link or button unnamed.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { TEST_TIMEOUT_MS, settle, startHarness, withPage } from './helpers.mjs';

/** The page's accessibility tree as the browser gives it to assistive technology:
 *  unignored nodes in document order, each { role, name }. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({ role: n.role?.value ?? '', name: (n.name?.value ?? '').trim() }));
}

/** Names said more than once among `names`. */
const repeated = (names) => names.filter((n, i) => names.indexOf(n) !== i);

describe('Accessibility tree', { timeout: TEST_TIMEOUT_MS * 10 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('each timeline event on the chart is a named link, once, in date order', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'ax-timeline', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#from=2021&to=2021`);
      await page.waitForSelector('.timeline-svg g.ev');
      // Off screen, the chart's section skips layout (content-visibility) and is not in
      // the tree yet: read it where a reader would reach it.
      await page.locator('.timeline-svg').scrollIntoViewIfNeeded();
      await settle(page);
      const drawn = await page.$$eval('.timeline-svg g.ev', (g) => g.map((x) => x.getAttribute('aria-label')));
      const tree = await axTree(page);
      const said = tree.filter((n) => drawn.includes(n.name)).map((n) => n.name);
      // Each is heard once as a link (its label text is hidden, not said twice).
      assert.deepEqual(repeated(said), []);
      assert.deepEqual(said, drawn);
      s.assertClean();
    }));

  test('each search result and each disagreement is named once, in reading order', opts, () =>
    withPage(h.browser, {}, 'ax-results', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#q=police`);
      await page.waitForSelector('.result-link');
      await settle(page);
      const shown = await page.$$eval('.result-link', (a) => a.map((x) => x.textContent.trim()));
      const tree = await axTree(page);
      const links = tree.filter((n) => n.role === 'link').map((n) => n.name);
      const heard = links.filter((n) => shown.some((t) => n === t));
      assert.ok(heard.length >= Math.min(5, shown.length), `${heard.length} of ${shown.length} results heard`);
      assert.deepEqual(heard, [...new Set(heard)].filter((n) => heard.includes(n)), 'in order, each once');
      // No link or button without a name.
      const unnamed = tree.filter((n) => ['link', 'button'].includes(n.role) && !n.name);
      assert.deepEqual(unnamed, []);

      await page.goto(`${h.url}#dis=all`);
      await page.waitForSelector('.disagreement');
      await settle(page);
      const questions = await page.$$eval('.disagreement h3', (x) => x.map((q) => q.textContent.trim()));
      const headings = (await axTree(page)).filter((n) => n.role === 'heading').map((n) => n.name);
      const asked = headings.filter((n) => questions.includes(n));
      assert.deepEqual(asked, questions, 'each disagreement heard once, in order');
      s.assertClean();
    }));
});
