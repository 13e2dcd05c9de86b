// The rule studio (dist-studio/, built by scripts/studio.sh): the wizard's writer against the
// engine in node, then the page in Chromium: template -> error at its line -> fix -> scenarios
// pass, flow SVG, unverified list, the wizard in the page, the zip export, axe, no request after
// load. Prints the keystroke-to-errors time for the largest bundled settlement (not asserted).
//
// Run: bash scripts/studio.sh   (or, once built: node --test tests/studio/studio.test.mjs)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../e2e/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist-studio');
const require = createRequire(path.join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');
const { default: AxeBuilder } = require('@axe-core/playwright');
let server, browser, page, base;
const problems = [];
const requests = [];
let loaded = false;

const wizardModule = () => import(pathToFileURL(path.join(DIST, 'wizard.js')).href);
async function engineInNode() {
  const glue = await import(pathToFileURL(path.join(DIST, 'claimcheck_studio.js')).href);
  glue.initSync({ module: await readFile(path.join(DIST, 'claimcheck_studio_bg.wasm')) });
  return glue;
}

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'studio.html')), 'dist-studio/ is missing: run bash scripts/studio.sh');
  server = await serve(DIST);
  base = server.url.replace(/\/$/, '');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => {
    if (loaded && !/^(blob|data):/.test(r.url())) requests.push(r.url());
  });
  await page.goto(`${base}/studio.html`);
  await page.waitForSelector('body[data-ready="true"]');
  loaded = true;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const settlementBox = () => page.locator('#ed-settlement');
async function revision() {
  return Number(await page.getAttribute('#main', 'data-revision'));
}
async function afterCheck(action) {
  const r = await revision();
  await action();
  await page.waitForFunction((r) => Number(document.getElementById('main').dataset.revision) > r, r);
}

test('the wizard writer: every form the wizard can send loads, unsourced values are unverified', async () => {
  const w = await wizardModule();
  const engine = await engineInNode();
  const bundled = JSON.parse(engine.bundled_files());
  const shared = bundled.filter(([l]) => /^rules\/[a-z]+\.toml$/.test(l));
  const form = {
    name: 'Acme Widgets data breach settlement', id: 'acme-widgets', incidentFamily: 'acme-2025',
    summaryEn: 'Acme Widgets settled a class action over a 2025 data breach.',
    summaryEs: 'Acme Widgets llegó a un Acuerdo en una demanda colectiva por una violación de datos de 2025.',
    organisations: [{ name: 'Acme Widgets', aliases: 'Acme, Acme Widgets Inc.' }, { name: 'Acme Payroll', aliases: '' }],
    sources: [{ id: 'acme-site', href: 'https://acme.example/settlement', title: 'Acme settlement site', checked: '2026-11-24' }],
    status: 'claims_open', statusSource: '', website: 'https://acme.example/settlement', websiteSource: 'acme-site',
    benefits: [
      { id: 'cash', kind: 'flat_cash', nameEn: 'Cash payment', nameEs: 'Pago en efectivo', amount: '', source: '' },
      { id: 'share', kind: 'pro_rata_cash', nameEn: 'Fund share', nameEs: 'Parte del fondo', amount: '$50', source: 'acme-site' },
    ],
    combine: 'one_of',
    deadlines: [
      { kind: 'claim', date: '2027-01-15', source: 'acme-site', channels: ['online', 'postmark'], time: '', zone: 'unknown' },
      { kind: 'opt_out', date: '2027-01-01', source: '', channels: [], time: '', zone: 'ET' },
    ],
    today: '2026-11-24',
  };
  const st = w.settlementToml(form);
  const orgs = shared.find(([l]) => l === 'rules/organisations.toml')[1];
  const files = [
    ...shared.map(([l, t]) => (l === 'rules/organisations.toml' ? [l, t + w.organisationsToml(form, t)] : [l, t])),
    ['rules/acme-widgets/settlement.toml', st],
    ['rules/acme-widgets/scenarios.toml', w.scenariosToml(form)],
  ];
  const a = JSON.parse(engine.analyse(JSON.stringify(files), 'acme-widgets'));
  assert.deepEqual(a.errors, [], st);
  assert.equal(a.scenarios.length, 4);
  assert.ok(a.scenarios.every((s) => s.pass), JSON.stringify(a.scenarios));
  // No source for the status or the cash amount: both unverified, with the wizard's reason.
  const paths = a.unverified.map((u) => u.path).join(' ');
  assert.match(paths, /status/);
  assert.match(paths, /amount/);
  assert.ok(a.unverified.every((u) => u.reason.length > 20));
  // The unsourced opt-out deadline is left out, not written with a made-up source.
  assert.doesNotMatch(st, /opt_out/);
  assert.doesNotMatch(st, /=\s*""/);
  // An organisation already in organisations.toml is not added twice.
  assert.equal(w.organisationsToml({ organisations: [{ name: 'Connexin' }] }, orgs), '');
});

test('template: an error at its line with the fix, fixed, scenarios pass, flow and unverified shown', async () => {
  assert.match(await page.textContent('#problems-count'), /No problems/);
  assert.match(await page.textContent('#scenarios-count'), /^3 passed, 0 failed/);

  // Type a wrong letter into the route's level, as an author would.
  const text = await settlementBox().inputValue();
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('level = "likely"')) + 1;
  assert.ok(line > 0);
  const offset = lines.slice(0, line - 1).join('\n').length + 1 + 'level = "likely'.length;
  await settlementBox().focus();
  await settlementBox().evaluate((ta, at) => ta.setSelectionRange(at, at), offset);
  await afterCheck(() => page.keyboard.type('y'));
  const item = page.locator('#problems li').first();
  const where = await item.locator('button').textContent();
  assert.match(where, new RegExp(`^example-company/settlement\\.toml:${line}:\\d+$`));
  assert.match(await item.textContent(), /likely/);
  assert.match(await page.textContent('#scenarios-count'), /once the problems above are fixed/);

  // The problem takes the caret to its line; fix it from the keyboard.
  await item.locator('button').click();
  const caretLine = await settlementBox().evaluate((ta) => ta.value.slice(0, ta.selectionStart).split('\n').length);
  assert.equal(caretLine, line);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ed-settlement');
  await settlementBox().evaluate((ta, at) => ta.setSelectionRange(at + 1, at + 1), offset);
  await afterCheck(() => page.keyboard.press('Backspace'));
  assert.match(await page.textContent('#problems-count'), /No problems/);
  assert.match(await page.textContent('#scenarios-count'), /^3 passed, 0 failed/);

  // A scenario that expects the wrong verdict fails and says what differed.
  const sc = page.locator('#ed-scenarios');
  const before = await sc.inputValue();
  await afterCheck(() => sc.fill(before.replace('expect.verdict = "likely"', 'expect.verdict = "member"')));
  assert.match(await page.textContent('#scenarios-count'), /^2 passed, 1 failed/);
  assert.match(await page.textContent('#scenarios .fail'), /verdict: expected member, got likely/);
  await afterCheck(() => sc.fill(before));

  // The flow as SVG, with the verdicts the template's route reaches.
  const nodes = await page.locator('#flow svg g.node text').allTextContents();
  assert.ok(nodes.includes('likely') && nodes.includes('not member') && nodes.includes('start'), nodes.join());
  // The unverified values, with the wizard's reason.
  assert.ok(await page.locator('#unverified li').count() >= 3);
  assert.match(await page.textContent('#unverified'), /case\.status.*no source/s);
  await page.screenshot({ path: path.join(ROOT, 'tests/studio/studio-360.png'), fullPage: true });
});

test('the wizard in the page writes files that load and whose scenarios pass', async () => {
  await page.click('#wizard-open');
  await page.fill('#w-name', 'Globex Corporation data breach settlement');
  await page.fill('#w-sum-en', 'Globex settled a class action over a data breach.');
  await page.fill('#w-sum-es', 'Globex llegó a un Acuerdo en una demanda colectiva por una violación de datos.');
  const src = page.locator('.row[data-kind="source"]');
  await src.locator('[data-key="id"]').fill('globex-site');
  await src.locator('[data-key="href"]').fill('https://globex.example/notice');
  await src.locator('[data-key="title"]').fill('Globex settlement site');
  await src.locator('[data-key="checked"]').fill('2026-11-20');
  await page.locator('.row[data-kind="org"] [data-key="name"]').fill('Globex Corporation');
  await page.locator('.row[data-kind="org"] [data-key="aliases"]').fill('Globex, Globex Corp');
  const dl = page.locator('.row[data-kind="deadline"]');
  await dl.locator('[data-key="date"]').fill('2027-02-01');
  await dl.locator('[data-key="source"]').fill('globex-site');
  await dl.locator('input[value="online"]').check();
  const results = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  const wiz = await results.analyze();
  assert.deepEqual(wiz.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  await page.screenshot({ path: path.join(ROOT, 'tests/studio/wizard-360.png'), fullPage: true });
  await afterCheck(() => page.click('#wizard-form button[type="submit"]'));
  assert.equal(await page.inputValue('#focus'), 'globex-corporation-data-breach-settlement');
  assert.match(await page.textContent('#problems-count'), /No problems/);
  assert.match(await page.textContent('#scenarios-count'), /^3 passed, 0 failed/);
  assert.match(await settlementBox().inputValue(), /date = \{ value = 2027-02-01, source = "globex-site" \}/);
});

test('export: the zip holds the settlement folder and the shared files', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-zip')]);
  const file = await download.path();
  const list = execFileSync('unzip', ['-Z1', file]).toString().trim().split('\n').sort();
  assert.deepEqual(list, [
    'rules/globex-corporation-data-breach-settlement/scenarios.toml',
    'rules/globex-corporation-data-breach-settlement/settlement.toml',
    'rules/organisations.toml', 'rules/pack.toml', 'rules/questions.toml',
  ]);
  execFileSync('unzip', ['-tq', file]); // CRCs check out
  const st = execFileSync('unzip', ['-p', file, 'rules/globex-corporation-data-breach-settlement/settlement.toml']).toString();
  assert.equal(st, await settlementBox().inputValue());
});

test('keystroke to updated errors, largest bundled settlement (printed); axe; nothing requested', async () => {
  const largest = readdirSync(path.join(ROOT, 'rules'))
    .filter((d) => existsSync(path.join(ROOT, 'rules', d, 'settlement.toml')))
    .sort((a, b) => statSync(path.join(ROOT, 'rules', b, 'settlement.toml')).size - statSync(path.join(ROOT, 'rules', a, 'settlement.toml')).size)[0];
  await page.selectOption('#bundled', largest);
  await afterCheck(() => page.click('#bundled-open'));
  assert.match(await page.textContent('#problems-count'), /No problems/);
  await settlementBox().focus();
  await settlementBox().evaluate((ta) => ta.setSelectionRange(ta.value.length, ta.value.length));
  const r = await revision();
  const t0 = Date.now();
  await page.keyboard.type('x');
  await page.waitForFunction((r) => Number(document.getElementById('main').dataset.revision) > r, r);
  const total = Date.now() - t0;
  const engineMs = await page.getAttribute('#main', 'data-analyse-ms');
  console.log(`studio: keystroke to updated errors for ${largest} (whole bundled pack): ${total} ms (200 ms pause after typing + ${engineMs} ms checking and drawing)`);
  assert.match(await page.textContent('#problems-count'), /problem/);
  assert.doesNotMatch(await page.textContent('#problems-count'), /No problems/);

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  assert.deepEqual(requests, [], 'no request after load');
  assert.deepEqual(problems, []);
});

test('nothing is stored unless the author opts in; a kept draft comes back after a reload', async () => {
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await page.check('#keep');
  const text = await settlementBox().inputValue();
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.isChecked('#keep'), true);
  assert.match(await page.textContent('#status'), /draft kept/);
  assert.equal(await settlementBox().inputValue(), text);
  await page.uncheck('#keep');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
});

test('open a settlement folder with the picker, then drop an edited settlement.toml on the page', async () => {
  const { mkdtempSync, mkdirSync, copyFileSync } = await import('node:fs');
  const tmp = mkdtempSync(path.join((await import('node:os')).tmpdir(), 'studio-'));
  const dir = path.join(tmp, 'maxim-healthcare');
  mkdirSync(dir);
  for (const f of ['settlement.toml', 'scenarios.toml']) copyFileSync(path.join(ROOT, 'rules/maxim-healthcare', f), path.join(dir, f));
  await afterCheck(() => page.setInputFiles('#folder', dir));
  assert.equal(await page.inputValue('#focus'), 'maxim-healthcare');
  assert.match(await page.textContent('#problems-count'), /No problems/);
  assert.match(await page.textContent('#scenarios-count'), /^3 passed, 0 failed/);

  // A dropped settlement.toml replaces the one being edited; its error is reported at its line.
  const text = (await readFile(path.join(dir, 'settlement.toml'), 'utf8')).replace(/^detail = "short"/m, 'detail = "shrt"');
  const line = text.split('\n').findIndex((l) => l.startsWith('detail =')) + 1;
  await afterCheck(async () => {
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'settlement.toml'));
      return d;
    }, text);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: dt });
  });
  assert.equal(await page.inputValue('#focus'), 'maxim-healthcare', await page.textContent('#status'));
  assert.match(await page.textContent('#status'), /dropped: 1 file/);
  assert.match(await settlementBox().inputValue(), /shrt/, await page.textContent('#problems-count'));
  assert.match(await page.textContent('#problems'), new RegExp(`^maxim-healthcare/settlement\\.toml:${line}:\\d+ .*shrt`), `${await page.textContent('#problems-count')} ${await page.textContent('#scenarios-count')}`);
  assert.equal(await page.locator('#problems li button').count(), 1);
  // The scenarios of the settlement stay: only the dropped file was replaced.
  assert.match(await settlementBox().inputValue(), /shrt/);
  assert.match(await page.inputValue('#ed-scenarios'), /\[\[scenario\]\]/);
});
