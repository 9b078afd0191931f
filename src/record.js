// The static record's script: what the page does before its WebAssembly runs, and instead
// of it where the browser runs none (Safari's Lockdown Mode, hardened browsers). A link to a
// passage shows and marks it, a link to something the record lacks says so, and (without
// WebAssembly) the search box finds the passages that hold every word typed. The app
// replaces the whole record, this script's work with it, as soon as it runs.
(() => {
  const record = document.getElementById('record');
  if (!record) return;
  const byId = (id) => document.getElementById(id);
  const notice = byId('static-notice');

  // The element a link names carries the link as its id: #doc=…&p=…, #doc=…, #actor=…, #ev=…,
  // #dis=….
  function show() {
    if (record.id !== 'record') return; // the app has taken over (the element is its now)
    const params = new URLSearchParams(location.hash.slice(1));
    for (const p of record.querySelectorAll('.passage.focused')) p.classList.remove('focused');
    notice.hidden = true;
    const [doc, p, actor, ev, dis] = ['doc', 'p', 'actor', 'ev', 'dis'].map((k) => params.get(k));
    const id = doc
      ? p ? `doc=${doc}&p=${p}` : `doc=${doc}`
      : actor ? `actor=${actor}` : ev ? `ev=${ev}` : dis ? `dis=${dis}` : '';
    if (!id) return;
    const target = byId(id) || (p && byId(`doc=${doc}`));
    if (!target) {
      notice.textContent = 'Not found: the link names something this record does not hold. Showing the whole record.';
      notice.hidden = false;
      return;
    }
    const passage = target.closest('.passage') || target;
    if (passage.classList.contains('passage')) passage.classList.add('focused');
    passage.scrollIntoView({ block: 'center' });
    if (p && byId(id) === null) {
      notice.textContent = 'Paragraph not found: this document has no paragraph with the ID in the link. Showing the whole document.';
      notice.hidden = false;
    }
  }
  addEventListener('hashchange', show);
  show();

  if (typeof WebAssembly === 'object') return;

  // No WebAssembly: a plain search over the passages' own words.
  const input = byId('search-input');
  const results = byId('static-results');
  const list = results.querySelector('ol');
  const count = results.querySelector('.result-count');
  byId('search-hint').textContent = 'Finds the passages that hold every word as typed.';
  byId('static-search-note').textContent =
    'This browser does not run WebAssembly, so this search finds passages holding every word as typed; forgiving spelling mistakes needs WebAssembly.';
  const passages = [...record.querySelectorAll('article.document .passage')].map((el) => ({
    el,
    text: el.querySelector('.passage-text').textContent,
    href: el.querySelector('a.anchor').getAttribute('href'),
    title: el.closest('article').querySelector('h2').textContent,
  }));
  function search() {
    const words = input.value.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    results.hidden = words.length === 0;
    list.replaceChildren();
    if (!words.length) return;
    const found = passages.filter((p) => words.every((w) => p.text.toLowerCase().includes(w)));
    count.textContent = found.length === 1 ? '1 passage matches.' : `${found.length} passages match.`;
    for (const p of found.slice(0, 50)) {
      const li = document.createElement('li');
      li.className = 'result';
      const a = document.createElement('a');
      a.className = 'result-link';
      a.href = p.href;
      a.textContent = p.text.length > 240 ? `${p.text.slice(0, 240)}…` : p.text;
      const meta = document.createElement('p');
      meta.className = 'result-meta';
      meta.textContent = p.title;
      li.append(a, meta);
      list.append(li);
    }
  }
  input.addEventListener('input', search);
  // A link with a search (#q=…) searches, on opening and when followed in the page.
  function searchFromLink() {
    const q = new URLSearchParams(location.hash.slice(1)).get('q');
    if (q !== null && q !== input.value) {
      input.value = q;
      search();
    }
  }
  addEventListener('hashchange', searchFromLink);
  searchFromLink();
})();
