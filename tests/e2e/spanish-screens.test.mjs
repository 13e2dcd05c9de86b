// Spanish screens read as Spanish (issue 17, item 7). Several walks in es-US at 360 px: the
// start screen, every question, the results with every fold open, and the page of each
// settlement the walk concerns. On each screen, the text outside elements marked lang="en"
// must hold no word of an English list (settlement, lawsuit, notice, data breach, claim,
// deadline, class action, breach ...). Organisation names are names and are taken out first
// (they hold none of these words); settlement and case names, which do ("23andMe data breach
// settlement"), must be said in Spanish or marked lang="en".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, answer, questionId, DEFAULTS, noonNY, shot, rules, openAll } from './helpers.mjs';

const ENGLISH = ['settlement', 'settlements', 'lawsuit', 'lawsuits', 'notice', 'data breach', 'breach', 'claim',
  'claims', 'deadline', 'class action', 'class member', 'you are', 'official website', 'not sure', 'opt out',
  'estimate', 'proposed class', 'website'];

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

function orgNames() {
  const R = rules();
  // Names of organisations, and of sites our sources are on (proper names, said as they are).
  return [...Object.values(R.orgs).flatMap((o) => [o.name, ...(o.aliases ?? [])])
    .filter((n) => !ENGLISH.some((w) => new RegExp(`\\b${w}\\b`, 'i').test(n))), 'Claim Depot', 'ClaimDepot']
    .sort((a, b) => b.length - a.length);
}

/** English words on the screen outside lang="en" (with some context), after names are removed. */
async function englishOn(page, names) {
  let said = await page.evaluate(() => {
    const c = document.body.cloneNode(true);
    c.querySelectorAll('[lang="en"], script, style, [hidden]').forEach((e) => e.remove());
    return c.textContent.replace(/\s+/g, ' ');
  });
  for (const n of names) said = said.split(n).join(' ');
  const found = [];
  for (const w of ENGLISH) {
    const m = new RegExp(`\\b${w}\\b`, 'i').exec(said);
    if (m) found.push(`${w}: …${said.slice(Math.max(0, m.index - 70), m.index + 70)}…`);
  }
  return found;
}

const WALKS = [
  { label: 'Connexin parent, claims open', now: '2024-07-01', answers: { notice: [['connexin', 'connexin']], claimant: 'minor' }, pages: ['connexin'] },
  { label: 'Comcast and Sovos', now: null, answers: { notice: [['comcast', 'comcast'], ['sovos', 'sovos']] }, pages: ['comcast', 'sovos', 'moveit-mdl'] },
  { label: 'not sure who sent it', now: null, answers: { notice: 'not_sure' }, pages: ['23andme', 'capital-one'] },
  { label: 'none of these', now: null, answers: { notice: 'none', connexin_affiliated: 'yes' }, pages: [] },
];

for (const w of WALKS) {
  test(`Spanish screens say no English word outside lang="en": ${w.label}`, async () => {
    const names = orgNames();
    const opts = { width: 360, height: 740, locale: 'es-US' };
    if (w.now) opts.now = noonNY(w.now);
    const { page, context } = await open(env, opts);
    const problems = [];
    const check = async (where) => {
      for (const f of await englishOn(page, names)) problems.push(`${where}: ${f}`);
    };
    try {
      await check('start');
      await page.click('#start-button');
      await page.waitForSelector('.question-page');
      for (let i = 0; i < 30; i++) {
        const id = await questionId(page);
        if (!id) break;
        // The unsure paths are part of the first question's screen.
        await openAll(page);
        await check(`question ${id}`);
        const a = id in w.answers ? w.answers[id] : (DEFAULTS[id] ?? 'not_sure');
        await answer(page, a);
      }
      await page.waitForSelector('#results');
      await openAll(page);
      await check('results');
      await shot(page, `spanish-screens-${w.label.replace(/\W+/g, '-')}`);
      for (const id of w.pages) {
        await page.goto(`${env.server.url}#/settlement/${id}`);
        await page.waitForSelector(`[data-testid="page-${id}"]`);
        await openAll(page);
        await check(`settlement page ${id}`);
      }
      assert.deepEqual(problems, [], `English words on Spanish screens (${problems.length})`);
    } finally {
      await context.close();
    }
  });
}
