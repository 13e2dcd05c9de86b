// What a person reads must be true on the day they read it. With the browser clock before, on and
// after the Connexin claim deadline (and for Arietis, whose status and deadline are unknown), the
// results card and the settlement page show the texts that apply that day, read from the rule
// files here, and never say "closed" beside "open until".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import {
  setup, open, walk, text, settlementToml, claimDate, shortDate, longDate, addDays, noonNY, shot, ROOT, SHOTS,
} from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** The `{ en, es }` texts of a top-level list (`next_steps`, `after_close`) of a rule file. */
function texts(id, key) {
  const toml = settlementToml(id);
  const start = toml.indexOf(`\n${key} = [\n`);
  if (start < 0) return [];
  const block = toml.slice(start, toml.indexOf('\n]', start + 1));
  const s = '((?:[^"\\\\]|\\\\.)*)';
  const re = new RegExp(`\\{ en = "${s}", es = "${s}" \\}`, 'g');
  const unescape = (x) => JSON.parse(`"${x}"`);
  return [...block.matchAll(re)].map((m) => ({ en: unescape(m[1]), es: unescape(m[2]) }));
}

/** The pack's date: the day the sourced status was true. */
const AS_OF = fs.readFileSync(path.join(ROOT, 'rules', 'pack.toml'), 'utf8').match(/^checked_on = (\d{4}-\d{2}-\d{2})/m)[1];

/** axe-core, WCAG 2.2 AA: the new headings and lines must add no violation. */
async function noAxeViolations(page, label) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.ok(r.passes.length > 20, `${label}: axe ran`);
  assert.deepEqual(r.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), []);
}

const flat = (s) => s.replace(/\s+/g, ' ').trim();

/** A card's or page's words without its dates table (where a past opt-out date is "Closed"). */
async function words(locator) {
  return flat(await locator.evaluate((el) => {
    const c = el.cloneNode(true);
    c.querySelectorAll('.dates, .dates-table, table').forEach((t) => t.remove());
    return c.innerText ?? c.textContent;
  }));
}

const CLOSED = /\bclosed\b|no longer|has passed/i;

const ID = 'connexin';
const DATE = claimDate(ID);
const NEXT = texts(ID, 'next_steps');
const AFTER = texts(ID, 'after_close');

test('connexin rule texts: summary and next steps say the date, never that claims are closed', () => {
  assert.ok(DATE, 'connexin has a sourced claim date');
  assert.ok(NEXT.length >= 2 && AFTER.length >= 1);
  const summary = settlementToml(ID).match(/^summary = \{ en = "((?:[^"\\]|\\.)*)"/m)[1];
  for (const t of [summary, ...NEXT.map((x) => x.en)]) assert.doesNotMatch(t, CLOSED, t);
  assert.ok(summary.includes(shortDate(DATE)), 'the summary states the claim deadline');
});

const DAYS = [
  ['10 days before', addDays(DATE, -10), 'open'],
  ['on the day of', DATE, 'open'],
  ['2 days after', addDays(DATE, 2), 'closed'],
];

for (const [label, day, phase] of DAYS) {
  test(`connexin results card ${label} the claim deadline (${day}): the texts for that day`, async () => {
    const { page, context } = await open(env, { now: noonNY(day) });
    await walk(page, { notice: [['office practicum', 'connexin']] });
    const card = page.locator(`[data-testid="settlement-${ID}"]`).first();
    await card.waitFor();
    // What to do and keep is folded in the card (answer first); open every fold to read it.
    await card.locator('details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
    const said = await words(card);
    const next = card.locator('[data-testid="next-steps"]');
    const afterClose = card.locator('[data-testid="after-close"]');
    if (phase === 'open') {
      assert.equal(await afterClose.count(), 0, 'nothing "after the close" while claims are open');
      assert.equal(await next.locator('h3').innerText(), 'What to do next');
      assert.equal(flat(await next.locator('li').first().innerText()), NEXT[0].en);
      assert.doesNotMatch(said, CLOSED, `no "closed" while claims are open: ${said}`);
      assert.match(said, day === DATE ? /is the last day to file a claim/ : /Claims are open until .* \(10 days left\)/);
      assert.ok(said.includes(longDate(DATE)));
    } else {
      assert.equal(await next.count(), 0, 'no next steps for filing after the close');
      assert.equal(await afterClose.locator('h3').innerText(), 'Now that claims have closed');
      const items = (await afterClose.locator('li').allInnerTexts()).map(flat);
      assert.deepEqual(items, AFTER.map((x) => x.en));
      assert.doesNotMatch(said, /open until|last day to file/i);
      assert.ok(said.includes(`Claims closed on ${shortDate(DATE)}.`));
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    await card.screenshot({ path: path.join(SHOTS, `dated-connexin-card-${phase}-${day}.png`) });
    await noAxeViolations(page, `connexin results ${day}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test(`connexin page ${label} the claim deadline (${day}): status line and guidance agree`, async () => {
    const { page, context } = await open(env, { hash: `#/settlement/${ID}`, now: noonNY(day) });
    const p = page.locator(`[data-testid="page-${ID}"]`);
    await p.waitFor();
    const line = await text(page, '.status-line');
    const headings = (await p.locator('h2').allInnerTexts()).map(flat);
    if (phase === 'open') {
      // The sourced "claims closed" was true on the pack's date, not today: not on the line.
      assert.doesNotMatch(line, CLOSED, line);
      assert.match(line, day === DATE ? /is the last day to file a claim/ : /^Claims are open until .* \(10 days left\)\.$/);
      assert.ok(headings.includes('What to do next'));
      assert.ok(!headings.some((h) => /closed/i.test(h)), headings.join(' | '));
      assert.ok((await words(p.locator('.next-steps-list'))).includes(NEXT[0].en));
      // The case facts keep the sourced status, dated.
      assert.ok((await text(page, '.facts')).includes(`As of ${shortDate(AS_OF)}: claims closed`));
      assert.doesNotMatch(await text(page, '.summary'), CLOSED);
    } else {
      assert.equal(line, `Claims closed · Claims closed on ${shortDate(DATE)}.`);
      assert.ok(headings.includes('Now that claims have closed'));
      assert.ok(!headings.includes('What to do next'));
      assert.ok((await words(p.locator('.after-close-list'))).includes(AFTER[0].en));
    }
    await shot(page, `dated-connexin-page-${phase}-${day}`);
    await noAxeViolations(page, `connexin page ${day}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('browse, 10 days before the connexin deadline: its line says open, not closed', async () => {
  const { page, context } = await open(env, { hash: '#/browse', now: noonNY(addDays(DATE, -10)) });
  const item = flat(await page.locator(`.browse-item[data-settlement="${ID}"]`).innerText());
  assert.match(item, /Claims are open until .* \(10 days left\)/);
  assert.doesNotMatch(item, CLOSED);
  // No line anywhere in the list puts "closed" beside "open until".
  for (const line of await page.locator('.browse-status').allInnerTexts()) {
    assert.ok(!(/open until/.test(line) && CLOSED.test(line)), line);
  }
  await context.close();
});

test('arietis (status and deadline unknown): both texts under honest headings, in English and Spanish', async () => {
  const next = texts('arietis', 'next_steps');
  const afterClose = texts('arietis', 'after_close');
  assert.equal(claimDate('arietis'), null);
  assert.match(settlementToml('arietis'), /^status = \{ unverified/m);
  const { page, context } = await open(env, { hash: '#/settlement/arietis', now: noonNY(AS_OF), locale: 'es-US' });
  const p = page.locator('[data-testid="page-arietis"]');
  await p.waitFor();
  const check = async (lang, ifOpen, ifClosed, closedNow, unknown) => {
    const headings = (await p.locator('h2').allInnerTexts()).map(flat);
    assert.ok(headings.includes(ifOpen), headings.join(' | '));
    assert.ok(headings.includes(ifClosed), headings.join(' | '));
    assert.ok(!headings.includes(closedNow), `"${closedNow}" on a page whose status is unknown`);
    assert.equal(flat(await p.locator('[data-testid="next-steps"] li').first().innerText()), next[0][lang]);
    assert.deepEqual((await p.locator('[data-testid="after-close"] li').allInnerTexts()).map(flat), afterClose.map((x) => x[lang]));
    assert.ok((await text(page, '.status-line')).startsWith(unknown));
  };
  await check('es', 'Si todavía se pueden presentar reclamos', 'Si los reclamos ya cerraron', 'Ahora que los reclamos cerraron', 'Estado desconocido');
  await shot(page, 'dated-arietis-page-es');
  await noAxeViolations(page, 'arietis page (es)');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en-US');
  await check('en', 'If claims are still open', 'If claims have closed', 'Now that claims have closed', 'Status unknown');
  assert.deepEqual(page.errors, []);
  await context.close();
});
