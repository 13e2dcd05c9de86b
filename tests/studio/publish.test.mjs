// The rule studio's done-when, in Chromium at 360 px: write a settlement from the template, see
// an error at its line, fix it, run its scenarios, preview the walk in the checker (English and
// Spanish), publish into a copy of the built dist/, and a checker served from the downloaded zip
// shows the new settlement and its deadline. The studio's output is byte for byte what
// `claimcheck pack` writes for the same rules. Then: the preview takes no pack from another
// site, keeps nothing, and the studio works offline after its first visit.
//
// Needs dist-studio/ (bash scripts/studio.sh --build) and the checker built into dist/.
// Run: node --test tests/studio/publish.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/serve.mjs';
import { answer, questionId, DEFAULTS, CHROMIUM_ARGS } from '../e2e/helpers.mjs';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import AxeBuilder from '../e2e/node_modules/@axe-core/playwright/dist/index.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STUDIO = path.join(ROOT, 'dist-studio');
const CHECKER = path.join(ROOT, 'dist');
const NOW = '2026-12-05T12:00:00-05:00';
const DEADLINE = { iso: '2027-03-31', en: 'March 31, 2027', es: '31 de marzo de 2027' };
const NAME = 'Example Company data breach settlement';
// In Spanish the checker says "Acuerdo de …" around the company's name (no name_es in the draft).
const NAME_ES = 'Acuerdo de Example Company';
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-publish-'));

let studio, browser, page;
const problems = [];
const requests = [];
let loaded = false;

before(async () => {
  assert.ok(fs.existsSync(path.join(STUDIO, 'preview.html')), 'dist-studio/ is missing: bash scripts/studio.sh --build');
  assert.ok(fs.existsSync(path.join(CHECKER, 'index.html')), 'dist/ is missing: build the checker first');
  studio = await serve(STUDIO);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, acceptDownloads: true, timezoneId: 'America/New_York' });
  await context.clock.setFixedTime(new Date(NOW));
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (loaded && !/^(blob|data):/.test(r.url())) requests.push(new URL(r.url()).pathname); });
  await page.goto(`${studio.url}studio.html`);
  await page.waitForSelector('body[data-ready="true"]');
  loaded = true;
});

after(async () => {
  await browser?.close();
  await studio?.close();
  fs.rmSync(TMP, { recursive: true, force: true });
});

const box = () => page.locator('#ed-settlement');
async function afterCheck(action) {
  const r = Number(await page.getAttribute('#main', 'data-revision'));
  await action();
  await page.waitForFunction((r) => Number(document.getElementById('main').dataset.revision) > r, r);
}

/** Answers the checker in `frame` (a page or a frame) from Start to the results, with a notice
 * from the draft's organisation. */
async function walkChecker(frame) {
  await frame.click('#start-button');
  await frame.waitForSelector('.question-page');
  for (let i = 0; i < 20; i++) {
    const id = await questionId(frame);
    if (!id) break;
    await answer(frame, id === 'notice' ? [['Example Comp', 'example-company']] : DEFAULTS[id]);
  }
  await frame.waitForSelector('#results');
  return frame.locator('#results').innerText();
}

async function previewFrame(lang) {
  await page.selectOption('#preview-lang', lang);
  await page.click('#preview-open');
  await page.waitForSelector('#preview[data-loaded="true"]');
  const frame = await (await page.$('#preview')).contentFrame();
  await frame.waitForSelector('#as-of');
  return frame;
}

test('template -> error at its line -> fixed -> scenarios pass', async () => {
  assert.match(await page.textContent('#problems-count'), /No problems/);
  // The author adds the claim deadline the source gives, misspelling its kind.
  const text = await box().inputValue();
  const deadline = `\n[[deadline]]\nkind = "clam"\ndate = { value = ${DEADLINE.iso}, source = "example-site" }\nchannels = ["online"]\nzone = "unknown"\n`;
  await box().focus();
  await box().evaluate((ta) => ta.setSelectionRange(ta.value.length, ta.value.length));
  await afterCheck(() => page.keyboard.insertText(deadline));
  const line = (text + deadline).split('\n').findIndex((l) => l === 'kind = "clam"') + 1;
  const item = page.locator('#problems li').first();
  assert.match(await item.locator('button').textContent(), new RegExp(`^example-company/settlement\\.toml:${line}:\\d+$`));
  assert.match(await item.textContent(), /clam/);
  assert.match(await item.textContent(), /claim/, 'the fix names the right kind');
  // Publishing is refused while a problem remains.
  await page.click('#preview-open');
  assert.match(await page.textContent('#preview-status'), /No preview: the rules have 1 problem/);
  // The problem puts the caret on its line; fix it there.
  await item.locator('button').click();
  const caret = await box().evaluate((ta) => ta.value.slice(0, ta.selectionStart).split('\n').length);
  assert.equal(caret, line);
  await box().evaluate((ta) => {
    const at = ta.value.indexOf('kind = "clam"') + 'kind = "'.length;
    ta.setSelectionRange(at, at + 'clam'.length);
  });
  await afterCheck(() => page.keyboard.type('claim'));
  assert.match(await page.textContent('#problems-count'), /No problems/);
  assert.match(await page.textContent('#scenarios-count'), /^3 passed, 0 failed/);
});

test('preview: the checker in a frame runs the draft, walked in English and in Spanish', async () => {
  const en = await previewFrame('en');
  assert.match(await page.textContent('#preview-status'), /runs the draft/);
  assert.match(await en.textContent('#preview-banner'), /Preview — draft catalogue/);
  const results = await walkChecker(en);
  assert.match(results, new RegExp(NAME));
  assert.match(results, new RegExp(DEADLINE.en));
  // The frame has an opaque origin: it can keep nothing.
  assert.equal(await en.evaluate(() => { try { return typeof localStorage.length; } catch { return 'blocked'; } }), 'blocked');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nor does the studio keep anything');
  await page.screenshot({ path: path.join(ROOT, 'tests/studio/preview-en-360.png'), fullPage: false });
  // The studio with the preview open (the checker inside the frame included): WCAG 2.2 AA.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);

  const es = await previewFrame('es');
  assert.equal(await es.getAttribute('html', 'lang').then((l) => l?.slice(0, 2)), 'es');
  const resultados = await walkChecker(es);
  assert.match(resultados, new RegExp(NAME_ES));
  assert.match(resultados, new RegExp(DEADLINE.es));
  await (await page.$('#preview')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ROOT, 'tests/studio/preview-es-360.png'), fullPage: false });
});

test('publish: the zip of the updated dist/ is what `claimcheck pack` writes, and shows the new settlement', async () => {
  // A folder that is not a built checker is refused, naming what is missing; nothing downloads.
  let downloads = 0;
  const count = () => downloads++;
  page.on('download', count);
  await page.setInputFiles('#publish-dist', path.join(ROOT, 'rules', 'comcast'));
  await page.waitForFunction(() => /^Not published/.test(document.getElementById('publish-status').textContent));
  assert.match(await page.textContent('#publish-status'), /^Not published: index\.html: missing from the built folder\.$/);
  assert.equal(await page.isVisible('#publish-done'), false);
  page.off('download', count);
  assert.equal(downloads, 0);

  const picked = path.join(TMP, 'picked', 'dist');
  fs.cpSync(CHECKER, picked, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.setInputFiles('#publish-dist', picked)]);
  assert.equal(download.suggestedFilename(), 'claimcheck-dist.zip');
  const zipFile = path.join(TMP, 'claimcheck-dist.zip');
  await download.saveAs(zipFile);
  assert.match(await page.textContent('#publish-status'), /^Published \d+ settlements: claimcheck-dist\.zip downloaded \(5 pack files written/);
  assert.equal(await page.isVisible('#publish-done'), true);
  const out = path.join(TMP, 'studio-out');
  execFileSync('unzip', ['-q', zipFile, '-d', out]);
  fs.rmSync(picked, { recursive: true }); // the picked folder was only read

  // The folder's files dropped on Publish instead (loose, as a browser gives files dragged from
  // another page): the same pages and worker.
  const top = fs.readdirSync(CHECKER, { withFileTypes: true }).filter((d) => d.isFile())
    .map((d) => [d.name, fs.readFileSync(path.join(CHECKER, d.name)).toString('base64')]);
  const [dropped] = await Promise.all([page.waitForEvent('download'), (async () => {
    const dt = await page.evaluateHandle((files) => {
      const d = new DataTransfer();
      for (const [n, b] of files) d.items.add(new File([Uint8Array.from(atob(b), (c) => c.charCodeAt(0))], n));
      return d;
    }, top);
    await page.dispatchEvent('#publish-drop', 'drop', { dataTransfer: dt });
  })()]);
  const out2 = path.join(TMP, 'studio-out-dropped');
  await dropped.saveAs(`${out2}.zip`);
  execFileSync('unzip', ['-q', `${out2}.zip`, '-d', out2]);
  for (const f of ['index.html', 'sw.js', 'claimcheck.html', '_headers']) {
    assert.ok(fs.readFileSync(path.join(out2, 'dist', f)).equals(fs.readFileSync(path.join(out, 'dist', f))), `${f}: dropped and picked differ`);
  }

  // The same rules through `claimcheck pack`: the bundled rules with the draft's files over them.
  const rules = path.join(TMP, 'rules');
  fs.cpSync(path.join(ROOT, 'rules'), rules, { recursive: true });
  const [rulesZip] = await Promise.all([page.waitForEvent('download'), page.click('#export-zip')]);
  await rulesZip.saveAs(path.join(TMP, 'rules.zip'));
  execFileSync('unzip', ['-qo', path.join(TMP, 'rules.zip'), '-d', TMP]);
  const cliDist = path.join(TMP, 'cli-dist');
  fs.cpSync(CHECKER, cliDist, { recursive: true });
  execFileSync('cargo', ['run', '-q', '--offline', '-p', 'claimcheck-cli', '--', 'pack', rules, '--out', cliDist], { cwd: ROOT, stdio: 'pipe' });
  const list = (dir) => execFileSync('find', ['.', '-type', 'f'], { cwd: dir }).toString().trim().split('\n').sort();
  assert.deepEqual(list(path.join(out, 'dist')), list(cliDist));
  for (const f of list(cliDist)) {
    assert.ok(fs.readFileSync(path.join(out, 'dist', f)).equals(fs.readFileSync(path.join(cliDist, f))), `${f} differs from claimcheck pack's`);
  }

  // A checker served from the zip shows the new settlement and its deadline.
  const site = await serve(path.join(out, 'dist'));
  try {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, timezoneId: 'America/New_York' });
    await ctx.clock.setFixedTime(new Date(NOW));
    const checker = await ctx.newPage();
    await checker.goto(site.url);
    await checker.waitForSelector('#as-of');
    const results = await walkChecker(checker);
    assert.match(results, new RegExp(NAME));
    assert.match(results, new RegExp(DEADLINE.en));
    await checker.screenshot({ path: path.join(ROOT, 'tests/studio/published-360.png'), fullPage: true });
    await ctx.close();
  } finally {
    await site.close();
  }
});

test('the preview page takes no pack from a page of another origin, and opened alone goes to the studio', async () => {
  const other = path.join(TMP, 'other');
  fs.mkdirSync(other);
  fs.writeFileSync(path.join(other, 'index.html'), `<!doctype html><title>host</title><iframe id="f" src="${studio.url}preview.html"></iframe>`);
  const host = await serve(other);
  try {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(host.url);
    const frame = await (await p.waitForSelector('#f')).contentFrame();
    await frame.waitForSelector('#preview-banner');
    // The other site answers the frame's request with a pack of its own (today's bundled pack,
    // from the one-file copy): the frame must not start with it.
    const table = fs.readFileSync(path.join(CHECKER, 'claimcheck.html'), 'utf8').match(/const texts = (\{.*\});\n/)[1];
    await p.evaluate((t) => {
      const f = document.getElementById('f');
      addEventListener('message', () => f.contentWindow.postMessage({ ccDraft: JSON.parse(t) }, '*'));
      f.contentWindow.postMessage({ ccDraft: JSON.parse(t) }, '*');
    }, table);
    await p.waitForTimeout(1500);
    assert.equal(await frame.$('#as-of'), null, 'the checker did not start with a pack from another site');
    await ctx.close();

    const alone = await browser.newPage();
    await alone.goto(`${studio.url}preview.html`);
    await alone.waitForURL(/studio\.html$/);
    await alone.close();
  } finally {
    await host.close();
  }
});

test('offline: after the first visit the studio and its preview work with no network', async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const p = await ctx.newPage();
  await p.goto(`${studio.url}studio.html`);
  await p.waitForSelector('body[data-ready="true"]');
  await p.evaluate(async () => { await navigator.serviceWorker.ready; });
  await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await ctx.setOffline(true);
  await p.reload();
  await p.waitForSelector('body[data-ready="true"]');
  assert.match(await p.textContent('#problems-count'), /No problems/);
  await p.click('#preview-open');
  await p.waitForSelector('#preview[data-loaded="true"]');
  const frame = await (await p.$('#preview')).contentFrame();
  await frame.waitForSelector('#as-of');
  await ctx.close();
});

test('the studio page requested nothing but the preview page after it loaded', async () => {
  assert.deepEqual([...new Set(requests)], ['/preview.html']);
  assert.deepEqual(problems, []);
});
