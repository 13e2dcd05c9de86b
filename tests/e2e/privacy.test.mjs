// Private by construction, proven: the built page's Content Security Policy and subresource
// integrity, then a walk to the results for every bundled settlement in one page, recording
// every request the browser makes and every request that reaches the server. After the app's
// own files have loaded there must be none. Nothing is stored unless the person ticks "Save my
// answers on this device", and no answer ever appears in the address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  setup, answer, questionId, DEFAULTS, ROOT, DIST, settlementToml, noonNY, text, claimDate, addDays,
} from './helpers.mjs';
import { recorder } from './recorder.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const html = () => fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const sri = (algo, file) => `${algo}-${crypto.createHash(algo).update(fs.readFileSync(path.join(DIST, file))).digest('base64')}`;
const sha256 = (s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;

function policy(doc) {
  const content = doc.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  return Object.fromEntries(content.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

test('index.html: strict CSP, the hash of every inline script, SRI on every script and style sheet', () => {
  const doc = html();
  const csp = policy(doc);
  assert.deepEqual(csp['default-src'], ["'none'"]);
  assert.deepEqual(csp['connect-src'], ["'self'"]);
  assert.deepEqual(csp['form-action'], ["'none'"]);
  assert.deepEqual(csp['base-uri'], ["'none'"]);
  assert.deepEqual(csp['style-src'], ["'self'"]);
  const all = Object.values(csp).flat();
  assert.ok(!all.includes("'unsafe-inline'") && !all.includes("'unsafe-eval'"), 'no unsafe-inline, no unsafe-eval');
  assert.ok(!all.some((v) => /^(https?:|\*|blob:|filesystem:)/.test(v)), `no host, scheme or wildcard sources: ${all}`);
  // data: only for images (the page's icon is written inside it: no request at each screen).
  assert.deepEqual(Object.entries(csp).filter(([, v]) => v.includes('data:')).map(([k]) => k), ['img-src']);
  assert.match(doc, /<link rel="icon" href="data:image\/svg\+xml;base64,/);
  // script-src: self, wasm, and exactly the hashes of the inline scripts on the page.
  const inline = [...doc.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[1]));
  assert.ok(inline.length >= 1, 'the loader is inline');
  assert.deepEqual(new Set(csp['script-src']), new Set(["'self'", "'wasm-unsafe-eval'", ...inline.map((m) => sha256(m[2]))]));
  assert.equal(doc.match(/<style\b/g), null, 'no inline style element');
  assert.equal(doc.match(/\sstyle="/g), null, 'no inline style attribute');
  assert.equal(doc.match(/\son[a-z]+="/g), null, 'no inline event handler');
  // Every style sheet and preload carries the sha384 of the file it names; the loader checks
  // the glue (import map) and the wasm (fetch integrity) too.
  const tags = [...doc.matchAll(/<link rel="(stylesheet|modulepreload|preload)"[^>]*>/g)].map((m) => m[0]);
  assert.ok(tags.length >= 3, tags.join('\n'));
  for (const tag of tags) {
    const file = tag.match(/href="\.\/([^"]+)"/)[1];
    assert.ok(tag.includes(`integrity="${sri('sha384', file)}"`), `${file}: ${tag}`);
  }
  const files = fs.readdirSync(DIST);
  // The app's glue (not the service worker, not the embed host script for other sites' pages).
  const js = files.filter((f) => /^claimcheck-app-.*\.js$/.test(f));
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.equal(js.length, 1);
  assert.equal(wasm.length, 1);
  const importmap = JSON.parse(doc.match(/<script type="importmap">([\s\S]*?)<\/script>/)[1]);
  assert.equal(importmap.integrity[`./${js[0]}`], sri('sha384', js[0]));
  assert.ok(doc.includes(`step='./${wasm[0]}'`) && doc.includes(`fetch(step,{integrity:'${sri('sha384', wasm[0])}'})`), 'the wasm is fetched with its integrity');
});

test('the policy holds in Chromium: an injected inline script does not run, no other origin is reached', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
  await page.goto(env.server.url);
  await page.waitForSelector('#as-of');
  const outcome = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true;';
    document.head.append(s);
    const st = document.createElement('style');
    st.textContent = 'body { color: red }';
    document.head.append(st);
    let fetched = 'allowed';
    try { await fetch('http://127.0.0.2:9/x'); } catch { fetched = 'blocked'; }
    await new Promise((r) => setTimeout(r, 100));
    return { ran: window.__ran === true, fetched, red: getComputedStyle(document.body).color === 'rgb(255, 0, 0)', violations: window.__violations };
  });
  assert.equal(outcome.ran, false, 'an inline script injected at run time must not run');
  assert.equal(outcome.red, false, 'an inline style injected at run time must not apply');
  assert.equal(outcome.fetched, 'blocked');
  // (eval cannot be tried from here: code Playwright runs is exempt; the policy has no
  // 'unsafe-eval', checked above.)
  for (const d of ['script-src-elem', 'style-src-elem', 'connect-src']) {
    assert.ok(outcome.violations.includes(d), `${d} violation reported: ${outcome.violations}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [what, pick, mounted] of [
  ['the wasm', (p) => p.endsWith('.wasm'), false],
  ['the JS glue', (p) => p.endsWith('.js') && !p.endsWith('/sw.js'), false],
  ['the style sheet', (p) => p.endsWith('.css'), true],
]) {
  test(`integrity: a changed byte in ${what} is refused`, async (t) => {
    const front = await recorder(env.server.url, {
      tamper: (p, body) => {
        if (!pick(p)) return null;
        const b = Buffer.from(body);
        b[b.length - 2] ^= 1;
        return b;
      },
    });
    t.after(() => front.close());
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    await page.goto(front.url);
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('#as-of').count() > 0, mounted, `app mounted: ${mounted}`);
    assert.ok(consoleErrors.some((e) => /integrity/i.test(e)), consoleErrors.join('\n'));
    if (mounted) {
      // Unstyled: the style sheet was refused (the header's background is not applied).
      const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor);
      assert.equal(bg, 'rgba(0, 0, 0, 0)');
    } else {
      // The pre-rendered start screen stays, with its date.
      assert.match(await text(page, '#start h1'), /Check if you can claim/);
    }
    await context.close();
  });
}

// ---- The walk ------------------------------------------------------------------------------

const SETTLEMENTS = fs.readdirSync(path.join(ROOT, 'rules'))
  .filter((d) => fs.existsSync(path.join(ROOT, 'rules', d, 'settlement.toml'))).sort();
const ORGS = fs.readFileSync(path.join(ROOT, 'rules', 'organisations.toml'), 'utf8')
  .split(/^\[\[organisation\]\]/m).slice(1).map((b) => ({
    id: b.match(/^id = "([^"]+)"/m)[1],
    name: b.match(/^name = "([^"]+)"/m)[1],
    incidents: (b.match(/^incidents = \[([^\]]*)\]/m)?.[1] ?? '').match(/"[^"]+"/g)?.map((s) => s.slice(1, -1)) ?? [],
  }));

/** The organisation whose notice puts a person in settlement `id`: its first route's. */
function notifier(id) {
  const when = settlementToml(id).match(/^when = ['"](.*)['"]$/m)[1];
  const m = when.match(/notice includes "?(incident:)?([a-z0-9-]+)"?/);
  const org = m[1] ? ORGS.find((o) => o.incidents.includes(m[2])) : ORGS.find((o) => o.id === m[2]);
  assert.ok(org, `${id}: no organisation for "${when}"`);
  return org;
}

// Answers chosen to be easy to spot in an address: amounts and hours nobody else uses.
const ANSWERS = {
  ...DEFAULTS, had_costs: 'yes', costs: '4321.09', had_fraud: 'yes', fraud: '8765.43',
  spent_time: 'yes', hours: '7.25', state_moveit: 'WY',
};
// The addresses the app writes name a kind of screen, never a question or a settlement (those
// would stay in the browser's history).
const SCREEN = /^(index\.html)?(#\/(check|results|summary|browse|settlement)?)?$/;

function checkAddress(page, base, seen) {
  const url = page.url();
  seen.push(url);
  assert.ok(url.startsWith(base), url);
  assert.equal(new URL(url).search, '', `no query string: ${url}`);
  assert.match(url.slice(base.length), SCREEN, `the address names a screen, never an answer: ${url}`);
  for (const v of ['4321', '8765', '7.25', 'WY']) assert.ok(!url.includes(v), `${v} in ${url}`);
}

test('a walk through every bundled settlement: no request after load, nothing stored, no answer in the address', { timeout: 900_000 }, async (t) => {
  assert.ok(SETTLEMENTS.length >= 40, `${SETTLEMENTS.length} settlements`);
  const front = await recorder(env.server.url);
  t.after(() => front.close());
  const context = await env.browser.newContext({ acceptDownloads: true, locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push({ url: r.url(), at: Date.now(), page: !r.serviceWorker() }));
  page.on('pageerror', (e) => errors.push(e.message));
  // The day after the pack's date: Capital One's enrollment deadline (February 2028) is still
  // ahead, so its results offer a calendar file (no deadline the pack knows has passed does).
  const due = '2026-11-25';
  await page.clock.setFixedTime(new Date(noonNY(due)));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(front.url);
  await page.waitForSelector('#as-of');
  // The app's own files include what the service worker keeps: wait until it holds them.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
  });
  // And the app's own download of the other language's texts, which follows its start.
  while (!requests.some((r) => r.page && /\/claimcheck-texts-es-/.test(r.url))) await new Promise((r) => setTimeout(r, 50));
  const loaded = Date.now();
  const loadedPaths = new Set(front.log.map((r) => r.path));
  const dist = fs.readdirSync(DIST).filter((f) => f !== 'claimcheck.html');
  for (const p of loadedPaths) {
    assert.ok(p === '/' || dist.includes(p.slice(1)), `the page loaded only the app's own files: ${p}`);
  }
  assert.ok(requests.every((r) => r.url.startsWith(front.url)), requests.map((r) => r.url).join('\n'));

  const seen = [];
  let downloads = 0;
  let firstWalk = true;
  for (const id of SETTLEMENTS) {
    const org = notifier(id);
    if (firstWalk) {
      await page.click('#start-button');
      firstWalk = false;
    } else {
      await page.click('a.brand');
      await page.waitForSelector('#start-again');
      checkAddress(page, front.url, seen);
      await page.click('#start-again');
    }
    await page.waitForSelector('.question-page');
    const all = { ...ANSWERS, notice: [[org.name, org.id]] };
    for (let i = 0; i < 20; i++) {
      const q = await questionId(page);
      if (!q) break;
      checkAddress(page, front.url, seen);
      assert.ok(q in all, `${id}: no answer for question ${q}`);
      await answer(page, all[q]);
    }
    await page.waitForSelector('#results');
    checkAddress(page, front.url, seen);
    const card = page.locator(`[data-testid="settlement-${id}"]`);
    assert.equal(await card.count(), 1, `${id}: the results show its card`);
    if (id === 'capital-one') {
      // A calendar file, made on the device.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#add-to-calendar')]);
      assert.match(download.suggestedFilename(), /\.ics$/);
      downloads += 1;
    }
    // Its own page, and the summary with every answer.
    await page.goto(`${front.url}#/settlement/${id}`);
    await page.waitForSelector(`[data-testid="page-${id}"]`);
    checkAddress(page, front.url, seen);
    await page.goto(`${front.url}#/summary`);
    await page.waitForSelector('#summary');
    checkAddress(page, front.url, seen);
    assert.ok((await page.innerText('#summary')).includes(org.name), `${id}: the summary lists ${org.name}`);
  }
  // The rest of the app: Spanish, browse, a calendar file, back in English.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'es-US');
  await page.goto(`${front.url}#/browse`);
  await page.waitForSelector('#browse-list');
  checkAddress(page, front.url, seen);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en-US');
  // Nothing went out: not in the browser's record, not at the server.
  // (blob: and data: addresses are made inside the page: the calendar file, the icon.)
  const after = requests.filter((r) => r.at > loaded && !/^(blob|data):/.test(r.url));
  assert.deepEqual(after.map((r) => r.url), [], 'requests after the app had loaded');
  assert.deepEqual(front.log.filter((r) => r.at > loaded), [], 'requests that reached the server after load');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  assert.ok(seen.length > SETTLEMENTS.length * 4, `${seen.length} addresses checked`);
  assert.equal(downloads, 1);

  // Nothing stored: no local or session storage, no database, no cookie; the only cache is
  // this build's files.
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).map((d) => d.name),
    cookie: document.cookie,
    caches: await Promise.all((await caches.keys()).map(async (k) => [k, (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname)])),
  }));
  assert.deepEqual({ ...stored, caches: undefined }, { local: 0, session: 0, idb: [], cookie: '', caches: undefined });
  assert.equal(stored.caches.length, 1);
  assert.match(stored.caches[0][0], /^claimcheck-[0-9a-f]{16}$/);
  // Not the page for other sites' frames (embed.html never registers the worker) nor the
  // deploy kit (dist/_headers, dist/deploy/), which are for the server.
  const kept = dist.filter((f) => !['index.html', 'sw.js', 'embed.html', '_headers'].includes(f)
    && fs.statSync(path.join(DIST, f)).isFile());
  const expected = ['/', ...kept.map((f) => `/${f}`)].sort();
  assert.deepEqual(stored.caches[0][1].sort(), expected, 'the cache holds exactly the build\'s files');

  // Opting in writes one entry; forgetting removes it.
  await page.check('#save-answers');
  await page.waitForFunction(() => localStorage.length === 1);
  assert.equal(await page.evaluate(() => sessionStorage.length + document.cookie.length), 0);
  await page.click('#forget');
  await page.waitForFunction(() => localStorage.length === 0);
  assert.deepEqual(front.log.filter((r) => r.at > loaded), []);
  await context.close();
});

test('the start screen shown before the app arrives carries the rules\' date', async () => {
  const ymd = fs.readFileSync(path.join(ROOT, 'rules', 'pack.toml'), 'utf8').match(/^checked_on = (\d{4}-\d{2}-\d{2})/m)[1];
  const said = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' })
    .format(new Date(`${ymd}T00:00:00Z`));
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(env.server.url);
  await page.waitForSelector('#start');
  // Issue 13 item 4: the static start screen also gives the newest source date (rules/pack.toml).
  const newest = fs.readFileSync(path.join(ROOT, 'rules', 'pack.toml'), 'utf8').match(/^newest_source = (\d{4}-\d{2}-\d{2})/m)[1];
  const newestSaid = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' })
    .format(new Date(`${newest}T00:00:00Z`));
  assert.equal(await text(page, '.site-footer .as-of'),
    `Settlement information as of ${said}. The newest source we read is dated ${newestSaid}. Settlements announced after that are unknown to this checker.`);
  await page.unroute('**/*.wasm');
  await page.reload();
  await page.waitForSelector('#as-of');
  assert.equal(await text(page, '#as-of'), `Settlement information as of ${said}.`);
  await context.close();
});

// README: after a reload the page itself ("/") comes from the server while online, and Chromium
// may ask for /sw.js (its update check); both carry nothing about the person. Nothing else may
// reach the server after a reload.
test('after a reload, only the page and the service worker update check reach the server, carrying nothing', async (t) => {
  const front = await recorder(env.server.url);
  t.after(() => front.close());
  const context = await env.browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  await page.goto(front.url);
  await page.waitForSelector('#as-of');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
  });
  while (!front.log.some((r) => /\/claimcheck-texts-es-/.test(r.path))) await new Promise((r) => setTimeout(r, 50));
  // Some answers, so there is something that must not leave.
  await page.fill('#org-search', 'xfinity').catch(() => {});
  const mark = Date.now();
  await page.reload();
  await page.waitForSelector('#as-of');
  // An observation window, not a timing assertion: whatever arrives in it is checked.
  await new Promise((r) => setTimeout(r, 1000));
  const after = front.log.filter((r) => r.at > mark);
  for (const r of after) {
    assert.equal(r.method, 'GET', JSON.stringify(r));
    assert.ok(['/', '/sw.js'].includes(r.path), `only the page and the update check may reach the server after a reload: ${JSON.stringify(after)}`);
    assert.equal(r.cookie, '');
    assert.equal(r.length, 0);
  }
  await context.close();
});
