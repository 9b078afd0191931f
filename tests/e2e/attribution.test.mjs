// End-to-end tests of whose words a draft's words are (issue 23), in the release build: the
// 2023 report's paragraph 10 ("For this, NHS England is sorry.") quotes a draft NHS England
// co-produced with the StopSIM Coalition and did not publish. The page credits it as the
// draft's words in the passage's actor line (app and static record), on NHS England's page,
// in a disagreement that quotes the draft and in the citation a reader copies, and never
// as "Words of: NHS England" plainly.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { TEST_TIMEOUT_MS, startHarness, waitForDocument, withPage } from './helpers.mjs';

const DOC = '2023-nhse-unpublished-sim-apology';
const CREDIT =
  'Words of NHS England, in a draft co-produced with StopSIM Coalition that NHS England did not publish, released by StopSIM Coalition';
/** The plain credit the page gave before: NHS England among a passage's plain words. */
const PLAIN_WORDS = /Words of:[^·]*NHS England/;
const PLAIN_POSITION = /Position reported:[^·]*NHS England/;
/** The paragraphs of the report that quote or sum up the draft (corpus/drafts.txt). */
const FROM_THE_DRAFT = [1, 2, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20];

/** Each paragraph of the open document: its number, text, actor line and link. */
async function paragraphs(page) {
  return page.$$eval('article.document p.passage', (list) =>
    list.map((p) => ({
      n: Number(p.querySelector('a.anchor').textContent),
      text: p.querySelector('.passage-text').textContent,
      actors: p.querySelector('.passage-actors')?.textContent ?? '',
      href: p.querySelector('a.anchor').getAttribute('href'),
    })),
  );
}

function checkCredits(list) {
  const ten = list.find((p) => p.n === 10);
  assert.ok(ten.text.includes('For this, NHS England is sorry.'), ten.text);
  assert.ok(ten.actors.includes(CREDIT), ten.actors);
  for (const p of list.filter((x) => FROM_THE_DRAFT.includes(x.n))) {
    assert.doesNotMatch(p.actors, PLAIN_WORDS, `¶${p.n}: ${p.actors}`);
    assert.doesNotMatch(p.actors, PLAIN_POSITION, `¶${p.n}: ${p.actors}`);
    assert.match(p.actors, /in a draft|reported from a draft/, `¶${p.n}: ${p.actors}`);
  }
  // NHS England's spokesperson speaks plainly: the test can tell the two apart.
  const spokesperson = list.find((p) => p.text.includes('Although we have not been able to agree'));
  assert.match(spokesperson.actors, PLAIN_WORDS);
}

describe('Whose words: a draft’s', { timeout: TEST_TIMEOUT_MS * 6 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('paragraph 10 is credited as words in the draft, never as NHS England’s plain words', opts, () =>
    withPage(h.browser, {}, 'attribution-passage', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#doc=${DOC}`);
      await waitForDocument(page);
      checkCredits(await paragraphs(page));
      s.assertClean();
    }));

  test('without JavaScript the static record credits it the same way', opts, () =>
    withPage(h.browser, { javaScriptEnabled: false }, 'attribution-no-js', async (s) => {
      const { page } = s;
      await page.goto(h.url);
      const list = await page.$$eval(`article.document[id="doc=${DOC}"] p.passage`, (ps) =>
        ps.map((p) => ({
          n: Number(p.querySelector('a.anchor').textContent),
          text: p.querySelector('.passage-text').textContent,
          actors: p.querySelector('.passage-actors')?.textContent ?? '',
        })),
      );
      assert.ok(list.length >= 20, `${list.length} paragraphs`);
      checkCredits(list);
    }));

  test('its citation says whose words they are and in what', opts, () =>
    withPage(h.browser, { permissions: ['clipboard-read', 'clipboard-write'] }, 'attribution-cite', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#doc=${DOC}`);
      await waitForDocument(page);
      const ten = (await paragraphs(page)).find((p) => p.n === 10);
      await page.goto(`${h.url}${ten.href}`);
      await page.waitForSelector('.passage.focused .cite-tools, .cite-tools');
      await page.click('.cite-tools button:has-text("Copy citation")');
      await page.waitForFunction(() => /copied/.test(document.querySelector('.cite-status')?.textContent));
      const text = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(text.includes('For this, NHS England is sorry.'), text);
      assert.ok(text.includes(`paragraph 10. ${CREDIT}.`), text);
      s.assertClean();
    }));

  test('NHS England’s page lists the draft’s words apart from its own', opts, () =>
    withPage(h.browser, {}, 'attribution-actor', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#actor=nhs-england`);
      await page.waitForSelector('section.drafted h3');
      assert.match(
        await page.textContent('section.drafted h3'),
        /^In a draft co-produced with StopSIM Coalition that NHS England did not publish, released by StopSIM Coalition \(\d+ passages\)$/,
      );
      const texts = (section) =>
        page.$$eval(`${section} a.result-link`, (links) => links.map((a) => a.textContent));
      const drafted = await texts('section.drafted');
      const own = await texts('section[aria-labelledby=said-heading]');
      assert.ok(drafted.some((t) => t.includes('For this, NHS England is sorry.')), drafted.join('\n'));
      assert.ok(!own.some((t) => t.includes('For this, NHS England is sorry.')), own.join('\n'));
      assert.ok(own.some((t) => t.includes('Although we have not been able to agree')), own.join('\n'));
      s.assertClean();
    }));

  test('a disagreement quoting the draft credits the position to NHS England in the draft', opts, () =>
    withPage(h.browser, {}, 'attribution-disagreement', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#dis=nhs-england-support`);
      await page.waitForSelector('article.disagreement.open');
      const bys = await page.$$eval('article.disagreement.open .position-by', (ps) => ps.map((p) => p.textContent));
      assert.ok(
        bys.includes(
          'According to NHS England, in a draft co-produced with StopSIM Coalition that NHS England did not publish, released by StopSIM Coalition',
        ),
        bys.join('\n'),
      );
      s.assertClean();
    }));

  // Check a quote said "The words of NHS England." of paragraph 10 until issue 23's merge.
  test('check a quote says the draft’s words are in the draft', opts, () =>
    withPage(h.browser, {}, 'attribution-check', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#check=${encodeURIComponent('For this, NHS England is sorry.')}`);
      await page.waitForSelector('.check-place .check-whose');
      const whose = await page.textContent('.check-place .check-whose');
      assert.equal(whose, `The w${CREDIT.slice(1)}.`);
      s.assertClean();
    }));
});
