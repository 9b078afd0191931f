// The two other browser engines, behind one small interface for the journey
// (journey.mjs): WebKit (Safari's engine) through WebKitGTK's WebKitWebDriver and its
// MiniBrowser, spoken to in plain W3C WebDriver over HTTP under a virtual display (Xvfb);
// Gecko through puppeteer-core driving Debian's firefox-esr over WebDriver BiDi.
// playwright-core cannot drive either: it needs its own patched builds, which download.
//
// A driver: { name, goto(url), eval(fn, ...args), waitFor(fn, args, what), type(selector,
// text), click(selector), reload(), screenshot(path), close() }. `eval` runs `fn` (a plain
// function, sent as source) in the page and returns its JSON value.

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

const WAIT_MS = Number(process.env.ENGINE_WAIT_MS) || 20_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Polls `fn` in the page until it returns a truthy value; fails saying `what`. */
async function pollUntil(driver, fn, args, what) {
  const until = Date.now() + WAIT_MS;
  let last;
  for (;;) {
    try {
      last = await driver.eval(fn, ...args);
      if (last) return last;
    } catch (err) {
      last = String(err.message || err);
    }
    if (Date.now() > until) throw new Error(`${driver.name}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await sleep(100);
  }
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** WebKit: WebKitWebDriver on a free port, MiniBrowser on a fresh Xvfb display. */
export async function webkit() {
  const display = `:${90 + Math.floor(Math.random() * 9)}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await sleep(500);
  const port = await freePort();
  const driverProcess = spawn('WebKitWebDriver', [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display },
  });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok || json.value?.error) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  let session;
  for (let i = 0; i < 50 && !session; i++) {
    try {
      session = await call('POST', '/session', {
        capabilities: {
          alwaysMatch: {
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': {
              binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
              args: ['--automation'],
            },
          },
        },
      });
    } catch (err) {
      if (i === 49) throw err;
      await sleep(200);
    }
  }
  const s = `/session/${session.sessionId}`;
  const find = async (selector) => (await call('POST', `${s}/element`, { using: 'css selector', value: selector }))[ELEMENT];
  const driver = {
    name: 'WebKit',
    version: session.capabilities?.browserVersion,
    goto: (url) => call('POST', `${s}/url`, { url }),
    eval: (fn, ...args) => call('POST', `${s}/execute/sync`, { script: `return (${fn}).apply(null, arguments)`, args }),
    waitFor: (fn, args, what) => pollUntil(driver, fn, args, what),
    type: async (selector, text) => call('POST', `${s}/element/${await find(selector)}/value`, { text }),
    // A pointer pressed and released at the element's centre, as a person clicks: the
    // element-click command refuses SVG marks ("not interactable").
    click: async (selector) => {
      const at = await driver.eval((sel) => {
        const el = document.querySelector(sel);
        el.scrollIntoView({ block: 'center', behavior: 'instant' });
        const r = el.getBoundingClientRect();
        return { x: Math.round(r.left + Math.min(r.width / 2, 20)), y: Math.round(r.top + r.height / 2) };
      }, selector);
      await call('POST', `${s}/actions`, {
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', duration: 0, x: at.x, y: at.y, origin: 'viewport' },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
      await call('DELETE', `${s}/actions`);
    },
    reload: () => call('POST', `${s}/refresh`, {}),
    screenshot: async (path) => writeFileSync(path, Buffer.from(await call('GET', `${s}/screenshot`), 'base64')),
    async close() {
      await call('DELETE', s).catch(() => {});
      driverProcess.kill();
      xvfb.kill();
    },
  };
  return driver;
}

/** Gecko: Firefox ESR, headless, through puppeteer-core over WebDriver BiDi. */
export async function gecko({ width = 1280, height = 900 } = {}) {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    // Only the page's own requests: no updates, telemetry or captive-portal checks.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const driver = {
    name: 'Gecko',
    version: await browser.version(),
    page,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    eval: (fn, ...args) => page.evaluate(fn, ...args),
    waitFor: (fn, args, what) => pollUntil(driver, fn, args, what),
    type: (selector, text) => page.type(selector, text),
    click: (selector) => page.click(selector),
    reload: () => page.reload({ waitUntil: 'load' }),
    screenshot: (path) => page.screenshot({ path }),
    setViewport: (w, h) => page.setViewport({ width: w, height: h }),
    close: () => browser.close(),
  };
  return driver;
}
