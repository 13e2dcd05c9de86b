// Installable and offline: the web manifest, then one visit, the network off (the browser set
// offline and the server gone), a reload and a full walk; and a new build replacing the old one
// on the next visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { setup, walk, text, DIST, settlementName, CHROMIUM_ARGS } from './helpers.mjs';
import { serve } from './serve.mjs';
import { recorder } from './recorder.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Waits until this build's service worker controls the page and returns its cache's name. */
async function controlled(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    return caches.keys();
  });
}

function swVersion(dir) {
  return fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const VERSION = "([0-9a-f]+)";/)[1];
}

test('the web manifest names the app, its start, its scope and its icons', async () => {
  const doc = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(doc, /<link rel="manifest" href="manifest\.webmanifest">/);
  const m = JSON.parse(fs.readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(m.short_name, 'claimcheck');
  assert.equal(m.start_url, './');
  assert.equal(m.scope, './');
  assert.equal(m.display, 'standalone');
  assert.ok(m.icons.length >= 2);
  for (const icon of m.icons) {
    const svg = fs.readFileSync(path.join(DIST, icon.src), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 512 512">/);
  }
  assert.ok(m.icons.some((i) => i.purpose === 'maskable'));
  // Chromium reads it and finds no installability error (in a real profile: Playwright's
  // usual contexts are incognito, where nothing can be installed).
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS,
  });
  try {
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.waitForSelector('#as-of');
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors.map((e) => e.errorId), []);
    const { url } = await cdp.send('Page.getAppManifest');
    assert.equal(url, `${env.server.url}manifest.webmanifest`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('one visit, then no network: the reload comes from the service worker and a full walk works', async (t) => {
  const front = await recorder(env.server.url);
  t.after(() => front.close());
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(front.url);
  await page.waitForSelector('#as-of');
  const keys = await controlled(page);
  assert.deepEqual(keys, [`claimcheck-${swVersion(DIST)}`]);

  await context.setOffline(true);
  await front.close();
  const served = front.log.length;
  const nav = await page.reload();
  assert.ok(nav.fromServiceWorker(), 'the page came from the service worker');
  await page.waitForSelector('#as-of');
  await walk(page, { notice: [['office practicum', 'connexin'], ['xfinity', 'comcast']] });
  for (const id of ['connexin', 'comcast']) {
    assert.equal(await text(page, `[data-testid="settlement-${id}"] h2`), settlementName(id));
  }
  await page.click('#to-summary');
  await page.waitForSelector('#summary');
  await page.goto(`${front.url}#/settlement/connexin`);
  await page.waitForSelector('[data-testid="page-connexin"]');
  // A fresh tab, offline, opens the app too.
  const second = await context.newPage();
  await second.goto(front.url);
  await second.waitForSelector('#as-of');
  assert.equal(front.log.length, served, 'nothing reached the network');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new build replaces the old one on the next visit, and then works offline', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-build-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const origin = await serve(dir);
  const front = await recorder(origin.url);
  t.after(async () => {
    await front.close();
    await origin.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(front.url);
  await page.waitForSelector('#as-of');
  const old = swVersion(dir);
  assert.deepEqual(await controlled(page), [`claimcheck-${old}`]);
  await page.close();

  // "Build" again: a changed page and the service worker with a new version.
  const fresh = 'feedfacecafebeef';
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>', '<title>New build · '));
  // The worker checks every file against its integrity value: the new page gets its own.
  const sw = path.join(dir, 'sw.js');
  const pageSri = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(index)).digest('base64')}`;
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(`"${old}"`, `"${fresh}"`)
    .replace(/("\.\/":\s*)"sha384-[^"]+"/, `$1"${pageSri}"`));

  const next = await context.newPage();
  const visit = await next.goto(front.url);
  assert.match(await visit.text(), /<title>New build · /, 'online, the page is the network\'s (the new build)');
  await next.waitForSelector('#as-of');
  // The new worker installs, takes over and deletes the old build's cache.
  assert.deepEqual(await next.evaluate(async (v) => {
    for (let i = 0; i < 300; i++) {
      const k = await caches.keys();
      if (k.length === 1 && k[0] === `claimcheck-${v}`) return k;
      await new Promise((r) => setTimeout(r, 50));
    }
    return caches.keys();
  }, fresh), [`claimcheck-${fresh}`]);

  await context.setOffline(true);
  await front.close();
  const nav = await next.reload();
  assert.ok(nav.fromServiceWorker());
  await next.waitForSelector('#as-of');
  // The cached page is the new build's.
  const cachedTitle = await next.evaluate(async () => (await (await caches.match('./')).text()).match(/<title>([^<]*)/)[1]);
  assert.match(cachedTitle, /^New build · /);
  await walk(next, { notice: [['xfinity', 'comcast']] });
  await context.close();
});

test('no service worker in the embed mode', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.url}?embed`);
  await page.waitForSelector('#as-of');
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  await context.close();
});
