// Screenshots of each screen at 360 px and 1280 px wide, into tests/e2e/screenshots/
// (git-ignored), for a person to look at. Also checks that no screen scrolls sideways.
import { test, before, after } from 'node:test';
import path from 'node:path';
import assert from 'node:assert/strict';
import {
  setup, open, walk, shot, claimDate, addDays, noonNY, rules, answer, questionId, SHOTS,
} from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function noSideScroll(page, label) {
  const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(sw <= cw + 1, `${label}: page is ${sw}px wide in a ${cw}px window`);
}

for (const width of [360, 1280]) {
  test(`screens at ${width}px`, async () => {
    const date = claimDate('connexin');
    const now = noonNY(addDays(date, -3));
    const { page, context } = await open(env, { width, height: 800, now });
    const snap = async (name) => { await noSideScroll(page, name); await shot(page, `${name}-${width}`); };
    await snap('01-start');
    await page.click('#start-button');
    await page.waitForSelector('#org-search');
    await page.fill('#org-search', 'offic');
    await snap('02-organisations-search');
    await page.click('#org-opt-connexin');
    await page.fill('#org-search', 'comcst');
    await page.click('#org-opt-comcast');
    await snap('03-organisations-chosen');
    await page.click('#continue');
    await page.waitForSelector('input[type=radio]');
    await page.click('#continue');
    await page.waitForSelector('#error-summary');
    await snap('04-radio-error');
    await context.close();

    const r = await open(env, { width, height: 800, now });
    await walk(r.page, {
      notice: [['office practicum', 'connexin'], ['xfinity', 'comcast'], ['genworth', 'genworth']],
      had_costs: 'yes', costs: '300', spent_time: 'yes', hours: '6',
    });
    await noSideScroll(r.page, 'results');
    await shot(r.page, `05-results-${width}`);
    await r.page.click('#to-summary');
    await r.page.waitForSelector('#summary');
    await noSideScroll(r.page, 'summary');
    await shot(r.page, `06-summary-${width}`);
    await r.page.emulateMedia({ media: 'print' });
    await shot(r.page, `07-summary-print-${width}`);
    await r.page.emulateMedia({ media: 'screen' });
    await r.page.goto(`${env.server.url}#/browse`);
    await r.page.waitForSelector('#browse-list');
    await noSideScroll(r.page, 'browse');
    await shot(r.page, `08-browse-${width}`);
    await r.page.goto(`${env.server.url}#/settlement/moveit-mdl`);
    await r.page.waitForSelector('[data-testid="page-moveit-mdl"]');
    await noSideScroll(r.page, 'settlement');
    await shot(r.page, `09-settlement-${width}`);
    await r.page.click('#lang-switch');
    await r.page.waitForFunction(() => document.documentElement.lang === 'es-US');
    await shot(r.page, `10-settlement-es-${width}`);
    await r.page.emulateMedia({ colorScheme: 'dark' });
    await r.page.goto(`${env.server.url}#/`);
    await r.page.waitForSelector('#start');
    await shot(r.page, `11-start-dark-${width}`);
    await r.context.close();
  });
}

// Every question kind, the one-off messages, the storage message, the crash page, and the
// "not in" list opened: the screens the walk above does not reach.
const KIND_ANSWERS = {
  notice: [['genworth', 'genworth'], ['office practicum', 'connexin']],
  claimant: 'self',
  connexin_affiliated: 'no',
  us_resident: 'yes',
  state_moveit: 'MA',
  insider: 'no',
  had_costs: 'yes',
  costs: '300',
  had_fraud: 'no',
  spent_time: 'yes',
  hours: '2.5',
};

for (const width of [360, 1280]) {
  test(`every question kind, messages and the crash page at ${width}px`, async () => {
    const { questions } = rules();
    const now = noonNY('2024-07-01'); // Connexin claims open: amounts and hours are asked
    const seen = new Set();
    const r = await open(env, { width, height: 800, now });
    const snap = async (page, name) => { await noSideScroll(page, name); await shot(page, `${name}-${width}`); };
    await r.page.click('#start-button');
    await r.page.waitForSelector('.question-page');
    for (let i = 0; i < 20; i++) {
      const id = await questionId(r.page);
      if (!id) break;
      const kind = questions[id].kind;
      if (!seen.has(kind)) {
        seen.add(kind);
        await snap(r.page, `12-question-${kind}`);
        if (kind === 'money' || kind === 'hours') {
          await r.page.fill('#amount', kind === 'money' ? '12,5' : 'abc');
          await r.page.click('#continue');
          await r.page.waitForSelector('#amount-error');
          await snap(r.page, `13-question-${kind}-error`);
        }
      }
      assert.ok(id in KIND_ANSWERS, `no answer for ${id}`);
      await answer(r.page, KIND_ANSWERS[id]);
    }
    await r.page.waitForSelector('#results');
    for (const kind of ['organisations', 'choice', 'yes_no', 'state', 'money', 'hours']) assert.ok(seen.has(kind), `a ${kind} question was shown`);
    // The "not in" list, one entry opened.
    // The "not in" settlements sit under one folded line: open it, then one entry.
    await r.page.click('#not-in > summary');
    const out = r.page.locator('#not-in details').first();
    await out.locator(':scope > summary').click();
    await noSideScroll(r.page, 'not-in open');
    await out.screenshot({ path: path.join(SHOTS, `14-results-not-in-open-${width}.png`) });
    // Forget: the start screen with its message.
    await r.page.click('#forget');
    await r.page.waitForSelector('#message-forgotten');
    await snap(r.page, '15-message-forgotten');
    await r.context.close();

    // Saved answers from an older pack, and unreadable ones.
    const seed = (value) => `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('claimcheck.saved.v1', ${JSON.stringify(value)}); }`;
    const older = ['claimcheck-saved 2', 'pack 2020-01-01', 'lang en', 'notice = orgs connexin gone', 'retired = yes', 'us_resident = choice maybe', ''].join('\n');
    for (const [value, sel, name] of [[older, '#message-dropped', '16-message-dropped'], ['not json', '#message-unreadable', '17-message-unreadable']]) {
      const m = await open(env, { width, height: 800, now, init: seed(value) });
      await m.page.waitForSelector(sel);
      await snap(m.page, name);
      await m.context.close();
    }

    // Storage turned off: ticking "Save" says so beside the box.
    const blocked = await open(env, { width, height: 800, now, init: "Storage.prototype.setItem = function () { throw new DOMException('no', 'SecurityError'); };" });
    await blocked.page.check('#save-answers').catch(() => {});
    await blocked.page.waitForSelector('#save-error');
    await blocked.page.locator('#save-panel').scrollIntoViewIfNeeded();
    await snap(blocked.page, '18-save-blocked');
    await blocked.context.close();

    // The crash page: the app cannot find where to mount, which panics.
    const crash = await open(env, {
      width, height: 800, now, waitFor: '#crash',
      init: "const g = Document.prototype.getElementById; Document.prototype.getElementById = function (id) { return id === 'app' ? null : g.call(this, id); };",
    });
    assert.match(await crash.page.locator('#crash').innerText(), /Something went wrong/);
    assert.equal(await crash.page.getAttribute('#reload', 'href'), './');
    await snap(crash.page, '19-crash');
    await crash.context.close();
  });
}
