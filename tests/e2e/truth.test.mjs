// Issue 13, item 7 (every sentence true on the day shown) and item 2 (the "no settlement found"
// notes): walked in the built app with the browser's clock set by page.clock.
//  - the fee warning tells the person to claim on the official site only while a claim can
//    still be made;
//  - opt-out and objection rows no source dates read "most likely over" long after claims closed;
//  - Spanish pages: Capital One's name in Spanish, a translated class definition said to be ours
//    (the source's English words quoted beside it, lang="en"), the court's name marked lang="en";
//  - picking Aflac, Conduent, Change Healthcare, Ticketmaster, PowerSchool or Ascension shows
//    "no class settlement found in our sources as of" the pack's date.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, open, walk, text, noonNY, shot, shortDate, ROOT } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const CLAIM_HERE = 'Claim for free on the official website listed here';
// The date the facts were checked, as the pack states it (rules/pack.toml).
const PACK_DATE = fs.readFileSync(path.join(ROOT, 'rules', 'pack.toml'), 'utf8').match(/^checked_on = (\d{4}-\d{2}-\d{2})/m)[1];

test('the fee warning says "claim on the official website" only while claims are open', async () => {
  // Connexin's claim deadline is 2024-07-25 (rules/connexin): before it, and long after it.
  const early = await open(env, { now: noonNY('2024-07-01') });
  await walk(early.page, { notice: [['office practicum', 'connexin']] });
  assert.ok((await text(early.page, '#scam-warning')).includes(CLAIM_HERE), 'open: claim here');
  await early.context.close();

  const late = await open(env, { now: noonNY('2026-12-04') });
  await walk(late.page, { notice: [['office practicum', 'connexin']] });
  const warning = await text(late.page, '#scam-warning');
  assert.ok(!warning.includes(CLAIM_HERE), `closed: no "claim here": ${warning}`);
  assert.match(warning, /no one can file a claim for you after the deadline/);
  const card = await text(late.page, '[data-testid="settlement-connexin"]');
  assert.ok(!card.includes('Claiming is free.'), `closed card: ${card.slice(0, 300)}`);
  await late.page.click('#to-summary');
  await late.page.waitForSelector('#answers-list');
  assert.ok(!(await text(late.page, '.alert-info')).includes(CLAIM_HERE), 'summary, closed');
  await late.context.close();

  const page2 = await open(env, { hash: '#/settlement/connexin', now: noonNY('2026-12-04'), waitFor: '[data-testid="page-connexin"]' });
  const hint = await text(page2.page, '.official .hint');
  assert.ok(!hint.includes(CLAIM_HERE), `settlement page, closed: ${hint}`);
  assert.ok(!hint.includes('Claiming is free.'), `settlement page, closed: ${hint}`);
  await page2.context.close();
});

test('Capital One: enrollment is open until 2028, so "claim here" stays', async () => {
  const { page, context } = await open(env, { hash: '#/settlement/capital-one', now: noonNY('2026-12-04'), waitFor: '[data-testid="page-capital-one"]' });
  assert.ok((await text(page, '.official .hint')).includes(CLAIM_HERE));
  await context.close();
});

test('opt-out and objection rows no source dates are "most likely over" long after claims closed', async () => {
  // Nuance: claims closed 2025-12-24 (sourced); opt-out, objection and hearing unverified.
  const { page, context } = await open(env, { hash: '#/settlement/nuance', now: noonNY('2026-12-04'), waitFor: '[data-testid="page-nuance"]', width: 360 });
  for (const kind of ['opt_out', 'objection']) {
    const row = page.locator(`tr.deadline[data-kind="${kind}"]`).first();
    const words = (await row.innerText()).replace(/\s+/g, ' ');
    assert.ok(!/Date not confirmed$/.test(words.trim()), `${kind}: ${words}`);
    assert.ok(words.includes(`most likely over: claims closed on ${shortDate('2025-12-24')}`), words);
    assert.equal(await row.getAttribute('data-state'), 'closed');
  }
  await shot(page, 'truth-nuance-optout-360');
  await context.close();

  // While claims are still open, the same rows stay "not confirmed".
  const early = await open(env, { hash: '#/settlement/nuance', now: noonNY('2025-12-01'), waitFor: '[data-testid="page-nuance"]' });
  const row = early.page.locator('tr.deadline[data-kind="opt_out"]').first();
  assert.match(await row.innerText(), /Date not confirmed/);
  await early.context.close();
});

test('Spanish: Capital One has a Spanish name; a translated class definition is said to be ours; courts are lang="en"', async () => {
  const { page, context } = await open(env, { hash: '#/settlement/capital-one', now: noonNY('2026-12-04'), locale: 'es-US', waitFor: '[data-testid="page-capital-one"]' });
  assert.equal(await text(page, '#page-heading'), 'Capital One (violación de datos de 2019)');
  await page.goto(`${env.server.url}#/settlement/connexin`);
  await page.waitForSelector('[data-testid="page-connexin"]');
  const def = page.locator('.clause-group').first();
  const translation = await def.locator('.clause-translation').innerText();
  assert.match(translation, /^Traducción nuestra:/);
  assert.ok(!/[“”]/.test(translation), `our translation is not in quotation marks: ${translation}`);
  const original = def.locator('.clause-original [lang="en"]');
  assert.match(await original.innerText(), /^“All .*”$/s);
  const court = page.locator('.fact-value[lang="en"]', { hasText: 'Eastern District of Pennsylvania' });
  assert.equal(await court.count(), 1);
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'truth-connexin-es-360');
  await context.close();
});

test('English pages quote the class definition as before (no translation label)', async () => {
  const { page, context } = await open(env, { hash: '#/settlement/connexin', now: noonNY('2026-12-04'), waitFor: '[data-testid="page-connexin"]' });
  const def = page.locator('.clause-group').first();
  assert.equal(await def.locator('.clause-translation').count(), 0);
  assert.match(await def.locator('blockquote p').first().innerText(), /^“All .*”$/s);
  await context.close();
});

const NONE_FOUND = [
  ['aflac', 'aflac', 'Aflac'],
  ['conduent', 'conduent', 'Conduent'],
  ['change healthcare', 'change-healthcare', 'Change Healthcare'],
  ['ticketmaster', 'ticketmaster', 'Ticketmaster'],
  ['powerschool', 'powerschool', 'PowerSchool'],
  ['ascension', 'ascension', 'Ascension'],
];

test('"no settlement found in our sources as of" the pack date, for each organisation picked', async () => {
  const { page, context } = await open(env, { now: noonNY('2026-12-04') });
  await walk(page, { notice: NONE_FOUND.map(([q, id]) => [q, id]) });
  const items = page.locator('#org-notes li');
  for (const [, , name] of NONE_FOUND) {
    const li = items.filter({ hasText: name }).first();
    assert.match((await li.innerText()).replace(/\s+/g, ' '),
      new RegExp(`No class settlement found in our sources as of ${PACK_DATE}`), name);
  }
  await shot(page, 'truth-none-found');
  await context.close();
});

test('NSC: one line for the Unique ID and PIN, not two wordings side by side', async () => {
  // Claims were open until 2025-05-26 (rules/nsc); "what to gather" shows only while open.
  const { page, context } = await open(env, { now: noonNY('2025-05-01') });
  await walk(page, { notice: [['student clearinghouse', 'nsc']] });
  const items = page.locator('[data-testid="settlement-nsc"] [data-testid="evidence"] li');
  const lines = (await items.allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
  assert.equal(lines.filter((l) => /Unique ID|Class Member ID|PIN/.test(l)).length, 1, lines.join(' | '));
  await context.close();
});

test('Pipes v. Ipswitch: nothing to claim, and no sentence sends the person to check a deadline', async () => {
  const { page, context } = await open(env, { now: noonNY('2026-12-04') });
  await walk(page, { notice: [['louisiana', 'louisiana-omv']] });
  const card = page.locator('[data-testid="settlement-pipes-ipswitch"]');
  const said = (await card.innerText()).replace(/\s+/g, ' ');
  assert.match(said, /No settlement was found in our sources as of December 4, 2026, so there is nothing to claim now\./);
  assert.doesNotMatch(said, /Check the deadline|We could not confirm the claim deadline|What you can get/, said);
  await context.close();
});

test('the MOVEit MDL card names the settlements reached inside it or beside it', async () => {
  const { page, context } = await open(env, { now: noonNY('2026-12-04') });
  await walk(page, { notice: [['delta dental', 'delta-dental-ca']] });
  const card = (await page.locator('[data-testid="settlement-moveit-mdl"]').textContent()).replace(/\s+/g, ' ');
  for (const name of ['Bank of Canton', 'Union Bank & Trust', 'GRIPA', 'Nuance', 'Sovos']) {
    assert.ok(card.includes(name), `${name} in the MDL card`);
  }
  assert.doesNotMatch(card, /There is no settlement yet/);
  await context.close();
});
