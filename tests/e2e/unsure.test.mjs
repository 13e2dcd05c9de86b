// Paths for the unsure (issue 17, item 4), at 360 px in English and Spanish: under the
// organisation picker, "My organisation isn't listed" says what else on the letter to search for
// and how far the catalogue reaches (its settlement and organisation counts, read here from the
// rule files, and its facts date); "I didn't get a notice" says how people learn they were
// affected and that without a notice there is usually nothing to claim. The Office Practicum
// question is asked only of people it can concern (the gate is in rules/questions.toml).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, walk, shot, assertNoCrash, rules } from './helpers.mjs';

const WIDTH = 360;
let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const WORDS = {
  en: { notListed: "My organisation isn't listed", noNotice: "I didn't get a notice", vendor: /vendor/, site: /website/,
    covers: (n, m) => new RegExp(`^Our list has ${n} settlements and ${m} organisations, with facts as of December 4, 2026\\.$`),
    nothing: /Without one, there is usually nothing to claim\./, added: 'Connexin Software (Office Practicum) added. 1 chosen.' },
  es: { notListed: 'Mi organización no aparece en la lista', noNotice: 'No recibí un aviso', vendor: /proveedor/, site: /sitio web/,
    covers: (n, m) => new RegExp(`^Nuestra lista tiene ${n} Acuerdos y ${m} organizaciones, con información al 4 de diciembre de 2026\\.$`),
    nothing: /Sin un aviso, normalmente no hay nada que reclamar\./, added: 'Se agregó Connexin Software (Office Practicum). Organizaciones elegidas: 1.' },
};

for (const [lang, locale] of [['en', 'en-US'], ['es', 'es-US']]) {
  test(`the notice question offers "not listed" and "no notice" paths (${lang})`, async () => {
    const R = rules();
    const w = WORDS[lang];
    const { page, context } = await open(env, { width: WIDTH, height: 740, locale });
    try {
      await page.click('#start-button');
      await page.waitForSelector('[data-question="notice"]');
      const notListed = page.locator('details#not-listed');
      const noNotice = page.locator('details#no-notice');
      assert.equal(await notListed.locator('summary').innerText(), w.notListed);
      assert.equal(await noNotice.locator('summary').innerText(), w.noNotice);
      assert.equal(await notListed.evaluate((d) => d.open), false, 'folded until asked for');
      await notListed.locator('summary').click();
      await noNotice.locator('summary').click();
      const body = await notListed.innerText();
      assert.match(body, w.site);
      assert.match(body, w.vendor);
      // The counts are the catalogue's, once the whole pack is in (the first screen has only the
      // directory).
      const n = Object.keys(R.settlements).length;
      const m = Object.keys(R.orgs).length;
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#not-listed-covers')?.textContent ?? ''),
        w.covers(n, m).source);
      assert.match(await noNotice.innerText(), w.nothing);
      await shot(page, `unsure-paths-${lang}`);
      // Number agreement in what the picker announces.
      await page.fill('#org-search', 'connexin');
      await page.click('#org-opt-connexin');
      assert.equal(await page.locator('#org-live').innerText(), w.added);
      await assertNoCrash(page, assert);
    } finally {
      await context.close();
    }
  });
}

const answers = { claimant: 'self', us_resident: 'yes', state_moveit: 'NY', insider: 'no', had_costs: 'no', had_fraud: 'no', spent_time: 'no', connexin_affiliated: 'no' };

test('the Office Practicum question is asked only of people it can concern', async () => {
  for (const [notice, asksIt] of [[[['comcast', 'comcast']], false], [[['sovos', 'sovos']], false], ['none', true], [[['connexin', 'connexin']], false]]) {
    const { page, context } = await open(env, { width: WIDTH, height: 740 });
    try {
      const asked = await walk(page, { ...answers, notice });
      assert.equal(asked.includes('connexin_affiliated'), asksIt, `notice ${JSON.stringify(notice)}: asked ${asked.join(', ')}`);
      // Named other organisations only: Connexin is among the settlements they are not in, never
      // a "can't tell" card.
      if (Array.isArray(notice) && notice[0][1] !== 'connexin') {
        await page.locator('#not-in > summary').click();
        await page.waitForFunction(() => document.querySelector('#not-in [data-testid^="out-"]'));
        assert.equal(await page.locator('#not-in [data-testid="out-connexin"]').count(), 1);
        assert.equal(await page.locator('[data-testid="settlement-connexin"]:not(#not-in *)').count(), 0);
      }
    } finally {
      await context.close();
    }
  }
});

// Item 5: the picker matches names, not generic words, and says plainly when a name is not in
// the catalogue (with the catalogue's organisation count).
for (const [lang, locale] of [['en', 'en-US'], ['es', 'es-US']]) {
  test(`the picker matches names, not generic words, and says when a name is not listed (${lang})`, async () => {
    const R = rules();
    const m = Object.keys(R.orgs).length;
    const { page, context } = await open(env, { width: WIDTH, height: 740, locale });
    try {
      await page.click('#start-button');
      await page.waitForSelector('[data-question="notice"]');
      const options = () => page.$$eval('#org-listbox [role="option"]', (os) => os.map((o) => o.dataset.org));
      for (const word of ['mobile', 'health', 'bank', 'Health', 'BANK']) {
        await page.fill('#org-search', word);
        assert.deepEqual(await options(), [], `"${word}" alone matches nothing`);
      }
      await page.fill('#org-search', 'T-Mobile');
      const tm = await options();
      assert.ok(!tm.includes('att') && !tm.includes('comcast'), `T-Mobile suggests ${tm}`);
      await page.fill('#org-search', 'Acme Mutual Insurance');
      assert.deepEqual(await options(), []);
      const said = await page.locator('#org-no-match').innerText();
      assert.match(said, lang === 'en'
        ? new RegExp(`Acme Mutual Insurance.* is not in our list of ${m} organisations`)
        : new RegExp(`Acme Mutual Insurance.* no está en nuestra lista de ${m} organizaciones`));
      // A name, an alias and a typo still match.
      for (const [typed, id] of [['Comcast', 'comcast'], ['Xfinity', 'comcast'], ['Office Practicum', 'connexin'], ['Conexin', 'connexin']]) {
        await page.fill('#org-search', typed);
        assert.ok((await options()).includes(id), `"${typed}" finds ${id}`);
      }
      // A typo finds the name, not look-alikes across words ("Conexin" is not "AutoZone Inc").
      await page.fill('#org-search', 'Conexin');
      assert.deepEqual(await options(), ['connexin']);
      await shot(page, `picker-not-listed-${lang}`);
    } finally {
      await context.close();
    }
  });
}
