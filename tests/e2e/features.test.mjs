// Back keeps answers, Browse, language switch, save and forget, migration of old saves,
// validation messages, the organisation combo box by keyboard, the calendar file, stale
// warnings, accessibility (axe), and that nothing leaves the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import {
  setup, open, walk, settlementToml, answer, questionId, text, exists, settlementName, claimDate, addDays, noonNY, shortDate,
} from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const FULL = ['connexin', 'comcast', 'capital-one', 'moveit-mdl', 'pipes-ipswitch', 'sovos', 'nsc',
  'nuance', 'cadence', 'johns-hopkins', 'arietis', 'paycom'].filter(exists);

test('Back returns to the previous question with its answer kept', async () => {
  const { page, context } = await open(env, { now: noonNY('2026-11-24') });
  await page.click('#start-button');
  await page.waitForSelector('[data-question="notice"]');
  assert.equal(await text(page, '#q-progress'), 'Question 1');
  await answer(page, [['office practicum', 'connexin'], ['xfinity', 'comcast']]);
  const second = await questionId(page);
  assert.equal(await text(page, '#q-progress'), 'Question 2');
  await answer(page, 'self');
  const third = await questionId(page);
  assert.notEqual(third, second);
  await page.click('#back');
  await page.waitForSelector(`[data-question="${second}"]`);
  assert.equal(await page.isChecked('input[data-value="self"]'), true);
  // Focus is on the question's heading.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-heading');
  await page.click('#back');
  await page.waitForSelector('[data-question="notice"]');
  assert.equal(await page.locator('#org-chips [data-org]').count(), 2);
  // The browser's own Back works too.
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/' || !!document.querySelector('[data-question]'));
  await context.close();
});

test('Browse lists every settlement, and each full settlement has its own page with sources', async () => {
  const { page, context } = await open(env, { hash: '#/browse', now: noonNY('2026-11-24') });
  await page.waitForSelector('#browse-list');
  assert.ok((await page.locator('#browse-list > li').count()) >= FULL.length);
  for (const id of FULL) {
    await page.goto(`${env.server.url}#/settlement/${id}`);
    await page.waitForSelector(`[data-testid="page-${id}"]`);
    assert.equal(await text(page, 'h1'), settlementName(id));
    assert.ok((await page.locator('#sources a[href^="http"]').count()) >= 1, `${id} shows its sources`);
    const date = claimDate(id);
    if (date) assert.ok((await page.innerText('main')).includes(shortDate(date)) || (await page.innerText('main')).includes(date));
  }
  await page.goto(`${env.server.url}#/settlement/no-such-thing`);
  await page.waitForSelector('h1');
  assert.equal(await text(page, 'h1'), "We don't know that settlement.");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('language switch keeps the answers and updates <html lang>', async () => {
  const date = claimDate('connexin');
  const { page, context } = await open(env, { now: noonNY(addDays(date, 2)) });
  await page.click('#start-button');
  await page.waitForSelector('[data-question="notice"]');
  await answer(page, [['office practicum', 'connexin']]);
  await page.check('input[data-value="self"]');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'es-US');
  assert.equal(await text(page, 'h1'), '¿Para quién está haciendo esta consulta?');
  assert.equal(await page.isChecked('input[data-value="self"]'), true, 'the draft answer survives');
  assert.match(await text(page, '#privacy-line'), /Sus respuestas se quedan en este dispositivo/);
  await page.click('#continue');
  await page.waitForSelector('#results');
  const c = page.locator('[data-testid="settlement-connexin"]');
  assert.match(await c.innerText(), /Probablemente usted forma parte del grupo de demandantes del Acuerdo de Connexin/);
  assert.match(await c.innerText(), /Los reclamos cerraron el 25 de julio de 2024/);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en-US');
  assert.match(await c.innerText(), /Claims closed on July 25, 2024/);
  await context.close();
});

test('nothing is stored unless asked; saved answers resume after reload; Forget erases them', async () => {
  const { page, context } = await open(env, { now: noonNY('2026-11-24') });
  await page.click('#start-button');
  await page.waitForSelector('[data-question="notice"]');
  await answer(page, [['office practicum', 'connexin']]);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored without the tick');
  await page.check('#save-answers');
  await page.waitForFunction(() => localStorage.length === 1);
  const q = await questionId(page);
  await page.reload();
  await page.waitForSelector(`[data-question="${q}"]`);
  assert.equal(await page.isChecked('#save-answers'), true);
  await page.click('#back');
  await page.waitForSelector('[data-question="notice"]');
  assert.equal(await page.locator('#org-chips [data-org="connexin"]').count(), 1);
  await page.click('#forget');
  await page.waitForSelector('#message-forgotten');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await page.reload();
  await page.waitForSelector('#start-button');
  assert.equal(await page.isChecked('#save-answers'), false);
  await context.close();
});

test('a save from an older rule pack is migrated and dropped answers are reported', async () => {
  const init = () => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      // The saved-state text (engine/src/saved.rs), from an older pack.
      localStorage.setItem('claimcheck.saved.v1', [
        'claimcheck-saved 2',
        'pack 2020-01-01',
        'lang en',
        'notice = orgs connexin',
        'retired_question = yes',
        'claimant = choice my-dog',
        '',
      ].join('\n'));
    }
  };
  const { page, context } = await open(env, { now: noonNY('2026-11-24'), init });
  await page.waitForSelector('#message-dropped');
  assert.match(await text(page, '#message-dropped'), /Some saved answers were removed/);
  assert.match(await text(page, '#message-dropped'), /Answers to questions we no longer ask/);
  assert.doesNotMatch(await text(page, '#message-dropped'), /retired_question/, 'no internal id is shown');
  assert.match(await text(page, '#message-dropped'), /Who are you checking for\?/);
  await page.click('#resume');
  await page.waitForSelector('.question-page');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an unreadable save is removed with a message, never a crash', async () => {
  const init = () => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('claimcheck.saved.v1', '{not json');
    }
  };
  const { page, context } = await open(env, { init });
  await page.waitForSelector('#message-unreadable');
  assert.equal(await page.evaluate(() => localStorage.getItem('claimcheck.saved.v1')), null);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('validation: error summary links to the field, message beside it', async () => {
  const date = claimDate('connexin');
  const { page, context } = await open(env, { now: noonNY(addDays(date, -5)) });
  await page.click('#start-button');
  await page.waitForSelector('[data-question="notice"]');
  await page.click('#continue');
  await page.waitForSelector('#error-summary');
  assert.match(await text(page, '#error-summary'), /There is a problem/);
  assert.match(await text(page, '#error-summary'), /Choose at least one organisation/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
  await page.click('#error-summary a');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'org-search');
  await answer(page, [['office practicum', 'connexin']]);
  // Radio question with nothing chosen.
  await page.click('#continue');
  await page.waitForSelector('#error-summary');
  assert.match(await text(page, '.error-message'), /Error: Select an answer/);
  // Walk to the amount question and type nonsense.
  for (let i = 0; i < 10 && (await questionId(page)) !== 'costs'; i++) {
    const id = await questionId(page);
    await answer(page, id === 'had_costs' ? 'yes' : id === 'claimant' ? 'self' : id === 'us_resident' ? 'yes' : 'no');
  }
  assert.equal(await questionId(page), 'costs');
  await page.fill('#amount', '7,50');
  await page.click('#continue');
  await page.waitForSelector('#error-summary');
  assert.match(await text(page, '#amount-error'), /Commas must separate groups of three digits/);
  assert.equal(await page.getAttribute('#amount', 'aria-invalid'), 'true');
  await page.fill('#amount', '1,250.50');
  await page.click('#continue');
  await page.waitForFunction(() => document.querySelector('[data-question]')?.dataset.question !== 'costs');
  await context.close();
});

test('organisation combo box works by keyboard and finds typos', async () => {
  const { page, context } = await open(env, { width: 360, height: 780 });
  await page.click('#start-button');
  await page.waitForSelector('#org-search');
  await page.focus('#org-search');
  await page.keyboard.type('comcst');
  await page.waitForSelector('#org-opt-comcast');
  assert.equal(await page.getAttribute('#org-search', 'aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  const active = await page.getAttribute('#org-search', 'aria-activedescendant');
  assert.equal(active, 'org-opt-comcast');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#org-chips [data-org="comcast"]');
  assert.equal(await questionId(page), 'notice', 'Enter in the box chooses, it does not submit');
  // Option rows are thumb-sized.
  await page.keyboard.type('hopkins');
  const box = await page.locator('#org-opt-johns-hopkins').boundingBox();
  assert.ok(box.height >= 44 && box.width >= 280, JSON.stringify(box));
  await page.keyboard.press('Escape');
  assert.equal(await page.getAttribute('#org-search', 'aria-expanded'), 'false');
  await context.close();
});

test('Add to calendar downloads an RFC 5545 file for the open deadlines, with reminders a week and a day before and the deadline\'s note', async () => {
  // Capital One's enrollment deadline is the one the pack holds beyond its own date.
  const block = settlementToml('capital-one').split('[[deadline]]').slice(1).find((b) => /^kind = "enrollment"/m.test(b));
  const date = block.match(/^date = \{ value = (\d{4}-\d{2}-\d{2})/m)[1];
  const note = block.match(/^note = \{ en = "([^"]+)"/m)[1];
  const { page, context } = await open(env, { now: noonNY('2026-12-01') });
  await walk(page, { notice: [['capital one', 'capital-one']] });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#add-to-calendar')]);
  assert.equal(download.suggestedFilename(), 'claimcheck-deadlines.ics');
  const path = await download.path();
  const ics = (await import('node:fs')).readFileSync(path, 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
  assert.ok(ics.includes(`DTSTART;VALUE=DATE:${date.replaceAll('-', '')}\r\n`));
  assert.match(ics, /DTSTAMP:\d{8}T\d{6}Z\r\n/);
  assert.match(ics, /UID:capital-one-enrollment-\d{8}@claimcheck\.invalid\r\n/);
  assert.ok(!/[^\r]\n/.test(ics), 'every line ends with CRLF');
  const event = ics.split('BEGIN:VEVENT').find((e) => e.includes(`DTSTART;VALUE=DATE:${date.replaceAll('-', '')}`));
  const alarms = event.split('BEGIN:VALARM').slice(1);
  assert.deepEqual(alarms.map((a) => a.match(/TRIGGER;RELATED=START:(-P\d+D)/)[1]), ['-P7D', '-P1D']);
  for (const a of alarms) assert.match(a, /ACTION:DISPLAY\r\nTRIGGER[^\r]*\r\nDESCRIPTION:[^\r]+Capital One/);
  const unfolded = event.replaceAll('\r\n ', '');
  assert.ok(unfolded.includes(note.replaceAll(',', '\\,').replaceAll(';', '\\;')), `the deadline's note is carried: ${note}`);
  await context.close();
});

test('stale information is flagged with where to check', async () => {
  const { page, context } = await open(env, { now: noonNY('2027-06-01') });
  await walk(page, { notice: [['office practicum', 'connexin']] });
  assert.match(await text(page, '#stale'), /Settlement details may have changed/);
  await context.close();
});

test('results show the filing-service warning, the official site as a plain link, and org notes', async () => {
  const { page, context } = await open(env, { now: noonNY('2026-11-24') });
  await walk(page, { notice: [['student clearinghouse', 'nsc']] });
  assert.match(await text(page, '#scam-warning'), /15–40%/);
  const link = page.locator('[data-testid="settlement-nsc"] a.official-link');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  assert.match(await text(page, '#org-notes'), /Not NSC Technologies/);
  assert.deepEqual(page.offOrigin, []);
  await context.close();
});

test('summary lists the answers with Change links that come back to the summary', async () => {
  const { page, context } = await open(env, { now: noonNY('2026-11-24') });
  await walk(page, { notice: [['office practicum', 'connexin']] });
  await page.click('#to-summary');
  await page.waitForSelector('#answers-list');
  assert.match(await text(page, '#answers-list'), /Connexin Software \(Office Practicum\)/);
  await page.click('[data-change="claimant"]');
  await page.waitForSelector('[data-question="claimant"]');
  await answer(page, 'minor');
  await page.waitForSelector('#summary');
  assert.match(await text(page, '#answers-list'), /My child \(under 18\)/);
  await context.close();
});

test('accessibility: no serious or critical axe violations on each screen', async () => {
  const date = claimDate('connexin');
  const { page, context } = await open(env, { now: noonNY(addDays(date, -3)) });
  const check = async (label) => {
    const r = await new AxeBuilder({ page }).analyze();
    const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`), []);
  };
  await check('start');
  await page.click('#start-button');
  await page.waitForSelector('#org-search');
  await page.fill('#org-search', 'off');
  await check('organisations');
  await page.click('#org-opt-connexin');
  await page.click('#continue');
  await page.waitForSelector('input[type=radio]');
  await check('radios');
  await page.click('#continue');
  await page.waitForSelector('#error-summary');
  await check('error');
  await page.goto(`${env.server.url}#/results`);
  await page.waitForSelector('#results');
  await check('results');
  await page.goto(`${env.server.url}#/browse`);
  await page.waitForSelector('#browse-list');
  await check('browse');
  await page.goto(`${env.server.url}#/settlement/connexin`);
  await page.waitForSelector('[data-testid="page-connexin"]');
  await check('settlement');
  await context.close();
});

test('MOVEit MDL: rulings for the person\'s state (and all states) are shown', async () => {
  const { page, context } = await open(env, { now: noonNY('2026-11-24') });
  await walk(page, { notice: [['genworth', 'genworth']], state_moveit: 'MA' });
  const rulings = page.locator('[data-testid="settlement-moveit-mdl"] [data-testid="rulings"]');
  // Rulings are part of "Why we think so", folded in the card.
  await page.locator('[data-testid="settlement-moveit-mdl"] details.why > summary').click();
  assert.match(await rulings.innerText(), /Court rulings that apply in Massachusetts/);
  assert.match(await rulings.innerText(), /\(Massachusetts\)/);
  assert.match(await rulings.innerText(), /\(all states\)/);
  assert.doesNotMatch(await rulings.innerText(), /\(California\)/);
  await context.close();
});

test('claiming for a child: the claimant note says what the source allows', async () => {
  const { page, context } = await open(env, { now: noonNY('2026-11-24') });
  await walk(page, { notice: [['jons hopkins', 'johns-hopkins']], claimant: 'minor' });
  const note = page.locator('[data-testid="settlement-johns-hopkins"] [data-testid="claimant"]');
  assert.match(await note.innerText(), /A parent or legal guardian may claim for a child in this settlement/);
  await context.close();
});
