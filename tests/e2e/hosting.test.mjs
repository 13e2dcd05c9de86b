// Hosting: the app is built once and its settlements are published as pack files with
// `claimcheck pack` alone (docs/hosting.md). A host's update reaches a returning visitor whose
// service worker holds the old pack; a pack altered on the way, or of a newer format, gives a
// page saying so (in the person's language, with Reload), never a dead start screen; the wasm
// holds no settlement data; and which files a visit fetches never depends on the answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setup, walk, answer, questionId, text, DEFAULTS, DIST, ROOT, SHOTS, rules } from './helpers.mjs';
import { serve } from './serve.mjs';
import { recorder } from './recorder.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** A copy of dist/ in a temp folder, served; removed after the test. */
async function copyOfDist(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-host-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const origin = await serve(dir);
  t.after(async () => { await origin.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  return { dir, origin };
}

const pack = (args) => execFileSync('cargo', ['run', '-q', '--offline', '-p', 'claimcheck-cli', '--', 'pack', ...args],
  { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const files = (dir) => fs.readdirSync(dir).sort();
const wasmName = (dir) => files(dir).find((f) => f.endsWith('_bg.wasm'));
const glueName = (dir) => files(dir).find((f) => /^claimcheck-app-[0-9a-f]+\.js$/.test(f));

/**
 * A host's changes, written in a copy of rules/ (test data only, never published): one more
 * settlement (a copy of the 23andMe short entry under another id and name) and the 23andMe
 * claim deadline moved from February 17 to March 3, 2026, with its texts and scenarios.
 */
function changedRules(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-rules-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(path.join(ROOT, 'rules'), dir, { recursive: true });
  const s = path.join(dir, '23andme', 'settlement.toml');
  const src = fs.readFileSync(s, 'utf8');
  const moved = src.replaceAll('2026-02-17', '2026-03-03').replaceAll('February 17, 2026', 'March 3, 2026')
    .replaceAll('17 de febrero de 2026', '3 de marzo de 2026');
  assert.notEqual(moved, src);
  fs.writeFileSync(s, moved);
  const sc = path.join(dir, '23andme', 'scenarios.toml');
  fs.writeFileSync(sc, fs.readFileSync(sc, 'utf8').replaceAll('2026-02-18', '2026-03-04')
    .replaceAll('2026-02-17', '2026-03-03').replaceAll('2026-02-16', '2026-03-02'));
  fs.mkdirSync(path.join(dir, 'hosting-test-entry'));
  fs.writeFileSync(path.join(dir, 'hosting-test-entry', 'settlement.toml'), src
    .replace(/^id = "23andme"$/m, 'id = "hosting-test-entry"')
    .replace(/^name = "[^"]*"$/m, 'name = "Hosting test settlement (test data)"'));
  return dir;
}

async function controlled(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    return caches.keys();
  });
}

test('the wasm and its JS glue hold no settlement data', () => {
  const bytes = Buffer.concat([fs.readFileSync(path.join(DIST, wasmName(DIST))), fs.readFileSync(path.join(DIST, glueName(DIST)))]);
  const r = rules();
  const words = [...Object.values(r.settlements).map((s) => s.name), ...Object.values(r.orgs).map((o) => o.name)]
    .filter((w) => w.length >= 8);
  assert.ok(words.length > 40, `only ${words.length} names read from rules/`);
  const found = words.filter((w) => bytes.includes(Buffer.from(w)));
  assert.deepEqual(found, []);
});

test('a host publishes new settlements with the CLI alone; a returning visitor sees them', async (t) => {
  const { dir, origin } = await copyOfDist(t);
  const app = { wasm: fs.readFileSync(path.join(dir, wasmName(dir))), glue: fs.readFileSync(path.join(dir, glueName(dir))) };
  const context = await env.browser.newContext({ locale: 'en-US' });
  t.after(() => context.close());
  const first = await context.newPage();
  await first.goto(`${origin.url}#/settlement/23andme`);
  await first.waitForSelector('[data-testid="page-23andme"]');
  assert.match(await text(first, '[data-testid="page-23andme"]'), /February 17, 2026/);
  const [oldCache] = await controlled(first);
  await first.close();

  const before = files(dir);
  const out = pack([changedRules(t), '--out', dir]);
  assert.match(out, /passed, 0 failed/);
  const after = files(dir);
  // Only the pack files changed names; the app's files are the same bytes.
  const gone = before.filter((f) => !after.includes(f));
  // (The directories hold no settlement: with no new organisation they keep their names.)
  assert.ok(gone.length === 3 && gone.every((f) => /^claimcheck-(pack|texts-e[ns])-[0-9a-f]{16}\.bin$/.test(f)), gone.join(' '));
  assert.ok(app.wasm.equals(fs.readFileSync(path.join(dir, wasmName(dir)))));
  assert.ok(app.glue.equals(fs.readFileSync(path.join(dir, glueName(dir)))));
  const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  for (const f of after.filter((n) => n.endsWith('.bin'))) assert.ok(sw.includes(`"./${f}"`), `sw.js lists ${f}`);
  // The deploy kit's response header allows the rewritten loader (its hash moved with it).
  const csp = fs.readFileSync(path.join(dir, 'index.html'), 'utf8').match(/Content-Security-Policy" content="([^"]*)"/)[1];
  for (const h of csp.match(/'sha256-[^']+'/g)) {
    assert.ok(fs.readFileSync(path.join(dir, '_headers'), 'utf8').includes(h), `_headers allows ${h}`);
  }
  assert.ok(fs.readFileSync(path.join(dir, 'embed.html'), 'utf8').includes(csp), 'embed.html carries the same policy');
  assert.ok(!sw.includes(oldCache.replace('claimcheck-', '')), 'the service worker has a new version');

  const next = await context.newPage();
  next.on('pageerror', (e) => assert.fail(e.message));
  await next.goto(`${origin.url}#/browse`);
  await next.waitForSelector('[data-settlement="hosting-test-entry"]');
  assert.equal(await text(next, '[data-settlement="hosting-test-entry"] .browse-name'), 'Hosting test settlement (test data)');
  await next.goto(`${origin.url}#/settlement/23andme`);
  await next.waitForSelector('[data-testid="page-23andme"]');
  const page23 = await text(next, '[data-testid="page-23andme"]');
  assert.match(page23, /March 3, 2026/);
  assert.doesNotMatch(page23, /February 17, 2026/);
  // The new worker takes over with the new files, and the one-file copy carries them too.
  await next.waitForFunction((old) => caches.keys().then((k) => k.length === 1 && k[0] !== old), oldCache, { timeout: 15000 });
  const one = fs.readFileSync(path.join(dir, 'claimcheck.html'), 'utf8');
  for (const f of after.filter((n) => n.endsWith('.bin'))) {
    assert.ok(one.includes(fs.readFileSync(path.join(dir, f)).toString('base64')), `claimcheck.html carries ${f}`);
  }
});

// The directory is the first load: altered, the start screen says so in place of its buttons.
// The structure and the other language arrive in the background, after the first question is
// on screen: altered, a page says so. Both with Reload, in the person's language.
for (const [locale, words, reload, file, where] of [
  ['en-US', /did not match what this site published/, 'Reload', 'pack', '#crash'],
  ['es-US', /no coincidía con lo que publicó este sitio/, 'Volver a cargar', 'pack', '#crash'],
  ['en-US', /did not match what this site published/, 'Reload', 'texts-es', '#crash'],
  ['es-US', /llegó alterado o dañado/, 'Volver a cargar', 'dir-es', '#start-failed'],
]) {
  test(`a pack file (${file}) altered on the way: ${where} in ${locale} says so, with Reload`, async (t) => {
    const front = await recorder(env.server.url, {
      tamper: (p, body) => {
        if (!p.startsWith(`/claimcheck-${file}-`)) return null;
        const b = Buffer.from(body);
        b[b.length - 2] ^= 0x01;
        return b;
      },
    });
    t.after(() => front.close());
    const context = await env.browser.newContext({ locale });
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(front.url);
    await page.waitForSelector(where);
    assert.match(await page.innerText(where), words);
    assert.equal(await page.innerText('#reload'), reload);
    assert.equal(await page.getAttribute('#reload', 'href'), './');
    if (where === '#start-failed') {
      assert.equal(await page.getAttribute(where, 'lang'), locale);
      assert.equal(await page.locator('#start .button-group').count(), 0, 'no Start button left');
    } else {
      assert.equal(await page.getAttribute('html', 'lang'), locale.slice(0, 2));
    }
  });
}

/** sha256 of an inline script as the CSP writes it. */
const cspHash = (s) => `'sha256-${crypto.createHash('sha256').update(s).digest('base64')}'`;

test('a pack of a newer major version: a page naming both versions, never a crash', async (t) => {
  const { dir, origin } = await copyOfDist(t);
  const name = files(dir).find((f) => f.startsWith('claimcheck-pack-'));
  const bytes = fs.readFileSync(path.join(dir, name));
  assert.equal(bytes.subarray(0, 4).toString(), 'CCP2');
  const newer = Buffer.from(bytes);
  newer[3] = '3'.charCodeAt(0);
  fs.writeFileSync(path.join(dir, name), newer);
  // The host published it properly: its integrity value and the loader's CSP hash follow.
  const sri = (b) => `sha384-${crypto.createHash('sha384').update(b).digest('base64')}`;
  const index = path.join(dir, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  const loader = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]).find((s) => s.includes('const texts = '));
  const fixed = loader.replace(sri(bytes), sri(newer));
  assert.notEqual(fixed, loader);
  fs.writeFileSync(index, html.replace(loader, fixed).replace(cspHash(loader), cspHash(fixed)));
  const context = await env.browser.newContext({ locale: 'es-US' });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin.url}?lang=es`);
  await page.waitForSelector('#crash');
  const words = await page.innerText('#crash');
  assert.match(words, /versión 3 del formato de paquete/);
  assert.match(words, /lee la versión 2/);
  assert.equal(await page.innerText('#reload'), 'Volver a cargar');
  assert.deepEqual(errors, []);
});

test('every walk fetches the same files, whatever the answers', async () => {
  const walks = [
    {},
    { notice: [['office practicum', 'connexin']] },
    { notice: [['xfinity', 'comcast'], ['23andme', '23andme']] },
  ];
  const seen = [];
  for (const answers of walks) {
    const context = await env.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const asked = new Set();
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin === new URL(env.server.url).origin) asked.add(u.pathname);
    });
    await page.goto(`${env.server.url}?embed`); // no service worker: the page's own requests only
    await page.waitForSelector('#as-of');
    if (Object.keys(answers).length) await walk(page, answers);
    else await walk(page, { notice: 'none' });
    await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => /claimcheck-(pack|texts)-/.test(e.name)).length >= 3);
    await page.waitForTimeout(300);
    seen.push([...asked].sort());
    await context.close();
  }
  for (const f of ['dir-en', 'pack', 'texts-en', 'texts-es']) {
    assert.ok(seen[0].some((p) => p.startsWith(`/claimcheck-${f}-`)), seen[0].join(' '));
  }
  assert.ok(!seen[0].some((p) => p.startsWith('/claimcheck-dir-es-')), seen[0].join(' '));
  assert.deepEqual(seen[1], seen[0]);
  assert.deepEqual(seen[2], seen[0]);
});

/** Answers from the question on screen to the results; returns the questions asked. */
async function toResults(page, answers) {
  const asked = [];
  for (let i = 0; i < 20; i++) {
    const id = await questionId(page);
    if (!id) break;
    asked.push(id);
    await answer(page, answers[id]);
  }
  await page.locator('#results').waitFor();
  return asked;
}

test('the first question answered before the rest of the pack arrives: loading, then the same walk and results', async (t) => {
  const person = { ...DEFAULTS, notice: [['office practicum', 'connexin']] };
  const shown = async (page) => (await text(page, '[data-testid="settlement-connexin"] [data-testid="verdict-sentence"]')).replace(/\s+/g, ' ');
  // Without any delay, for comparison.
  const plain = await env.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  t.after(() => plain.close());
  const p0 = await plain.newPage();
  await p0.goto(env.server.url);
  await p0.waitForSelector('#as-of');
  const asked0 = await walk(p0, person);
  const verdict0 = await shown(p0);
  assert.match(verdict0, /included in the .*settlement class/, 'a verdict placing the person in the class');

  const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 800 }, serviceWorkers: 'block' });
  t.after(() => context.close());
  let release;
  const held = new Promise((r) => { release = r; });
  const heldFiles = [];
  await context.route(/\/claimcheck-(pack|texts-e[ns])-[0-9a-f]{16}\.bin$/, async (route) => {
    heldFiles.push(new URL(route.request().url()).pathname);
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url);
  await page.waitForSelector('#as-of');
  await page.click('#start-button');
  await page.waitForSelector('.question-page[data-question="notice"]');
  await page.fill('#org-search', 'office practicum');
  await page.click('#org-opt-connexin');
  await page.click('#continue');
  const status = page.locator('.loading [role="status"]');
  await status.waitFor();
  assert.match(await status.innerText(), /Loading the settlement details/);
  assert.equal(await page.locator('#results').count(), 0, 'no verdict from part of the pack');
  assert.ok(heldFiles.some((f) => f.startsWith('/claimcheck-pack-')), heldFiles.join(' '));
  await page.screenshot({ path: path.join(SHOTS, 'hosting-held-pack-360.png') });
  release();
  await page.waitForSelector('.question-page');
  const asked = ['notice', ...await toResults(page, person)];
  assert.deepEqual(asked, asked0);
  assert.equal(await shown(page), verdict0);
  assert.deepEqual(errors, []);
});
