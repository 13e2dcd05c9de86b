// The one-file copy, claimcheck.html: alone in a folder, opened from disk (file://) with the
// network off, it runs the whole checker; its own CSP allows only its inline code. The start
// page links to it in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { setup, walk, text, DIST, settlementName, noonNY, shot } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const FILE = path.join(DIST, 'claimcheck.html');
const sha256 = (s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;

test('claimcheck.html holds the whole app and a CSP with only its own hashes', () => {
  const doc = fs.readFileSync(FILE, 'utf8');
  const raw = Buffer.byteLength(doc);
  const br = zlib.brotliCompressSync(Buffer.from(doc), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`[singlefile] claimcheck.html: ${raw} bytes raw, ${br} bytes brotli -q 11`);
  // No reference to any other file: no src, no href but hashes, data: and the official sites'
  // addresses the app writes at run time (none are in the markup).
  assert.equal(doc.match(/\ssrc="/g), null, 'no src attribute');
  for (const [, href] of doc.matchAll(/\shref="([^"]*)"/g)) {
    assert.match(href, /^(#|data:image\/svg\+xml;base64,)/, `href ${href.slice(0, 60)}`);
  }
  assert.ok(!doc.includes('rel="manifest"') && !doc.includes('rel="preload"') && !doc.includes('rel="modulepreload"'));
  assert.ok(!doc.includes('id="offline"'), 'no link to itself');
  const csp = doc.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  const d = Object.fromEntries(csp.split(';').map((x) => x.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(d['default-src'], ["'none'"]);
  assert.deepEqual(d['base-uri'], ["'none'"]);
  assert.deepEqual(d['form-action'], ["'none'"]);
  assert.equal(d['connect-src'], undefined, 'connect-src falls back to none');
  const scripts = [...doc.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...doc.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1);
  assert.equal(styles.length, 1);
  assert.deepEqual(d['script-src'], [sha256(scripts[0]), "'wasm-unsafe-eval'"]);
  assert.deepEqual(d['style-src'], [sha256(styles[0])]);
  assert.ok(!csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'") && !csp.includes("'self'"));
  // The wasm is inside, byte for byte.
  const wasm = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  assert.ok(scripts[0].includes(fs.readFileSync(path.join(DIST, wasm)).toString('base64')));
});

test('opened from disk, alone and offline, the single file runs a full walk', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-file-'));
  const copy = path.join(dir, 'claimcheck.html');
  fs.copyFileSync(FILE, copy);
  const context = await env.browser.newContext({ acceptDownloads: true });
  await context.setOffline(true);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.clock.setFixedTime(new Date(noonNY('2026-11-24')));
  const url = pathToFileURL(copy).href;
  await page.goto(url);
  await page.waitForSelector('#as-of');
  await page.waitForSelector('#start-button');
  assert.equal(await page.locator('#offline').count(), 1, 'the app renders the link...');
  assert.equal(await page.locator('#offline').isHidden(), true, '...and the copy hides it: it does not offer itself');
  await walk(page, { notice: [['office practicum', 'connexin'], ['genworth', 'genworth']] });
  assert.equal(await text(page, '[data-testid="settlement-connexin"] h2'), settlementName('connexin'));
  await shot(page, 'singlefile-results');
  await page.click('#to-summary');
  await page.waitForSelector('#summary');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'es-US');
  await page.goto(`${url}#/settlement/moveit-mdl`);
  await page.waitForSelector('[data-testid="page-moveit-mdl"]');
  assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null, 'no service worker on file://');
  // The only loads: the file itself (and the icon written inside it).
  assert.deepEqual([...new Set(requests.filter((r) => !r.startsWith('data:')).map((r) => r.split('#')[0]))], [url]);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  // Nothing stored on the device without the tick, nothing written beside the file.
  assert.deepEqual(await page.evaluate(async () => [localStorage.length, sessionStorage.length,
    (await indexedDB.databases()).length, document.cookie]), [0, 0, 0, '']);
  assert.deepEqual(fs.readdirSync(dir), ['claimcheck.html']);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the start page links to the single file, in English and in Spanish', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('#as-of');
  assert.equal(await text(page, '#offline h2'), 'Use it offline');
  const link = page.locator('#offline-link');
  assert.equal(await link.innerText(), 'Download the checker (claimcheck.html)');
  assert.equal(await link.getAttribute('href'), 'claimcheck.html');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'claimcheck.html');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), fs.readFileSync(FILE, 'utf8'));
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'es-US');
  assert.equal(await text(page, '#offline h2'), 'Úselo sin conexión');
  assert.equal(await text(page, '#offline-link'), 'Descargar la herramienta (claimcheck.html)');
  // The start screen shown before the app arrives has the same link.
  const pre = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(pre, /<a href="claimcheck\.html" download="claimcheck\.html" id="offline-link">Download the checker \(claimcheck\.html\)<\/a>/);
  await context.close();
});
