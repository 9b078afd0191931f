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

  // At once, below the sticky search bar: centred where it fits, else its top under the bar
  // (as the app lands on it, so its taking over moves nothing).
  function land(el) {
    const bar = record.querySelector('.search-bar');
    const r = el.getBoundingClientRect();
    const b = bar ? bar.getBoundingClientRect() : { bottom: 0, height: 0 };
    const top = Math.max(b.bottom, b.height) + 12;
    const room = innerHeight - top - 12;
    const wanted = r.height <= room ? top + (room - r.height) / 2 : top;
    scrollBy({ top: r.top - wanted, behavior: 'instant' });
  }

  // The element a link names carries the link as its id: #doc=…&p=…, #doc=…, #actor=…, #ev=…,
  // #dis=…, #cmp=… (the two documents' links).
  function show() {
    if (record.id !== 'record') return; // the app has taken over (the element is its now)
    const params = new URLSearchParams(location.hash.slice(1));
    for (const p of record.querySelectorAll('.passage.focused')) p.classList.remove('focused');
    notice.hidden = true;
    const [doc, p, actor, ev, dis, cmp] = ['doc', 'p', 'actor', 'ev', 'dis', 'cmp'].map((k) => params.get(k));
    const id = doc
      ? p ? `doc=${doc}&p=${p}` : `doc=${doc}`
      : actor ? `actor=${actor}` : ev ? `ev=${ev}` : dis ? `dis=${dis}` : cmp ? `cmp=${cmp}` : '';
    if (!id) return;
    const target = byId(id) || (p && byId(`doc=${doc}`));
    if (!target) {
      notice.textContent = 'Not found: the link names something this record does not hold. Showing the whole record.';
      notice.hidden = false;
      return;
    }
    const passage = target.closest('.passage') || target;
    if (passage.classList.contains('passage')) passage.classList.add('focused');
    land(passage);
    if (p && byId(id) === null) {
      notice.textContent = 'Paragraph not found: this document has no paragraph with the ID in the link. Showing the whole document.';
      notice.hidden = false;
    }
  }
  addEventListener('hashchange', show);
  show();

  // Where the app will run, the rest waits: a start that fails (the wasm not fetched, or
  // refused by a policy) marks the page `no-wasm` and says so with this event; the record,
  // now laid out in full, lands on the link's target again and works as without
  // WebAssembly.
  if (typeof WebAssembly === 'object') {
    addEventListener('sim:no-wasm', () => {
      show();
      withoutWasm();
    }, { once: true });
    return;
  }
  withoutWasm();

  function withoutWasm() {
    // Links that only the app opens (a shared collection, a quote to check): said at the top,
    // with what still works here, never a silent home page.
    const words = (text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const link = (href, text) => {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      return a;
    };
    const para = (...parts) => {
      const p = document.createElement('p');
      p.append(...parts);
      return p;
    };
    /** A passage's link and its name ("Title, paragraph 3"), from the record on the page. */
    const passageLink = (el) => {
      const anchor = el.querySelector('a.anchor');
      const title = el.closest('article').querySelector('h2').textContent;
      return link(anchor.getAttribute('href'), `${title}, ${anchor.getAttribute('aria-label').toLowerCase()}`);
    };
    function appOnly() {
      const params = new URLSearchParams(location.hash.slice(1));
      const col = params.get('col');
      const quote = params.get('check');
      if (col === null && quote === null) return;
      const parts = [];
      if (col !== null) {
        const codes = col.split(',').filter(Boolean);
        parts.push(
          para(
            codes.length
              ? `This link shares a collection of ${codes.length} item${codes.length === 1 ? '' : 's'}. Collections need WebAssembly, which this browser does not run; here are its items in the record:`
              : 'Your collection is kept by the app, which needs WebAssembly; this browser does not run it. The whole record is below to read.',
          ),
        );
        const list = document.createElement('ul');
        for (const code of codes) {
          const [kind, id] = [code.slice(0, 2), code.slice(2)];
          const el = kind === 'p.' ? byId(`p-${id}`) : kind === 'e.' ? byId(`ev=${id}`) : kind === 'd.' ? byId(`dis=${id}`) : null;
          const li = document.createElement('li');
          if (!el) li.textContent = `${code}: not in this record`;
          else if (kind === 'p.') li.append(passageLink(el));
          else li.append(link(`#${el.id}`, (el.querySelector('strong, h3') || el).textContent));
          list.append(li);
        }
        if (codes.length) parts.push(list);
      }
      if (quote !== null) {
        // Word for word, case, punctuation and spacing aside: the app's check, without its
        // near matches.
        const wanted = ` ${words(quote).join(' ')} `;
        const found = passages.filter((p) => wanted.trim() && ` ${words(p.text).join(' ')} `.includes(wanted));
        const q = document.createElement('blockquote');
        q.textContent = quote;
        parts.push(para('This link asks to check a quote. The full check, which shows the closest passages and how they differ, needs WebAssembly, which this browser does not run.'), q);
        if (found.length) {
          parts.push(para('In the record word for word (case, punctuation and spacing aside), in:'));
          const list = document.createElement('ul');
          for (const p of found) {
            const li = document.createElement('li');
            li.append(passageLink(p.el));
            list.append(li);
          }
          parts.push(list);
        } else if (wanted.trim()) {
          parts.push(para('Not found word for word in the record by this simple check.'));
        }
      }
      parts.push(para('The whole record reads below, and the search box finds the passages that hold every word typed.'));
      notice.replaceChildren(...parts);
      notice.hidden = false;
    }

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
      const typed = words(input.value);
      results.hidden = typed.length === 0;
      list.replaceChildren();
      if (!typed.length) return;
      const found = passages.filter((p) => typed.every((w) => p.text.toLowerCase().includes(w)));
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
    addEventListener('hashchange', appOnly);
    appOnly();
  }
})();
