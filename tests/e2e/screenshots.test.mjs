// Screenshots of each screen at 360 px and 1280 px wide, into tests/e2e/screenshots/
// (git-ignored), for a person to look at. Also checks that no screen scrolls sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, walk, shot, claimDate, addDays, noonNY } from './helpers.mjs';

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
