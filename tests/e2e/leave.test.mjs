// Quick exit and shared computers: the Leave button (both languages) and Escape twice clear
// everything, saved answers too, and replace the page with the neutral leave.html (Back shows
// no answer); Escape in the organisation search box belongs to the box and never counts; in
// embed mode Leave only clears the frame. Shared-computer mode (opt-in on the start screen, or
// ?shared): after 14 idle minutes a warning with "Keep my answers", after 15 the answers are
// erased; driven by Playwright's clock. axe on the warning in both languages; screenshots
// (idle-*) at 360 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { setup, open, answer, questionId, text, shot } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const KEY = 'claimcheck.saved.v1';

async function axe(page, label) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.ok(r.passes.length > 20, `${label}: axe ran`);
  return r.violations.map((v) => `${label}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Starts, saves, and answers the first two questions (Connexin's notice). */
async function begin(page) {
  await page.click('#start-button');
  await page.waitForSelector('.question-page');
  await page.check('#save-answers');
  await answer(page, [['connexin', 'connexin']]);
  assert.notEqual(await questionId(page), 'notice');
  assert.ok(await page.evaluate((k) => localStorage.getItem(k), KEY), 'saved while answering');
}

async function expectLeft(page) {
  await page.waitForURL(/\/leave\.html$/);
  assert.equal(await page.title(), 'Banana bread');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null, 'saved answers erased');
  // Back: the checker again, with nothing of the answers.
  await page.goBack();
  await page.waitForSelector('#as-of');
  assert.equal(await page.locator('#resume').count(), 0);
  assert.ok([null, 'notice'].includes(await questionId(page)), 'back at the start of the questions at most');
  assert.equal(await page.locator('#org-chips').count(), 0, 'no organisation chosen');
  await page.goto(new URL('#/summary', page.url()).href);
  await page.waitForSelector('#summary');
  assert.equal(await page.locator('#answers-list').count(), 0, 'no answer after Back');
  assert.match(await text(page, '#summary'), /You have not answered any questions yet|Todavía no ha respondido ninguna pregunta/);
}

for (const [lang, label] of [['en', 'Exit this page'], ['es', 'Salir de esta página']]) {
  test(`the Leave button erases everything and opens the neutral page (${lang})`, async () => {
    const { context, page } = await open(env, { locale: `${lang}-US` });
    try {
      assert.equal(await text(page, '#leave'), label);
      const hint = await page.$eval('#leave', (b) => document.getElementById(b.getAttribute('aria-describedby')).textContent);
      assert.match(hint, lang === 'en' ? /Escape twice/ : /Escape dos veces/);
      await begin(page);
      await page.click('#leave');
      await expectLeft(page);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });
}

test('Escape twice within a second leaves; slower presses do not', async () => {
  const { context, page } = await open(env);
  try {
    await begin(page);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1300);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    assert.ok(!page.url().includes('leave.html'), 'two presses 1.3 s apart do not leave');
    await page.keyboard.press('Escape');
    await expectLeft(page);
  } finally {
    await context.close();
  }
});

test('Escape in the organisation search box belongs to the box; outside it, twice leaves', async () => {
  const { context, page } = await open(env);
  try {
    await page.click('#start-button');
    await page.waitForSelector('#org-search');
    await page.fill('#org-search', 'conn');
    await page.waitForSelector('#org-listbox:not([hidden])');
    await page.keyboard.press('Escape'); // closes the list
    await page.keyboard.press('Escape'); // clears the text
    await page.keyboard.press('Escape'); // nothing left to do: still the box's
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    assert.ok(!page.url().includes('leave.html'), 'Escape in the search box never leaves');
    assert.equal(await page.inputValue('#org-search'), '');
    assert.ok(await page.isHidden('#org-listbox'));
    await page.keyboard.press('Tab'); // out of the box
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/leave\.html$/);
  } finally {
    await context.close();
  }
});

test('in embed mode Leave clears the frame and stays', async () => {
  const { context, page } = await open(env, { hash: '?embed' });
  try {
    await begin(page);
    const at = page.url();
    await page.click('#leave');
    await page.waitForSelector('#message-forgotten');
    assert.equal(page.url().split('#')[0], at.split('#')[0], 'still the checker');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
    assert.equal(await page.locator('#resume').count(), 0);
    // And Escape twice does the same.
    await begin(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#message-forgotten');
    assert.equal(await page.locator('#resume').count(), 0);
  } finally {
    await context.close();
  }
});

/** A page whose clock Playwright controls from the start. */
async function clocked(hash = '#/', { width = 1280, locale = 'en-US' } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, locale });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.clock.install({ time: new Date('2026-11-24T15:00:00Z') });
  await page.goto(env.server.url + hash);
  await page.waitForSelector('#as-of');
  return { context, page };
}

const MIN = 60_000;

test('shared computer: warned at 14 idle minutes, kept on request, erased at 15', async () => {
  const { context, page } = await clocked();
  try {
    assert.equal(await page.isChecked('#shared-computer'), false, 'off unless chosen');
    await page.check('#shared-computer');
    await page.click('#start-button');
    await page.waitForSelector('.question-page');
    await answer(page, [['connexin', 'connexin']]);
    const q = await questionId(page);

    await page.clock.fastForward(13 * MIN);
    await page.clock.runFor(10_000);
    assert.equal(await page.locator('#idle-notice').count(), 0, 'nothing at 13 minutes');
    await page.clock.fastForward(1 * MIN);
    await page.waitForSelector('#idle-notice');
    assert.equal(await page.getAttribute('#idle-live', 'aria-live'), 'assertive');
    assert.match(await text(page, '#idle-live'), /Your answers will be erased in 1 minute because this is a shared computer/);
    await page.click('#idle-keep');
    assert.equal(await page.locator('#idle-notice').count(), 0);
    assert.equal(await questionId(page), q, 'kept: still on the same question');

    // Idle again: warned, then erased.
    await page.clock.fastForward(14 * MIN);
    await page.waitForSelector('#idle-notice');
    await page.clock.fastForward(1 * MIN);
    await page.waitForSelector('#start');
    await page.waitForSelector('#message-forgotten');
    assert.equal(await page.locator('#resume').count(), 0);
    assert.equal(await page.locator('#idle-notice').count(), 0);
    assert.ok(await page.isChecked('#shared-computer'), 'the mode stays on for the next person');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('shared computer: activity restarts the clock; ?shared turns the mode on', async () => {
  const { context, page } = await clocked('?shared');
  try {
    assert.ok(await page.isChecked('#shared-computer'));
    await page.click('#start-button');
    await page.waitForSelector('.question-page');
    await answer(page, [['connexin', 'connexin']]);
    await page.clock.fastForward(10 * MIN);
    await page.keyboard.press('Tab'); // someone is there
    await page.clock.fastForward(10 * MIN);
    await page.clock.runFor(10_000);
    assert.equal(await page.locator('#idle-notice').count(), 0, '10 + 10 minutes with a key between');
    await page.clock.fastForward(4 * MIN);
    await page.waitForSelector('#idle-notice');
  } finally {
    await context.close();
  }
});

for (const [lang, locale] of [['en', 'en-US'], ['es', 'es-US']]) {
  test(`axe: the idle warning has zero violations (${lang}); screenshots`, async () => {
    for (const width of [360, 1280]) {
      const { context, page } = await clocked('?shared', { width, locale });
      try {
        await page.click('#start-button');
        await page.waitForSelector('.question-page');
        await answer(page, [['connexin', 'connexin']]);
        await page.clock.fastForward(14 * MIN);
        await page.waitForSelector('#idle-notice');
        if (lang === 'es') assert.match(await text(page, '#idle-notice'), /Sus respuestas se borrarán en 1 minuto porque esta es una computadora compartida/);
        if (width === 1280) assert.deepEqual(await axe(page, `idle ${lang}`), []);
        await shot(page, `idle-${lang}-${width}`);
      } finally {
        await context.close();
      }
    }
  });
}

test('axe: the start screen with the shared-computer box and the header with Leave (both languages, 360px)', async () => {
  for (const locale of ['en-US', 'es-US']) {
    const { context, page } = await open(env, { locale, width: 360 });
    try {
      assert.deepEqual(await axe(page, `start ${locale}`), []);
      const [sw, cw] = await page.evaluate(() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]);
      assert.ok(sw <= cw, `no sideways scroll at 360px: ${sw} > ${cw}`);
      await shot(page, `leave-start-${locale}-360`);
    } finally {
      await context.close();
    }
  }
});

for (const [lang, label] of [['en', 'Exit this page'], ['es', 'Salir de esta página']]) {
  test(`"${label}": GOV.UK's words, explained once on the start screen, away from the language switch (360px)`, async () => {
    const { context, page } = await open(env, { locale: `${lang}-US`, width: 360, height: 740 });
    try {
      assert.equal(await text(page, '#leave'), label);
      // Explained visibly, once: on the start screen, in the page's own words.
      const said = await text(page, '#exit-explained');
      assert.ok(said.includes(`“${label}”`), said);
      assert.match(said, lang === 'en' ? /erases your answers/ : /borra sus respuestas/);
      const times = await page.evaluate((l) => [...document.querySelectorAll('p, li')]
        .filter((e) => e.checkVisibility() && e.textContent.includes(`“${l}”`)).length, label);
      assert.equal(times, 1, 'explained once');
      // Spaced from the language switch: a tap meant for one never lands on the other.
      const [a, b] = await page.evaluate(() => ['#leave', '#lang-switch'].map((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return { l: r.left, r: r.right, t: r.top, b: r.bottom };
      }));
      const gap = Math.max(a.l - b.r, b.l - a.r, a.t - b.b, b.t - a.b);
      assert.ok(gap >= 16, `${gap}px between "${label}" and the language switch`);
      // Still one action away on the questions, and not wrapped onto several lines.
      await page.click('#start-button');
      await page.waitForSelector('.question-page');
      assert.ok(await page.isVisible('#leave'));
      const lines = await page.$eval('#leave', (e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)));
      assert.ok(lines <= 2, `${lines} lines`);
      assert.equal(await page.locator('#exit-explained').count(), 0, 'explained on the start screen only');
    } finally {
      await context.close();
    }
  });
}
