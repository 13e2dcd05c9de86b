// The browser's history keeps no answers (issue 14, item 2): walking the checker (a MOVEit
// notice, which brings the MOVEit state question, and an Office Practicum one), opening a settlement from the results and
// leaving must leave no history entry whose address or title names a question, an answer, an
// organisation or a settlement. The entries are read as a reviewer would, through the
// browser's own list (DevTools protocol Page.getNavigationHistory: address and title of each).
// Titles still say where the person is ("Question 3 — claimcheck"), and Back and Forward still
// move between the checker's screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, walk, questionId, rules } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function entries(page) {
  const cdp = await page.context().newCDPSession(page);
  const { entries: list } = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  return list.map((e) => ({ url: e.url, title: e.title }));
}

/** Every word a history entry must not hold: question ids and texts (both languages),
 * settlement ids and names, organisation ids and names, and the answers given. */
function forbidden(answers) {
  const { ids, settlements, questions, orgs } = rules();
  const words = [...ids];
  for (const s of Object.values(settlements)) words.push(s.name);
  for (const q of Object.values(questions)) {
    words.push(q.id);
    for (const t of [q.text?.en, q.text?.es, q.text]) if (typeof t === 'string') words.push(t);
  }
  for (const o of Object.values(orgs)) words.push(o.id, o.name);
  for (const v of Object.values(answers)) if (typeof v === 'string' && v.length > 2) words.push(v);
  return words.filter((w) => typeof w === 'string' && w.length > 2).map((w) => w.toLowerCase());
}

const ADDRESSES = new Set(['', '#/', '#/check', '#/results', '#/summary', '#/browse', '#/settlement']);
const TITLES = {
  en: /^(Question \d+|Your results|Check your answers|All settlements we know about|A settlement's details) — claimcheck$/,
  es: /^(Pregunta \d+|Sus resultados|Revise sus respuestas|Todos los Acuerdos que conocemos|Detalles de un Acuerdo) — claimcheck$/,
};

function assertClean(list, words, lang, startTitle) {
  for (const { url, title } of list) {
    if (url === 'about:blank') continue; // the browser's new tab, before the checker
    const u = new URL(url);
    if (u.pathname.endsWith('/leave.html')) continue;
    assert.ok(ADDRESSES.has(u.hash), `an entry's address names more than a kind of screen: ${url}`);
    assert.equal(u.search, '', `an entry's address has a query: ${url}`);
    assert.ok(title === startTitle || TITLES[lang].test(title), `an entry's title: ${JSON.stringify(title)}`);
    const hay = `${decodeURIComponent(url)} ${title}`.toLowerCase();
    for (const w of words) {
      const word = new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u');
      assert.ok(!word.test(hay), `entry ${url} "${title}" reveals "${w}"`);
    }
  }
}

for (const lang of ['en', 'es']) {
  test(`history: no entry names a question, answer or settlement; titles number the questions; Back works (${lang})`, async () => {
    const { context, page } = await open(env, { locale: `${lang}-US` });
    try {
      const startTitle = await page.title();
      // Two organisations on the notice, so the walk has at least three questions to number.
      const answers = { notice: [['genworth', 'genworth'], ['office practicum', 'connexin']], state_moveit: 'MA' };
      await page.click('#start-button');
      await page.waitForSelector('.question-page');
      assert.equal(await page.title(), lang === 'en' ? 'Question 1 — claimcheck' : 'Pregunta 1 — claimcheck');
      await page.click('#back');
      await page.waitForSelector('#start-button');
      const asked = await walk(page, answers);
      assert.ok(asked.includes('state_moveit'), `the MOVEit state question was asked: ${asked}`);
      const third = asked.length >= 3;
      assert.ok(third, `at least three questions: ${asked}`);
      // A settlement's page from the results.
      await page.click('[data-testid="settlement-moveit-mdl"] .details-link');
      await page.waitForSelector('[data-testid="page-moveit-mdl"]');
      const words = forbidden({ ...answers, state_moveit: 'Massachusetts', notice: 'Genworth' });
      const list = await entries(page);
      console.log(`[history] ${lang}: ${list.length} entries: ${list.map((e) => `${new URL(e.url).hash || '(none)'} "${e.title}"`).join(', ')}`);
      assert.ok(list.length >= asked.length + 2, 'each screen is an entry (Back works)');
      assertClean(list, words, lang, startTitle);

      // Back: the results, then the last question, then forward to the results again.
      await page.goBack();
      await page.waitForSelector('#results');
      await page.goBack();
      await page.waitForSelector('.question-page');
      assert.equal(await questionId(page), asked.at(-1));
      const n = asked.length;
      assert.equal(await page.title(), lang === 'en' ? `Question ${n} — claimcheck` : `Pregunta ${n} — claimcheck`);
      await page.goBack();
      await page.waitForSelector('.question-page');
      assert.equal(await questionId(page), asked.at(-2));
      await page.goForward();
      await page.goForward();
      await page.waitForSelector('#results');

      // Leave: the entries left behind reveal nothing either.
      await page.click('#leave');
      await page.waitForURL(/\/leave\.html$/);
      assertClean(await entries(page), words, lang, startTitle);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });
}

test('history: a link naming a settlement opens it and its address is replaced by a neutral one', async () => {
  const { context, page } = await open(env, { hash: '#/settlement/moveit-mdl', waitFor: '[data-testid="page-moveit-mdl"]' });
  try {
    await page.waitForFunction(() => location.hash === '#/settlement');
    assert.doesNotMatch(await page.title(), /moveit/i);
    // The browse list's links do not visit an address naming the settlement.
    await page.click('#back');
    await page.waitForSelector('.browse-name');
    await page.click('.browse-name >> nth=0');
    await page.waitForSelector('[data-testid^="page-"]');
    assertClean(await entries(page), forbidden({}), 'en', 'x');
    await page.goBack();
    await page.waitForSelector('.browse-name');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});
