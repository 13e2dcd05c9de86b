// Fail safe (issue 14): Leave lands on a neutral page offline and from the one-file copy
// (item 1); the one-file copy refuses "Save" (item 4); the service worker never caches or
// serves a bad copy (item 5); the start screen says why whenever the app cannot start, in the
// person's language, and a tampered file is not called a connection problem (item 6); a clock
// before the pack's date is warned about and gets no calendar file for what has passed (item 8).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setup, open, walk, text, DIST, ROOT } from './helpers.mjs';
import { recorder } from './recorder.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const KEY = 'claimcheck.saved.v1';
/** rules/pack.toml's date as the app writes it in English ("November 24, 2026"). */
function packDate() {
  const [y, m, d] = fs.readFileSync(path.join(ROOT, 'rules/pack.toml'), 'utf8').match(/^checked_on\s*=\s*(\d{4})-(\d{2})-(\d{2})/m).slice(1).map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
const PORTAL = '<!doctype html><title>Sign in to Free WiFi</title><h1>Sign in to continue</h1>';
const wasmName = () => fs.readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
const textsName = (lang) => fs.readdirSync(DIST).find((f) => f.startsWith(`claimcheck-texts-${lang}-`));
const sri = (buf) => `sha384-${crypto.createHash('sha384').update(buf).digest('base64')}`;

/** Waits until the service worker controls the page and returns the cache names. */
async function controlled(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    return caches.keys();
  });
}

/** The one-file copy alone in a fresh folder, as a file:// address. */
function fileCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-file-'));
  const file = path.join(dir, 'claimcheck.html');
  fs.copyFileSync(path.join(DIST, 'claimcheck.html'), file);
  return { url: pathToFileURL(file).href, dir };
}

// ---- item 1: Leave --------------------------------------------------------------------------

test('item 1: offline, Leave shows the neutral page (from the service worker), not the checker', async () => {
  const front = await recorder(env.server.url);
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(front.url);
    await page.waitForSelector('#as-of');
    await controlled(page);
    await context.setOffline(true);
    await front.close();
    await page.reload();
    await page.waitForSelector('#as-of');
    await page.click('#start-button');
    await page.waitForSelector('.question-page');
    await page.click('#leave');
    await page.waitForURL(/\/leave\.html$/);
    await page.waitForLoadState();
    assert.equal(await page.title(), 'Banana bread');
    assert.equal(await page.locator('#as-of, #app').count(), 0, 'not the checker');
  } finally {
    await context.close();
    await front.close();
  }
});

test('item 1: from the one-file copy opened from disk, Leave lands on a blank page naming no file', async () => {
  const { url, dir } = fileCopy();
  const context = await env.browser.newContext();
  try {
    await context.setOffline(true);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('#as-of');
    await page.click('#start-button');
    await page.waitForSelector('.question-page');
    await page.click('#leave');
    await page.waitForURL('about:blank');
    assert.equal(page.url(), 'about:blank');
    assert.equal(await page.title(), '');
    assert.equal(await page.evaluate(() => document.body?.innerText ?? ''), '');
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ---- item 4: Save in the one-file copy ------------------------------------------------------

test('item 4: the one-file copy refuses Save with an explanation, and reads nothing another file left', async () => {
  const { url, dir } = fileCopy();
  const context = await env.browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    // Another local file plants "saved answers" in the storage every file:// page shares.
    const other = path.join(dir, 'other.html');
    fs.writeFileSync(other, '<!doctype html><title>other</title>');
    await page.goto(pathToFileURL(other).href);
    await page.evaluate((k) => localStorage.setItem(k, '{"v":1,"lang":"en","answers":{"claimant":"self"}}'), KEY);
    await page.goto(url);
    await page.waitForSelector('#as-of');
    assert.equal(await page.locator('#resume').count(), 0, 'nothing read from the shared storage');
    await page.click('#start-button');
    await page.waitForSelector('.question-page');
    await page.check('#save-answers').catch(() => {}); // the box unticks itself at once
    const error = page.locator('#save-error[data-reason="file"]');
    await error.waitFor();
    assert.match(await error.innerText(), /opened from a file/);
    assert.match(await error.innerText(), /any other file opened in this browser could read them/);
    assert.equal(await page.isChecked('#save-answers'), false);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), '{"v":1,"lang":"en","answers":{"claimant":"self"}}', 'the planted value untouched, nothing written');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'es-US');
    await page.check('#save-answers').catch(() => {});
    await page.waitForFunction(() => /abierta desde un archivo/.test(document.querySelector('#save-error')?.innerText ?? ''));
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ---- item 5: the service worker heals itself ------------------------------------------------

test('item 5: a bad copy in the cache (a captive portal\'s page as the wasm) is dropped and fetched again', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(env.server.url);
    await page.waitForSelector('#as-of');
    const [cache] = await controlled(page);
    const wasm = new URL(wasmName(), env.server.url).href;
    // What an old worker kept behind a captive portal.
    await page.evaluate(async ([c, u, body]) => {
      const cache = await caches.open(c);
      await cache.put(u, new Response(body, { headers: { 'content-type': 'text/html' } }));
    }, [cache, wasm, PORTAL]);
    await page.reload();
    await page.waitForSelector('#as-of'); // the app started: the worker did not serve the portal page
    await page.click('#start-button');
    await page.waitForSelector('.question-page');
    const cached = await page.evaluate(async ([c, u]) => (await (await caches.open(c)).match(u)).arrayBuffer().then((b) => b.byteLength), [cache, wasm]);
    assert.equal(cached, fs.statSync(path.join(DIST, wasmName())).size, 'the cache holds the real wasm again');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('item 5: behind a captive portal the worker caches nothing bad; once past it, it installs', async () => {
  let portal = false;
  const front = await recorder(env.server.url, {
    tamper: (p) => (portal && p.endsWith('_bg.wasm') ? Buffer.from(PORTAL) : null),
  });
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    // The page itself loads the real files; then the portal steps in before the worker
    // fetches its copies (the test server forbids caching, so the worker asks the network).
    await page.addInitScript(() => {
      const real = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (...a) => new Promise((r) => { window.__register = () => { const p = real(...a); r(p); return p; }; });
    });
    await page.goto(front.url);
    await page.waitForSelector('#as-of');
    portal = true;
    const outcome = await page.evaluate(async () => {
      while (!window.__register) await new Promise((r) => setTimeout(r, 20));
      const reg = await window.__register();
      const w = reg.installing || reg.waiting || reg.active;
      if (w.state === 'installing') await new Promise((r) => w.addEventListener('statechange', r, { once: true }));
      return w.state;
    });
    assert.equal(outcome, 'redundant', 'the worker refused to install with a bad copy');
    const bad = await page.evaluate(async (portalText) => {
      const found = [];
      for (const k of await caches.keys()) {
        const c = await caches.open(k);
        for (const r of await c.keys()) if ((await (await c.match(r)).text()) === portalText) found.push(r.url);
      }
      return found;
    }, PORTAL);
    assert.deepEqual(bad, [], 'no portal page cached');
    // Past the portal: the next visit installs the worker with the real files.
    portal = false;
    await page.reload();
    await page.waitForSelector('#as-of');
    await page.evaluate(() => window.__register());
    const [cache] = await controlled(page);
    const size = await page.evaluate(async ([c, u]) => (await (await caches.open(c)).match(u)).arrayBuffer().then((b) => b.byteLength), [cache, new URL(wasmName(), front.url).href]);
    assert.equal(size, fs.statSync(path.join(DIST, wasmName())).size);
  } finally {
    await context.close();
    await front.close();
  }
});

// ---- item 6: never a dead Start button -------------------------------------------------------

async function failedStart(page) {
  await page.waitForSelector('#start-failed');
  assert.equal(await page.locator('#start-button').count(), 0, 'no dead Start button');
  return text(page, '#start-failed');
}

for (const [lang, words] of [['en', { wasm: /WebAssembly turned off/, net: /Check your internet connection/, bad: /arrived changed or damaged/ }],
  ['es', { wasm: /WebAssembly desactivado/, net: /Revise su conexión a internet/, bad: /llegó alterado o dañado/ }]]) {
  test(`item 6: no WebAssembly (Lockdown Mode): the start screen says so and what to do (${lang})`, async () => {
    const { context, page } = await open(env, {
      locale: `${lang}-US`, waitFor: '#start', init: () => { delete window.WebAssembly; },
    });
    try {
      assert.match(await failedStart(page), words.wasm);
    } finally {
      await context.close();
    }
  });

  test(`item 6: a changed wasm is reported as damaged, a missing one as a connection problem (${lang})`, async () => {
    for (const [kind, route] of [['bad', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: PORTAL })], ['net', (r) => r.abort()]]) {
      const context = await env.browser.newContext({ locale: `${lang}-US` });
      try {
        const page = await context.newPage();
        await page.route(`**/${wasmName()}`, route);
        await page.goto(env.server.url);
        const said = await failedStart(page);
        assert.match(said, words[kind], `${kind}: ${said}`);
        assert.doesNotMatch(said, words[kind === 'bad' ? 'net' : 'bad']);
      } finally {
        await context.close();
      }
    }
  });

  test(`item 6: a tampered text file is not called a connection problem (${lang})`, async () => {
    const context = await env.browser.newContext({ locale: `${lang}-US` });
    try {
      const page = await context.newPage();
      // The directory is the text file a first visit needs: the start screen says it came changed.
      await page.route(`**/claimcheck-dir-*`, (r) => r.fulfill({ status: 200, contentType: 'application/octet-stream', body: PORTAL }));
      await page.goto(env.server.url);
      const said = await failedStart(page);
      assert.match(said, words.bad, said);
      assert.doesNotMatch(said, words.net);
    } finally {
      await context.close();
    }
  });

  test(`item 6: a tampered background text file is not called a connection problem either (${lang})`, async () => {
    // No service worker: it claims the page as soon as it activates, and the page's later
    // fetches then go through it, which `page.route` does not see, so whether the tampered
    // copy reached the app depended on which came first (this test failed twice in CI that
    // way, 2026-12-06, waiting 30 s and then 60 s for a page that never came).
    const context = await env.browser.newContext({ locale: `${lang}-US`, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      // The texts arrive after the app has started: a page says what happened, with Reload.
      await page.route(`**/claimcheck-texts-*`, (r) => r.fulfill({ status: 200, contentType: 'application/octet-stream', body: PORTAL }));
      await page.goto(env.server.url);
      await page.waitForSelector('#crash');
      const said = await text(page, '#crash');
      assert.match(said, lang === 'es' ? /llegó alterada o dañada/ : /arrived changed or damaged/, said);
      assert.doesNotMatch(said, lang === 'es' ? /No se pudo descargar/ : /could not be downloaded/);
      assert.ok(await page.locator('#reload').count(), 'Reload offered');
    } finally {
      await context.close();
    }
  });
}

test('item 6: in a frame sandboxed without same-origin, the start screen offers a new tab, which works', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.setContent(`<iframe sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" src="${env.server.url}?embed" width="800" height="700"></iframe>`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForSelector('#start-failed');
    assert.match(await text(frame, '#start-failed'), /does not let the checker run/);
    assert.equal(await frame.locator('#start-button').count(), 0);
    const link = frame.locator('#open-in-tab');
    assert.equal(await link.getAttribute('target'), '_blank');
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await tab.waitForSelector('#as-of');
  } finally {
    await context.close();
  }
});

// ---- item 8: a wrong clock -----------------------------------------------------------------

test('item 8: a clock in 1970 is warned about, and no calendar file is offered for deadlines the pack knows passed', async () => {
  const { context, page } = await open(env, { now: '1970-01-02T12:00:00-05:00' });
  try {
    assert.match(await text(page, '#clock-behind'), new RegExp(`clock says January 2, 1970, before the date of this information \\(${packDate()}\\)`));
    await walk(page, { notice: [['office practicum', 'connexin']] });
    assert.ok(await page.locator('[data-testid="settlement-connexin"]').count());
    assert.equal(await page.locator('#add-to-calendar').count(), 0, 'no calendar file for deadlines of 2024');
    assert.ok(await page.locator('#clock-behind').count(), 'still warned on the results');
  } finally {
    await context.close();
  }
  // A right clock (any day after the pack's date): no warning.
  const ok = await open(env, { now: '2027-01-15T12:00:00-05:00' });
  try {
    assert.equal(await ok.page.locator('#clock-behind').count(), 0);
  } finally {
    await ok.context.close();
  }
});
