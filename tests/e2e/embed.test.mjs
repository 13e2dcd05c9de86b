// Embed mode (?embed&settlement=connexin&lang=es&accent=1d4ed8) in a host page on another
// origin (tests/embed/host.html, served as http://localhost:PORT while the app is on
// http://127.0.0.1:PORT2): the questionnaire works inside the frame, the host script sizes the
// frame from height messages, and a hostile script on the host page reads nothing but heights.
// Also: the address's settings against the allow-list, each bad one reported in the page with
// the good ones still applied; axe in embed mode (both languages, light and dark); screenshots
// (embed-*) at 360 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { setup, open, answer, questionId, text, shot, ROOT, DEFAULTS, SHOTS } from './helpers.mjs';

let env;
let host;
before(async () => {
  env = await setup();
  host = await serveHost(env.server.url);
});
after(async () => {
  await host?.close();
  await env?.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const EXAMPLE = '?embed&settlement=connexin&lang=es&accent=1d4ed8';

/** tests/embed/ on a different origin (localhost, not 127.0.0.1), with {{APP}} filled in. */
function serveHost(appUrl) {
  const dir = path.join(ROOT, 'tests/embed');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const name = new URL(req.url, 'http://x').pathname.slice(1) || 'host.html';
    if (!/^[a-z-]+\.(html|js|css)$/.test(name)) return res.writeHead(404).end();
    fs.readFile(path.join(dir, name), 'utf8', (err, body) => {
      if (err) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': types[path.extname(name)], 'cache-control': 'no-store' });
      res.end(body.replaceAll('{{APP}}', appUrl));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://localhost:${server.address().port}/`,
    close: () => new Promise((r) => server.close(r)),
  })));
}

/** The host page's window as a person sees it (a full-page shot of a frame this tall leaves
 * most of the frame unpainted). */
async function viewShot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function axe(page, label) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.ok(r.passes.length > 20, `${label}: axe ran`);
  return r.violations.map((v) => `${label}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Answers in `frame` until the results. */
async function walkIn(frame, answers) {
  const all = { ...DEFAULTS, ...answers };
  for (let i = 0; i < 20; i++) {
    const id = await questionId(frame);
    if (!id) break;
    await answer(frame, all[id]);
  }
  await frame.waitForSelector('#results');
}

async function hostPage(width) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, locale: 'es-US' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(host.url + 'host.html');
  const frame = await (await page.waitForSelector('#checker')).contentFrame();
  await frame.waitForSelector('#as-of');
  return { context, page, frame };
}

for (const width of [360, 1280]) {
  test(`embedded in another origin's page (${width}px): works, is sized by the host script, leaks nothing`, async () => {
    const { context, page, frame } = await hostPage(width);
    try {
      // The frame opens the settlement's page, in Spanish, without the site header.
      await frame.waitForSelector('#check-if-in');
      assert.match(await text(frame, 'h1'), /Connexin/);
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'es-US');
      assert.equal(await frame.locator('.brand').count(), 0, 'no site header in embed mode');
      assert.match(await text(frame, '#privacy-line'), /Sus respuestas se quedan en este dispositivo/);
      assert.equal(await text(frame, '#leave'), 'Salir de esta página');
      // The accent colour reached the buttons, through the CSSOM (the page's CSP has no
      // 'unsafe-inline' for styles).
      assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('#check-if-in')).backgroundColor), 'rgb(29, 78, 216)');
      // Official links open in a new tab, without the opener or the referrer.
      const links = await frame.evaluate(() => [...document.querySelectorAll('a[href^="http"]')].map((a) => [a.target, a.rel]));
      assert.ok(links.length > 0);
      for (const [target, rel] of links) {
        assert.equal(target, '_blank');
        assert.match(rel, /noopener/);
        assert.match(rel, /noreferrer/);
      }
      await viewShot(page, `embed-host-settlement-${width}`);

      // Walk the questionnaire inside the frame.
      await frame.click('#check-if-in');
      await frame.waitForSelector('.question-page');
      await walkIn(frame, { notice: [['connexin', 'connexin']] });
      assert.match(await text(frame, '#results'), /Connexin/);
      // The host script applied the one fixed height the frame posts; the results scroll
      // inside the frame.
      await page.waitForFunction(() => {
        const f = document.getElementById('checker');
        const last = window.stolen.messages.filter((m) => m.fromFrame).pop();
        return last && f.style.height === `${last.data.height}px`;
      });
      const inner = await frame.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
      assert.ok(inner[0] > inner[1], `the results are taller than the frame and scroll in it: ${inner}`);
      await viewShot(page, `embed-host-results-${width}`);

      // What the hostile script got.
      await page.waitForTimeout(600); // a few more of its attempts
      const stolen = await page.evaluate(() => window.stolen);
      assert.deepEqual(stolen.reads, [], 'the host page read nothing from the frame');
      for (const name of ['contentDocument', 'contentWindow.document', 'frames[0].localStorage', 'contentWindow.location.href']) {
        assert.ok(stolen.blocked.some((b) => b.startsWith(name + ':')), `${name} was tried and refused`);
      }
      const fromFrame = stolen.messages.filter((m) => m.fromFrame);
      assert.ok(fromFrame.length >= 1, 'a height was posted');
      for (const m of fromFrame) {
        assert.equal(m.origin, new URL(env.server.url).origin);
        assert.deepEqual(Object.keys(m.data), ['type', 'height']);
        assert.equal(m.data.type, 'claimcheck:height');
        assert.ok(Number.isInteger(m.data.height) && m.data.height > 0, JSON.stringify(m.data));
      }
      assert.ok(!JSON.stringify(stolen).toLowerCase().includes('connexin'), 'no answer in anything the host got');
      // Other messages: only the forged height the hostile script sent itself, which the host
      // script ignored.
      const others = stolen.messages.filter((m) => !m.fromFrame);
      assert.deepEqual(others.map((m) => m.data), [{ type: 'claimcheck:height', height: 5 }]);
      assert.ok((await page.evaluate(() => document.getElementById('checker').offsetHeight)) > 300);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });
}

/** The heights the frame posted and the host's history length, along one walk in a fresh host
 * page. */
async function observedWalk(answers) {
  const { context, page, frame } = await hostPage(360);
  try {
    const lengthBefore = await page.evaluate(() => history.length);
    await frame.click('#check-if-in');
    await frame.waitForSelector('.question-page');
    const asked = [];
    const all = { ...DEFAULTS, ...answers };
    for (let i = 0; i < 20; i++) {
      const id = await questionId(frame);
      if (!id) break;
      asked.push(id);
      await answer(frame, all[id]);
    }
    await frame.waitForSelector('#results');
    // The summary and back, through the app's own links.
    await frame.click('#to-summary');
    await frame.waitForSelector('#summary');
    await frame.click('#back');
    await frame.waitForSelector('#results');
    await page.waitForTimeout(400); // any height still on its way
    const heights = await page.evaluate(() => window.stolen.messages.filter((m) => m.fromFrame).map((m) => m.data.height));
    const lengthAfter = await page.evaluate(() => history.length);
    const frameHeight = await page.evaluate(() => document.getElementById('checker').getBoundingClientRect().height);
    return { asked, heights, lengthBefore, lengthAfter, frameHeight };
  } finally {
    await context.close();
  }
}

test('the host learns nothing from heights or its history: two different walks look the same', async () => {
  const a = await observedWalk({ notice: [['connexin', 'connexin']], connexin_affiliated: 'no' });
  const b = await observedWalk({ notice: 'none', had_costs: 'yes', costs: '250', had_fraud: 'yes', fraud: '90', spent_time: 'yes', hours: '3' });
  console.log(`[embed] walk A asked ${a.asked.length} questions, posted heights ${JSON.stringify(a.heights)}, host history ${a.lengthBefore} -> ${a.lengthAfter}, frame ${a.frameHeight}px`);
  console.log(`[embed] walk B asked ${b.asked.length} questions, posted heights ${JSON.stringify(b.heights)}, host history ${b.lengthBefore} -> ${b.lengthAfter}, frame ${b.frameHeight}px`);
  assert.notDeepEqual(a.asked, b.asked, 'the two walks took different paths');
  assert.ok(a.heights.length > 0, 'heights were posted');
  assert.deepEqual(a.heights, b.heights, 'the same sequence of heights whatever the answers');
  assert.equal(a.lengthAfter, a.lengthBefore, 'walk A added no entry to the host\'s history');
  assert.equal(b.lengthAfter, b.lengthBefore, 'walk B added no entry to the host\'s history');
});

test('embed-host.js ignores messages that are not exactly a height from its own frame', async () => {
  const { context, page, frame } = await hostPage(1280);
  try {
    await page.waitForFunction(() => document.getElementById('checker').style.height !== '');
    const before = await page.evaluate(() => document.getElementById('checker').style.height);
    // Forged by the host page itself, in every wrong shape.
    await page.evaluate(() => {
      for (const d of [{ type: 'claimcheck:height', height: 7 }, { type: 'claimcheck:height', height: 'Infinity' },
        { type: 'claimcheck:height', height: 1e9 }, { type: 'claimcheck:height', height: 9, extra: 1 }, 'claimcheck:height']) {
        window.postMessage(d, '*');
      }
    });
    // From the frame itself (the test runs code there), with a huge value, an extra key, NaN.
    await frame.evaluate(() => {
      parent.postMessage({ type: 'claimcheck:height', height: 1e9 }, '*');
      parent.postMessage({ type: 'claimcheck:height', height: 11, answers: 'x' }, '*');
      parent.postMessage({ type: 'claimcheck:height', height: NaN }, '*');
    });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.getElementById('checker').style.height), before);
  } finally {
    await context.close();
  }
});

test('address settings: each bad one is reported in the page, the good ones still apply, nothing runs', async () => {
  const huge = 'a'.repeat(5000);
  const query = '?embed&lang=es&accent=1d4ed8;background:url(x)&settlement=%3Cscript%3Ewindow.pwned=1%3C/script%3E'
    + '&lang=en&%3Cimg%20src=x%20onerror=window.pwned=2%3E&acent=fff&shared=javascript:alert(1)'
    + `&huge=1&accentx=${huge}&Settlement=%FF%FE&settlement2=%E2%80%AEnixennoc`;
  const { context, page } = await open(env, { hash: query });
  try {
    await page.waitForSelector('#param-problems');
    const items = await page.$$eval('#param-problems li', (li) => li.map((x) => x.textContent));
    const all = items.join('\n');
    // Spanish (lang=es, the first lang) still applies, and embed mode.
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es-US');
    assert.equal(await page.locator('.brand').count(), 0);
    assert.match(all, /El color de acento “1d4ed8;background:url\(x\)” no es un color/);
    assert.match(all, /No conocemos un Acuerdo con el identificador “<script>window\.pwned=1<\/script>”/);
    assert.match(all, /“lang” aparece más de una vez; solo se usó el primero/);
    assert.match(all, /“<img src” no es un ajuste/);
    assert.match(all, /“acent” no es un ajuste .* ¿Quiso decir “accent”\?/);
    assert.match(all, /“shared” no lleva valor, pero se le dio “javascript:alert\(1\)”/);
    assert.match(all, /“Settlement” no es un ajuste .* ¿Quiso decir “settlement”\?/);
    assert.ok(!all.includes('\u202e'), 'no direction override reaches the page');
    assert.ok(items.every((i) => i.length < 300), 'long values are cut');
    // Nothing from the address became markup, script or style.
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(await page.locator('#param-problems script, #param-problems img').count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-accent')), false);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent')), '');
    assert.deepEqual(page.errors, []);
    // The page still works: Dismiss, then start.
    await page.click('#param-problems button');
    assert.equal(await page.locator('#param-problems').count(), 0);
    await page.click('#start-button');
    await page.waitForSelector('.question-page');
  } finally {
    await context.close();
  }
});

test('address settings: non-UTF-8, huge, too light, unknown settlement with a suggestion', async () => {
  const { context, page } = await open(env, { hash: `?lang=en&settlement=%FF&accent=ffcc00&${'b'.repeat(3000)}=1&embed=${'e'.repeat(300)}` });
  try {
    const all = await text(page, '#param-problems');
    assert.match(all, /The value of “settlement” is not readable text/);
    assert.match(all, /The accent colour #ffcc00 is too light for text to be read on it, so the darker #[0-9a-f]{6} is used/);
    assert.match(all, /“b{40}…” is not a setting/);
    assert.match(all, /The value of “embed” is too long, so it was ignored/);
    const used = all.match(/darker (#[0-9a-f]{6})/)[1];
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), used);
    assert.deepEqual(await axe(page, 'too-light accent'), []);
  } finally {
    await context.close();
  }
  const second = await open(env, { hash: '?settlement=conexin' });
  try {
    assert.match(await text(second.page, '#param-problems'), /We don't know a settlement with the id “conexin”\. Did you mean “connexin”\?/);
    assert.ok(await second.page.isVisible('#start'), 'an unknown settlement leaves the start screen');
  } finally {
    await second.context.close();
  }
});

for (const lang of ['en', 'es']) {
  test(`axe: zero violations in embed mode (${lang}, light and dark, settlement, question, results)`, async () => {
    const { context, page } = await open(env, { hash: `?embed&settlement=connexin&lang=${lang}&accent=1d4ed8`, locale: `${lang}-US` });
    try {
      const v = [];
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        v.push(...await axe(page, `${lang} ${scheme} settlement`));
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await page.click('#check-if-in');
      await page.waitForSelector('.question-page');
      v.push(...await axe(page, `${lang} question`));
      await walkIn(page, { notice: [['connexin', 'connexin']] });
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        v.push(...await axe(page, `${lang} ${scheme} results`));
      }
      assert.deepEqual(v, []);
      if (lang === 'es') {
        await page.setViewportSize({ width: 360, height: 800 });
        await page.emulateMedia({ colorScheme: 'light' });
        await shot(page, 'embed-alone-results-360');
      }
    } finally {
      await context.close();
    }
  });
}
