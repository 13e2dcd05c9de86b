// Unverified reasons in the page's language: on a Spanish settlement page every "we could not
// confirm" reason is the rule file's `es` text, with no lang="en" on it or around it, and the
// language switch brings back the `en` text. Expectations are read from the rule file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, settlementToml, shot, noonNY } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const ID = 'arietis';

/** Every `unverified = { en = "...", es = "..." }` of a rule file, unescaped. */
function reasons(id) {
  const s = '((?:[^"\\\\]|\\\\.)*)';
  const re = new RegExp(`unverified = \\{ en = "${s}", es = "${s}" \\}`, 'g');
  const unescape = (x) => x.replace(/\\(.)/g, '$1');
  return [...settlementToml(id).matchAll(re)].map((m) => ({ en: unescape(m[1]), es: unescape(m[2]) }));
}

/** The reasons on screen: their text, their own lang and the nearest lang around them. */
async function shown(page) {
  return page.$$eval('.unverified-why', (l) => l.map((e) => ({
    text: e.textContent.trim(),
    own: e.getAttribute('lang'),
    around: e.parentElement.closest('[lang]')?.getAttribute('lang') ?? null,
  })));
}

test('a Spanish settlement page shows each unverified reason in Spanish, not marked English', async () => {
  const all = reasons(ID);
  assert.ok(all.length >= 5, `${ID} has ${all.length} bilingual unverified reasons`);
  const { page, context } = await open(env, { hash: `#/settlement/${ID}`, now: noonNY('2026-11-24'), locale: 'es-US' });
  await page.waitForSelector(`[data-testid="page-${ID}"]`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es-US');
  const es = await shown(page);
  assert.ok(es.length >= 3, `reasons on the page: ${JSON.stringify(es)}`);
  for (const r of es) {
    assert.ok(all.some((x) => x.es === r.text), `not a Spanish reason of ${ID}: ${r.text}`);
    assert.ok(!all.some((x) => x.en === r.text), `an English reason on the Spanish page: ${r.text}`);
    assert.equal(r.own, null, `no lang on the reason: ${r.text}`);
    assert.equal(r.around, 'es-US', `the reason sits in Spanish, not in lang=${r.around}: ${r.text}`);
  }
  await shot(page, 'spanish-reasons-arietis-es');

  // The language switch: the same places now read the English reasons.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en-US');
  const en = await shown(page);
  assert.equal(en.length, es.length, 'the same reasons in both languages');
  for (const [i, r] of en.entries()) {
    const pair = all.find((x) => x.es === es[i].text);
    assert.equal(r.text, pair.en, `the English of "${es[i].text}"`);
    assert.equal(r.own, null);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});
