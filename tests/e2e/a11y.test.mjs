// Spanish throughout and WCAG 2.2 AA, proven in the browser: axe-core with zero violations of
// any impact on every screen in both languages (light and dark), a keyboard-only walk to the
// results, visible focus, announced errors with a linked summary, 24 px targets, reflow at
// 320 px, text at 200 %, reduced motion, the browser's language on first visit, and
// screenshots (a11y-*) of each screen in both languages at 360 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { setup, open, answer, questionId, text, shot, claimDate, addDays, noonNY, shortDate, openAll } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LOCALE = { en: 'en-US', es: 'es-US' };
const NOW = noonNY(addDays(claimDate('connexin'), -3));
// Comcast (likely), Sovos (member), Connexin through "not sure" (can't tell), the rest (not in).
const ORGS = [['xfinity', 'comcast'], ['genworth', 'genworth'], ['sovos', 'sovos']];
const ANSWERS = {
  connexin_affiliated: 'not_sure', claimant: 'self', us_resident: 'yes', state_moveit: 'NY', insider: 'no',
  had_costs: 'yes', costs: '300', had_fraud: 'no', spent_time: 'yes', hours: '6',
};

async function axe(page, label) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.ok(r.passes.length > 20, `${label}: axe ran (${r.passes.length} rules passed)`);
  return r.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Buttons, links, inputs, selects, summaries and options smaller than 24 x 24 CSS px. Links
 * inside a sentence (a text node beside them in the same block) are exempt (WCAG 2.5.8). */
async function smallTargets(page) {
  return page.evaluate(() => {
    const bad = [];
    const els = document.querySelectorAll('button, a[href], input:not([type=hidden]), select, summary, [role=option]');
    for (const el of els) {
      if (el.closest('.visually-hidden, [hidden]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (closed details, skip link off screen)
      if (el.classList.contains('skip-link') && r.right < 0) continue;
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
        const block = el.parentElement;
        const words = [...block.childNodes].some((n) => n !== el && n.textContent.replace(/[\s()—–:.,;]/g, '').length > 0);
        if (words) continue;
      }
      if (r.width < 24 || r.height < 24) bad.push(`${el.tagName.toLowerCase()}#${el.id || ''}.${el.className} "${(el.textContent || '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return bad;
  });
}

async function sideScroll(page) {
  return page.evaluate(() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]);
}

/** Elements whose box reaches past the right edge of the window (clipped or cut). */
async function clipped(page) {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('main *, header *, footer *')) {
      if (el.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > w + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
      const cs = getComputedStyle(el);
      if ((cs.overflowX === 'hidden' || cs.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} clips ${el.scrollWidth}>${el.clientWidth}`);
      }
    }
    return out.slice(0, 10);
  });
}

const settle = (page) => page.waitForTimeout(50);

/**
 * Every screen, in the page's language (chosen by the context locale): start, the organisations
 * picker with its list open, an error with its summary, each question kind, an amount error,
 * results with every section expanded, summary, browse, two settlement pages, the "forgotten"
 * message, and the saved-answers-dropped message. Calls `at(name)` on each.
 */
async function tour(opts, at) {
  const { page, context } = await open(env, { now: NOW, ...opts });
  await at(page, 'start');
  await page.click('#start-button');
  await page.waitForSelector('#org-search');
  await at(page, 'q-organisations');
  await page.click('#continue');
  await page.waitForSelector('#error-summary');
  await at(page, 'q-organisations-error');
  for (const [search, org] of ORGS) {
    await page.fill('#org-search', search);
    await page.waitForSelector(`#org-opt-${org}`);
    if (org === 'comcast') await at(page, 'q-organisations-listbox');
    await page.click(`#org-opt-${org}`);
  }
  await at(page, 'q-organisations-chosen');
  await page.click('#continue');
  const seen = new Set();
  let radioError = false;
  let moneyError = false;
  for (let i = 0; i < 20; i++) {
    const id = await questionId(page);
    if (!id) break;
    const kind = await page.evaluate(() => (document.querySelector('#state-select') ? 'state'
      : document.querySelector('#amount') ? 'text'
        : document.querySelectorAll('input[type=radio]').length === 2 || document.querySelector('input[data-value=yes]') ? 'yesno' : 'choice'));
    const k = kind === 'text' ? id : kind;
    if (!seen.has(k)) {
      seen.add(k);
      await at(page, `q-${k}`);
    }
    if (!radioError && kind !== 'text' && kind !== 'state') {
      radioError = true;
      await page.click('#continue');
      await page.waitForSelector('#error-summary');
      await at(page, 'q-radio-error');
    }
    if (!moneyError && id === 'costs') {
      moneyError = true;
      await page.fill('#amount', '7,50');
      await page.click('#continue');
      await page.waitForSelector('#amount-error');
      await at(page, 'q-money-error');
    }
    await answer(page, ANSWERS[id]);
  }
  await page.waitForSelector('#results');
  await openAll(page);
  await settle(page);
  const sections = await page.evaluate(() => ({
    member: /You are very likely in|Es muy probable que usted forme parte/.test(document.querySelector('#results').innerText),
    likely: /You are probably included|Probablemente usted forma parte/.test(document.querySelector('#results').innerText),
    cantTell: !!document.querySelector('#cant-tell details[open]'),
    notIn: !!document.querySelector('#not-in details[open]'),
  }));
  assert.deepEqual(sections, { member: true, likely: true, cantTell: true, notIn: true }, 'every results section, expanded');
  await at(page, 'results');
  await page.click('#to-summary');
  await page.waitForSelector('#summary');
  await at(page, 'summary');
  await page.goto(`${env.server.url}#/browse`);
  await page.waitForSelector('#browse-list');
  await at(page, 'browse');
  for (const id of ['connexin', 'moveit-mdl']) {
    await page.goto(`${env.server.url}#/settlement/${id}`);
    await page.waitForSelector(`[data-testid="page-${id}"]`);
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    await at(page, `settlement-${id}`);
  }
  await page.goto(`${env.server.url}#/`);
  await page.waitForSelector('#start');
  await page.click('#forget');
  await page.waitForSelector('#message-forgotten');
  await at(page, 'message-forgotten');
  await context.close();

  const lang = (opts.locale || 'en-US').slice(0, 2);
  const init = (l) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('claimcheck.saved.v1', ['claimcheck-saved 2', 'pack 2020-01-01', `lang ${l}`,
        'notice = orgs connexin', 'retired_question = yes', 'claimant = choice my-dog', ''].join('\n'));
    }
  };
  const s = await open(env, { now: NOW, ...opts, init: `(${init})(${JSON.stringify(lang)})` });
  await s.page.waitForSelector('#message-dropped');
  await at(s.page, 'message-saved-answers');
  assert.deepEqual(s.page.errors, []);
  await s.context.close();
  return seen;
}

for (const lang of ['en', 'es']) {
  for (const width of [1280, 360]) {
    test(`axe: zero WCAG 2.2 AA violations on every screen (${lang}, ${width}px), targets >= 24px, screenshots`, async () => {
      const problems = [];
      const names = [];
      const seen = await tour({ locale: LOCALE[lang], width, height: 800 }, async (page, name) => {
        names.push(name);
        assert.equal(await page.evaluate(() => document.documentElement.lang), LOCALE[lang], `${name}: <html lang>`);
        problems.push(...await axe(page, name));
        problems.push(...(await smallTargets(page)).map((b) => `${name}: small target ${b}`));
        await shot(page, `a11y-${lang}-${name}-${width}`);
      });
      for (const k of ['yesno', 'choice', 'state', 'costs', 'hours']) assert.ok(seen.has(k), `question kind ${k} visited: ${[...seen]}`);
      assert.deepEqual(problems, []);
      assert.ok(names.length >= 15, names.join(' '));
    });
  }
  test(`axe: zero violations in the dark colour scheme (${lang})`, async () => {
    const problems = [];
    await tour({ locale: LOCALE[lang], width: 1280, height: 800 }, async (page, name) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
      problems.push(...await axe(page, `dark ${name}`));
      if (['start', 'q-yesno', 'results', 'q-radio-error'].includes(name)) await shot(page, `a11y-${lang}-dark-${name}-1280`);
    });
    assert.deepEqual(problems, []);
  });
  test(`reflow at 320px: no screen scrolls sideways (${lang})`, async () => {
    const problems = [];
    await tour({ locale: LOCALE[lang], width: 320, height: 640 }, async (page, name) => {
      const [sw] = await sideScroll(page);
      if (sw > 320) problems.push(`${name}: ${sw}px wide`);
      problems.push(...(await smallTargets(page)).map((b) => `${name}: small target ${b}`));
    });
    assert.deepEqual(problems, []);
  });
  test(`text at 200%: no sideways scroll and nothing clipped at 1280px (${lang})`, async () => {
    const problems = [];
    await tour({ locale: LOCALE[lang], width: 1280, height: 800 }, async (page, name) => {
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      await settle(page);
      const [sw, cw] = await sideScroll(page);
      if (sw > cw) problems.push(`${name}: ${sw}px wide in ${cw}px`);
      problems.push(...(await clipped(page)).map((c) => `${name}: ${c}`));
      if (['start', 'results'].includes(name)) await shot(page, `a11y-${lang}-text200-${name}-1280`);
      await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
    });
    assert.deepEqual(problems, []);
  });
}

test('keyboard only: a whole questionnaire to the results, focus on each new heading', async () => {
  const { page, context } = await open(env, { now: NOW, width: 1280, height: 800 });
  const kb = page.keyboard;
  const active = () => page.evaluate(() => {
    const a = document.activeElement;
    return { id: a?.id ?? '', tag: a?.tagName ?? '', type: a?.type ?? '', value: a?.dataset?.value ?? a?.value ?? '' };
  });
  const tabTo = async (pred, what) => {
    for (let i = 0; i < 40; i++) {
      await kb.press('Tab');
      const a = await active();
      if (pred(a)) return a;
    }
    throw new Error(`Tab never reached ${what}`);
  };
  const expectHeading = async (prev) => {
    await page.waitForFunction((p) => {
      const q = document.querySelector('[data-question]')?.dataset.question;
      return (q && q !== p) || document.querySelector('#results');
    }, prev);
    const a = await page.evaluate(() => ({ id: document.activeElement.id, tag: document.activeElement.tagName }));
    assert.deepEqual(a, { id: 'page-heading', tag: 'H1' }, `focus on the new screen's h1 after ${prev}`);
  };
  // Start: Tab to "Start now", Enter.
  await tabTo((a) => a.id === 'start-button', 'Start now');
  await kb.press('Enter');
  await expectHeading('');
  // Organisations: combobox by keys.
  await tabTo((a) => a.id === 'org-search', 'the search box');
  for (const [search, org] of ORGS) {
    await kb.type(search);
    await page.waitForSelector(`#org-opt-${org}`);
    assert.equal(await page.getAttribute('#org-search', 'aria-expanded'), 'true');
    for (let i = 0; i < 10; i++) {
      await kb.press('ArrowDown');
      if (await page.getAttribute('#org-search', 'aria-activedescendant') === `org-opt-${org}`) break;
    }
    await kb.press('ArrowUp');
    await kb.press('ArrowDown');
    assert.equal(await page.getAttribute('#org-search', 'aria-activedescendant'), `org-opt-${org}`);
    await kb.press('Enter');
    await page.waitForSelector(`#org-chips [data-org="${org}"]`);
    await kb.press('Escape');
    assert.equal(await page.getAttribute('#org-search', 'aria-expanded'), 'false');
    if (await page.inputValue('#org-search')) await kb.press('Escape');
    assert.equal(await page.inputValue('#org-search'), '');
  }
  assert.equal(await questionId(page), 'notice');
  await tabTo((a) => a.id === 'continue', 'Continue');
  await kb.press('Enter');
  await expectHeading('notice');
  for (let i = 0; i < 20; i++) {
    const id = await questionId(page);
    if (!id) break;
    const want = ANSWERS[id];
    const field = await page.evaluate(() => (document.querySelector('#state-select') ? 'state' : document.querySelector('#amount') ? 'text' : 'radio'));
    if (field === 'radio') {
      await tabTo((a) => a.type === 'radio', 'a radio');
      await kb.press('Space');
      for (let j = 0; j < 8 && (await page.evaluate(() => document.querySelector('input[type=radio]:checked')?.dataset.value)) !== want; j++) {
        await kb.press('ArrowDown');
      }
      assert.equal(await page.evaluate(() => document.querySelector('input[type=radio]:checked')?.dataset.value), want, id);
    } else if (field === 'state') {
      await tabTo((a) => a.id === 'state-select', 'the state list');
      await kb.type('New York');
      assert.equal(await page.inputValue('#state-select'), want);
    } else {
      await tabTo((a) => a.id === 'amount', 'the amount');
      await kb.type(want);
    }
    await tabTo((a) => a.id === 'continue', 'Continue');
    await kb.press('Enter');
    await expectHeading(id);
  }
  await page.waitForSelector('#results');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#results') && document.activeElement.tagName), 'H1');
  assert.equal(await text(page, '#page-heading'), 'Your results');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('visible focus: a ring of 2px or more with 3:1 contrast on every control reached by Tab', async () => {
  const check = async (page, label) => {
    const bad = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const r = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a || a === document.body) return null;
        const cs = getComputedStyle(a);
        const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
        const lum = ([r, g, b]) => {
          const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        let bg = null;
        for (let e = a.parentElement; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0)) { bg = c.slice(0, 3); break; }
        }
        bg = bg || [255, 255, 255];
        const oc = rgb(cs.outlineColor).slice(0, 3);
        const [l1, l2] = [lum(oc), lum(bg)].sort((x, y) => y - x);
        return { id: a.id, tag: a.tagName, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), ratio: (l1 + 0.05) / (l2 + 0.05), visible: a.matches(':focus-visible') };
      });
      if (!r) break;
      if (!r.visible || r.style === 'none' || r.width < 2 || r.ratio < 3) bad.push(`${label}: ${r.tag}#${r.id} ${r.style} ${r.width}px ${r.ratio.toFixed(2)}:1`);
      if (r.id === 'forget' || r.id === 'save-answers') break; // the end of the page
    }
    return bad;
  };
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await open(env, { now: NOW });
    await page.emulateMedia({ colorScheme });
    const bad = await check(page, `${colorScheme} start`);
    await page.goto(`${env.server.url}#/check`);
    await page.waitForSelector('#org-search');
    bad.push(...await check(page, `${colorScheme} organisations`));
    await answer(page, [['office practicum', 'connexin']]);
    bad.push(...await check(page, `${colorScheme} radios`));
    assert.deepEqual(bad, []);
    await context.close();
  }
});

test('errors are announced and the summary links focus the field (click and Enter)', async () => {
  for (const lang of ['en', 'es']) {
    const { page, context } = await open(env, { now: NOW, locale: LOCALE[lang] });
    await page.click('#start-button');
    await page.waitForSelector('#org-search');
    await page.click('#continue');
    await page.waitForSelector('#error-summary');
    assert.equal(await page.getAttribute('#error-summary', 'role'), 'alert', 'the summary is a live region');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
    assert.match(await text(page, '#error-summary'), lang === 'en' ? /There is a problem/ : /Hay un problema/);
    assert.match(await text(page, '#org-search-error'), lang === 'en' ? /Error: Choose at least one/ : /Error: Elija al menos una/);
    await page.click('#error-summary a');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'org-search');
    await answer(page, [['office practicum', 'connexin']]);
    await page.click('#continue');
    await page.waitForSelector('#error-summary');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('#error-summary') && document.activeElement.tagName), 'A');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'answer-0');
    assert.equal(await page.getAttribute('.fieldset', 'aria-describedby').then((d) => d.includes('answer-0-error')), true);
    // Status changes in the combobox are announced politely too.
    await context.close();
  }
});

test('prefers-reduced-motion: no transitions or animations anywhere', async () => {
  const { page, context } = await open(env, { now: NOW });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const moving = () => page.evaluate(() => [...document.querySelectorAll('*')].flatMap((e) => {
    const cs = getComputedStyle(e);
    const t = cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
    const a = cs.animationName !== 'none' && cs.animationName !== '';
    return t || a ? [`${e.tagName}.${e.className}`] : [];
  }));
  assert.deepEqual(await moving(), []);
  await page.click('#start-button');
  await page.fill('#org-search', 'off');
  assert.deepEqual(await moving(), []);
  await context.close();
});

test('Spanish: chosen from the browser on first visit, kept by the switch mid-questionnaire and on results', async () => {
  const { page, context } = await open(env, { now: noonNY(addDays(claimDate('connexin'), 2)), locale: 'es-US' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es-US');
  assert.equal(await text(page, 'h1'), 'Averigüe si puede presentar un reclamo en un Acuerdo por una violación de datos');
  assert.equal(await text(page, '#lang-switch'), 'English');
  assert.equal(await page.getAttribute('#lang-switch', 'lang'), 'en');
  await page.click('#start-button');
  await page.waitForSelector('#org-search');
  await answer(page, [['office practicum', 'connexin'], ['xfinity', 'comcast']]);
  // Mid-questionnaire: switch, go back, the chosen organisations are still there.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en-US');
  await page.click('#back');
  await page.waitForSelector('#org-chips');
  assert.deepEqual(await page.$$eval('#org-chips [data-org]', (l) => l.map((e) => e.dataset.org)), ['connexin', 'comcast']);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'es-US');
  assert.equal(await text(page, '.chosen-title'), 'Organizaciones que eligió');
  await page.click('#continue');
  await page.waitForFunction(() => document.querySelector('[data-question]')?.dataset.question !== 'notice');
  for (let i = 0; i < 20 && (await questionId(page)); i++) await answer(page, ANSWERS[await questionId(page)]);
  await page.waitForSelector('#results');
  // Amounts are under "Lo que puede recibir", folded in each card (answer first).
  await openAll(page, '#results');
  const body = await text(page, '#results');
  assert.match(body, /Sus resultados/);
  assert.match(body, new RegExp(`Los reclamos cerraron el ${shortDate(claimDate('connexin'), 'es-US').replace(/ /g, '\\s')}`));
  // Connexin's claims closed here, so its amounts are no longer shown (answer first: no
  // estimate once claims close); Comcast's are: "Hasta $10,000".
  assert.match(body, /\$10,000/, 'money in es-US: $10,000');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en-US');
  const en = await text(page, '#results');
  assert.match(en, new RegExp(`Claims closed on ${shortDate(claimDate('connexin'))}`));
  assert.match(en, /\$10,000/);
  await page.click('#lang-switch');
  await page.click('#to-summary');
  await page.waitForSelector('#summary');
  assert.match(await text(page, '#summary'), /\$300/);
  // Passages the engine has only in English are marked lang="en" inside the Spanish page.
  await page.goto(`${env.server.url}#/settlement/connexin`);
  await page.waitForSelector('[data-testid="page-connexin"]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es-US');
  const titles = await page.$$eval('.source-link', (l) => l.map((a) => a.querySelector('[lang="en"]') !== null));
  assert.ok(titles.length > 0 && titles.every(Boolean), 'source titles carry lang="en"');
  // Unverified reasons are translated now: no lang="en" on them (tests/e2e/spanish-reasons.test.mjs).
  const why = await page.$$eval('.unverified-why', (l) => l.map((e) => e.getAttribute('lang')));
  assert.ok(why.length > 0 && why.every((l) => l === null), JSON.stringify(why));
  // Related-case titles (English only in the rule pack) too.
  await page.goto(`${env.server.url}#/settlement/moveit-mdl`);
  await page.waitForSelector('[data-testid="page-moveit-mdl"]');
  assert.ok(await page.$$eval('strong[lang="en"]', (l) => l.some((e) => /bellwether/.test(e.textContent))), 'related-case title marked lang="en"');
  assert.deepEqual(page.errors, []);
  await context.close();
});
