// Chromium test of claimcheck's JavaScript API (dist-jsapi/, built by scripts/jsapi.sh).
//
// Serves the repository root from a loopback server (127.0.0.1, a random port), opens the
// example page in /usr/bin/chromium through playwright-core, and calls the API in the page.
// Run: bash scripts/jsapi.sh   (or, once built: cd tests/jsapi && npm ci && node --test)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../e2e/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let server;
let browser;
let page;
let base;
const pageErrors = [];
const foreignRequests = [];

/**
 * Runs `fn` in the page with the API (window.claimcheck) as its argument. Sent as an expression
 * over the DevTools protocol, so the page's CSP (no eval) does not stand in the way.
 */
function inPage(fn) {
  return page.evaluate(`(${fn.toString()})(window.claimcheck)`);
}

before(async () => {
  assert.ok(
    existsSync(path.join(ROOT, 'dist-jsapi/claimcheck_jsapi.js')),
    'dist-jsapi/ is missing: build it with `bash scripts/jsapi.sh`',
  );
  server = await serve(ROOT);
  base = server.url.replace(/\/$/, '');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) pageErrors.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(`${base}/`)) foreignRequests.push(r.url());
  });
  await page.goto(`${base}/tests/jsapi/index.html`);
  await page.waitForFunction(
    () => document.getElementById('status')?.textContent !== 'loading…',
    null,
    { timeout: 60_000 },
  );
  assert.equal(await page.textContent('#status'), 'ready');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('check(): Connexin is "likely" for a Connexin notice on 2024-07-24, claim deadline open 1 day', async () => {
  const r = await inPage((api) => {
    const p = api.pack();
    const res = api.check({ notice: ['connexin'] }, '2024-07-24');
    const i = p.settlements.findIndex((s) => s.id === 'connexin');
    const s = res.settlements[i];
    const claim = s.deadlines.find((d) => p.settlements[i].deadlines[d.index].kind === 'claim');
    return {
      id: s.id,
      verdict: s.verdict,
      claim: claim.state,
      today: res.today,
      count: [res.settlements.length, p.settlements.length],
      // Plain objects and arrays all the way down: no Maps.
      plain:
        Object.getPrototypeOf(res) === Object.prototype &&
        Object.getPrototypeOf(s) === Object.prototype &&
        Array.isArray(res.settlements) &&
        JSON.stringify(res).length > 100,
    };
  });
  assert.equal(r.id, 'connexin');
  assert.equal(r.verdict, 'likely');
  assert.deepEqual(r.claim, { t: 'open', days_left: 1 });
  assert.deepEqual(r.today, { date: '2024-07-24' });
  assert.equal(r.count[0], r.count[1]);
  assert.ok(r.plain);
});

test('check(): answers in answer-file form (texts, numbers, lists) are read', async () => {
  const r = await inPage((api) => {
    const res = api.check(
      { notice: ['connexin'], us_resident: 'yes', costs: '$300', hours: 2.5, insider: undefined },
      '2024-07-24',
    );
    const s = res.settlements.find((x) => x.id === 'connexin');
    return { verdict: s.verdict, plans: s.plans.length };
  });
  assert.notEqual(r.verdict, 'not_member');
  assert.ok(r.plans > 0);
});

test('check(): a bad answer throws an Error naming the field', async () => {
  const caught = await inPage((api) => {
    const attempt = (...args) => {
      try {
        api.check(...(args.length === 1 ? [args[0], '2024-07-24'] : args));
        return null;
      } catch (e) {
        return { isError: e instanceof Error, message: e.message, field: e.field, errors: e.errors };
      }
    };
    return {
      hours: attempt({ notice: ['connexin'], hours: 'lots' }),
      org: attempt({ notice: ['nobody-inc'] }),
      two: attempt({ us_resident: 'maybe', costs: { dollars: 3 } }),
      unknown: attempt({ hourz: 2 }),
      today: attempt({ notice: ['connexin'] }, '2024-02-30'),
      noToday: attempt({ notice: ['connexin'] }, undefined),
      notObject: attempt('connexin'),
    };
  });
  assert.ok(caught.hours.isError);
  assert.equal(caught.hours.field, 'hours');
  assert.match(caught.hours.message, /^answer "hours": /);
  assert.equal(caught.org.field, 'notice');
  assert.match(caught.org.message, /unknown organisation "nobody-inc"/);
  assert.deepEqual(caught.two.errors.map((e) => e.field).sort(), ['costs', 'us_resident']);
  assert.match(caught.two.message, /answer "us_resident": .*; answer "costs": |answer "costs": .*; answer "us_resident": /);
  assert.equal(caught.unknown.field, 'hourz');
  assert.match(caught.unknown.message, /no such question/);
  assert.equal(caught.today.field, 'today');
  assert.match(caught.today.message, /YYYY-MM-DD/);
  assert.equal(caught.noToday.field, 'today');
  assert.equal(caught.notObject.field, 'answers');
});

test('nextQuestion(): asks the notice first, and stops asking once nothing can change', async () => {
  const r = await inPage((api) => {
    const first = api.nextQuestion({}, '2024-07-24');
    const none = api.nextQuestion({ notice: [] }, '2024-07-24');
    return { first: first.id, firstQuestion: api.pack().questions[0].id, text: first.text.en, none };
  });
  assert.equal(r.first, r.firstQuestion);
  assert.ok(r.text.length > 0);
  assert.ok(r.none === null || typeof r.none.id === 'string');
});

test('validateRules(): refuses non-https addresses and markup in names, as the build does', async () => {
  const r = await inPage((api) => {
    const p = api.pack();
    const i = p.settlements.findIndex((s) => s.id === 'connexin');
    const bad = structuredClone(p);
    const s = bad.settlements[i];
    s.sources[0].href = 'javascript:alert(document.cookie)';
    s.sources[1].href = 'data:text/html,<script>alert(1)</script>';
    if (s.sources[2]) s.sources[2].href = 'http://example.com/plain';
    s.case.website = { t: 'known', main: { value: 'javascript:alert(1)', source: 0 } };
    s.name = 'Connexin <img src=x onerror=alert(1)>';
    const o = bad.organisations.findIndex((x) => x.id === 'connexin');
    bad.organisations[o].name = '<b>Connexin</b>';
    return { i, o, three: p.settlements[i].sources.length >= 3, errors: api.validateRules(bad) };
  });
  const s = `settlements[${r.i}]`;
  const at = (path) => r.errors.filter((e) => e.path === path).map((e) => e.message).join(' | ');
  assert.match(at(`${s}.sources[0].href`), /not an https address/, JSON.stringify(r.errors));
  assert.match(at(`${s}.sources[1].href`), /not an https address/);
  if (r.three) assert.match(at(`${s}.sources[2].href`), /not an https address/);
  assert.match(at(`${s}.case.website.main.value`), /not an https address/);
  assert.match(at(`${s}.name`), /markup.*plain text/);
  assert.match(at(`organisations[${r.o}].name`), /markup.*plain text/);
});

test('validateRulesAsync(): a 1,000-settlement pack is validated without a main-thread task over 200 ms', { timeout: 600_000 }, async () => {
  const r = await page.evaluate(async () => {
    const api = window.claimcheck;
    const { validateRulesAsync } = await import('/dist-jsapi/validate-async.js');
    const p = api.pack();
    const big = structuredClone(p);
    big.settlements = [];
    for (let k = 0; big.settlements.length < 1000; k++) {
      for (const s of p.settlements) {
        if (big.settlements.length >= 1000) break;
        big.settlements.push({ ...structuredClone(s), id: `${s.id}-copy${k}` });
      }
    }
    // The pack is built: measure from the next task on.
    await new Promise((res) => setTimeout(res, 50));
    const tasks = [];
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(Math.round(e.duration)); });
    obs.observe({ type: 'longtask', buffered: false });
    // A frame counter: the page keeps painting while the worker validates.
    let frames = 0;
    let on = true;
    const tick = () => { frames += 1; if (on) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const t0 = performance.now();
    const errors = await validateRulesAsync(big);
    const ms = Math.round(performance.now() - t0);
    on = false;
    await new Promise((res) => setTimeout(res, 100));
    obs.disconnect();
    // The worker gives the same answer as validateRules for the bundled pack.
    const bundled = await validateRulesAsync(p);
    return { settlements: big.settlements.length, errors: errors.length, sample: errors.slice(0, 2), ms, frames, longest: Math.max(0, ...tasks), tasks: tasks.length, bundled };
  });
  console.log(`[jsapi] validateRulesAsync: ${r.settlements} settlements in ${r.ms} ms on a worker, ${r.errors} errors; main thread: ${r.tasks} long tasks, longest ${r.longest} ms, ${r.frames} frames painted meanwhile`);
  assert.equal(r.settlements, 1000);
  assert.deepEqual(r.bundled, [], 'the bundled pack is valid through the worker too');
  assert.ok(r.longest <= 200, `a main-thread task took ${r.longest} ms`);
  assert.ok(r.frames > 0, 'the page painted while validating');
});

test('validateRules(): the bundled pack has no errors', async () => {
  const errors = await inPage((api) => api.validateRules(api.pack()));
  assert.deepEqual(errors, []);
});

test('validateRules(): a cap written as "$7,500" is reported with its path', async () => {
  const r = await inPage((api) => {
    const p = api.pack();
    const i = p.settlements.findIndex((s) => s.id === 'connexin');
    const b = p.settlements[i].benefits.findIndex((x) => x.kind.t === 'documented_losses');
    const whole = structuredClone(p);
    whole.settlements[i].benefits[b].kind.cap = '$7,500';
    const value = structuredClone(p);
    value.settlements[i].benefits[b].kind.cap.main.value = '$7,500';
    return { i, b, whole: api.validateRules(whole), value: api.validateRules(value) };
  });
  const at = `settlements[${r.i}].benefits[${r.b}].kind.cap`;
  assert.equal(r.whole.length, 1, JSON.stringify(r.whole));
  assert.equal(r.whole[0].path, at);
  assert.match(r.whole[0].message, /expected an amount in cents/);
  assert.equal(r.value.length, 1, JSON.stringify(r.value));
  assert.equal(r.value[0].path, `${at}.main.value`);
  assert.match(r.value[0].message, /expected an amount in cents.*write 750000/);
});

test('validateRules(): every error, structural then semantic, each with its path', async () => {
  const r = await inPage((api) => {
    const p = api.pack();
    const i = p.settlements.findIndex((s) => s.id === 'connexin');
    const shape = structuredClone(p);
    shape.checked_on = '2024-02-30';
    shape.settlements[i].deadlines[0].zone = 'EST';
    delete shape.settlements[i].subclasses;
    const meaning = structuredClone(p);
    meaning.settlements[i].class.routes[0].when = {
      t: 'cmp',
      c: ['us_residnet', 'Eq', { t: 'word', v: 'yes' }],
    };
    meaning.settlements[i].summary.es = '';
    return { i, shape: api.validateRules(shape), meaning: api.validateRules(meaning) };
  });
  const s = `settlements[${r.i}]`;
  assert.deepEqual(r.shape.map((e) => e.path).sort(), [
    'checked_on',
    `${s}.deadlines[0].zone`,
    `${s}.subclasses`,
  ]);
  assert.deepEqual(r.meaning, [
    { path: `${s}.summary.es`, message: 'the Spanish text is empty' },
    { path: `${s}.class.routes[0].when.c[0]`, message: 'unknown question `us_residnet`' },
  ]);
});

test('validateRules(): JSON text, non-objects and cycles give errors, not exceptions', async () => {
  const r = await inPage((api) => {
    const cycle = { checked_on: '2024-01-01' };
    cycle.self = cycle;
    return {
      text: api.validateRules(JSON.stringify(api.pack())),
      broken: api.validateRules('{ "checked_on": '),
      number: api.validateRules(42),
      nothing: api.validateRules(undefined),
      cycle: api.validateRules(cycle),
    };
  });
  assert.deepEqual(r.text, []);
  assert.match(r.broken[0].message, /^not JSON: /);
  assert.match(r.number[0].message, /expected a rule pack/);
  assert.match(r.nothing[0].message, /expected a rule pack/);
  assert.match(r.cycle[0].message, /cannot be read as JSON/);
});

test('the example page prints check() and validateRules() results', async () => {
  const row = await page.textContent('#check-table tr[data-id="connexin"]');
  assert.match(row, /Connexin/);
  assert.match(row, /likely member/);
  assert.match(row, /open, 1 day left/);
  assert.notEqual(await page.textContent('#next-question'), '–');

  await page.fill('#answers', '{ "notice": ["connexin"], "hours": "lots" }');
  await page.click('#run-check');
  assert.match(await page.textContent('#check-error'), /answer "hours": .*\(field: hours\)/);

  await page.click('#validate-bundled');
  assert.match(await page.textContent('#rules-out'), /no errors/);
  await page.click('#validate-broken');
  assert.match(
    await page.textContent('#rules-out'),
    /settlements\[\d+\]\.benefits\[\d+\]\.kind\.cap: expected an amount in cents/,
  );
});

/** The published pack files in dist-jsapi/NAME/, as addresses on the test server. */
function published(name) {
  const dir = path.join(ROOT, 'dist-jsapi', name);
  const names = readdirSync(dir);
  const one = (re) => {
    const found = names.filter((n) => re.test(n));
    assert.equal(found.length, 1, `${dir}: ${found.length} files match ${re}`);
    return `/dist-jsapi/${name}/${found[0]}`;
  };
  return {
    structure: one(/^claimcheck-pack-[0-9a-f]{16}\.bin$/),
    en: one(/^claimcheck-texts-en-[0-9a-f]{16}\.bin$/),
    es: one(/^claimcheck-texts-es-[0-9a-f]{16}\.bin$/),
  };
}

test('loadPack(): reads the files `claimcheck pack` published (dist-jsapi/pack/), refuses others, and check() reads it', async () => {
  // Written by scripts/jsapi.sh with `claimcheck pack rules --out` into a copy of dist/.
  const files = published('pack');
  const r = await page.evaluate(async (f) => {
    const api = window.claimcheck;
    const bytes = async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer());
    const [structure, en, es] = await Promise.all([bytes(f.structure), bytes(f.en), bytes(f.es)]);
    const bundled = api.pack();
    const refused = [];
    const attempt = (fn) => { try { fn(); refused.push(null); } catch (e) { refused.push(e.message); } };
    attempt(() => api.loadPack(en, [es]));
    const newer = structure.slice(); newer[3] = '3'.charCodeAt(0);
    attempt(() => api.loadPack(newer, []));
    const cut = en.slice(0, en.length >> 1);
    attempt(() => api.loadPack(structure, [cut]));
    attempt(() => api.loadPack('structure', []));
    const loaded = api.loadPack(structure, [en, es.buffer]);
    const p = api.pack();
    const res = api.check({ notice: ['connexin'] }, '2024-07-24');
    const i = p.settlements.findIndex((s) => s.id === 'connexin');
    return {
      refused,
      loaded,
      ids: [p.settlements.map((s) => s.id), bundled.settlements.map((s) => s.id)],
      summaries: [p.settlements[i].summary, bundled.settlements[i].summary],
      date: [p.checked_on, bundled.checked_on],
      verdict: res.settlements[i].verdict,
      count: res.settlements.length,
      next: api.nextQuestion({}, '2024-07-24').id,
    };
  }, files);
  assert.match(r.refused[0], /^loadPack: the structure is another kind of pack file \(expected claimcheck-pack-\*\.bin\)$/);
  assert.match(r.refused[1], /pack format version 3, and this API reads version 2/);
  assert.match(r.refused[2], /text file 1/);
  assert.match(r.refused[3], /must be a Uint8Array or an ArrayBuffer/);
  assert.deepEqual(r.loaded, { settlements: r.ids[1].length, checked_on: r.date[1] });
  // The published pack is the bundled rules: the same settlements, texts in both languages.
  assert.deepEqual(r.ids[0], r.ids[1]);
  assert.deepEqual(r.summaries[0], r.summaries[1]);
  assert.equal(r.verdict, 'likely');
  assert.equal(r.count, r.ids[1].length);
  assert.equal(r.next, 'notice');
});

test('loadPack(): a pack of other rules (one more settlement, published with the CLI alone) is what check() and pack() then read', async () => {
  const r = await page.evaluate(async (f) => {
    const api = window.claimcheck;
    const bytes = async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer());
    const before = api.pack().settlements.length;
    const loaded = api.loadPack(await bytes(f.structure), [await bytes(f.en)]);
    const p = api.pack();
    const res = api.check({ notice: ['comcast'] }, '2024-07-24');
    const i = p.settlements.findIndex((s) => s.id === 'synth-0');
    return { before, loaded, n: p.settlements.length, i, verdict: res.settlements[i]?.verdict, name: p.settlements[i]?.name, es: p.settlements[i]?.summary.es };
  }, published('pack-more'));
  assert.equal(r.loaded.settlements, r.before + 1);
  assert.equal(r.n, r.before + 1);
  assert.ok(r.i >= 0, 'synth-0 is in the loaded pack');
  // synth-0 is a copy of Comcast's settlement under a new id: a Comcast notice reaches it.
  assert.equal(r.verdict, 'likely');
  assert.ok(r.name.length > 0);
  assert.equal(r.es, '', 'only the English texts were given');
});

test('nothing left the loopback server, and the page logged no errors', () => {
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(pageErrors, []);
});
