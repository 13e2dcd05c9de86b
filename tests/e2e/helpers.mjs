// Shared helpers for the end-to-end tests: the Debian chromium, the static server, a
// questionnaire driver, and expectations read from the rule files (the words a person should
// read, computed here independently of the app's Rust formatting).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const DIST = process.env.CLAIMCHECK_DIST || path.join(ROOT, 'dist');
export const SHOTS = path.join(HERE, 'screenshots');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];

/** Starts the server and the browser once per test file. */
export async function setup() {
  const server = await serve(DIST);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh page (own context: empty storage) at `hash`, with the browser clock fixed at `now`
 * (an ISO string with its offset) when given. Page errors and off-origin requests are recorded.
 */
export async function open(env, { hash = '#/', width = 1280, height = 900, now, locale = 'en-US',
  timezoneId = 'America/New_York', init, waitFor = '#as-of' } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, locale, timezoneId, acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.offOrigin = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(env.server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) {
      page.offOrigin.push(r.url());
    }
  });
  if (now) await page.clock.setFixedTime(new Date(now));
  if (init) await page.addInitScript(init);
  await page.goto(env.server.url + hash);
  await page.waitForSelector(waitFor); // by default: the app (footer) has mounted
  return { context, page };
}

/** The id of the question on screen, or null. */
export async function questionId(page) {
  return page.evaluate(() => document.querySelector('[data-question]')?.getAttribute('data-question') ?? null);
}

async function settled(page, before) {
  await page.waitForFunction(
    (b) => {
      const q = document.querySelector('.question-page')?.getAttribute('data-question');
      return (q && q !== b) || document.querySelector('#results, #summary');
    },
    before,
  );
}

/** Answers the question on screen. `value`: "yes" / "no" / "not_sure" / an option id / a state
 * code / an amount / hours / for organisations a list of [search text, org id] or "none". */
export async function answer(page, value) {
  const id = await questionId(page);
  const kind = await page.evaluate(() => {
    if (document.querySelector('#org-search')) return 'orgs';
    if (document.querySelector('#state-select')) return 'state';
    if (document.querySelector('#amount')) return 'text';
    return 'radio';
  });
  if (kind === 'orgs') {
    if (value === 'none') await page.click('#orgs-none');
    else if (value === 'not_sure') await page.click('#orgs-not-sure');
    else {
      for (const [text, org] of value) {
        await page.fill('#org-search', text);
        await page.click(`#org-opt-${org}`);
      }
      await page.click('#continue');
    }
  } else if (kind === 'state') {
    await page.selectOption('#state-select', value);
    await page.click('#continue');
  } else if (kind === 'text') {
    if (value === 'not_sure') await page.check('#not-sure');
    else await page.fill('#amount', String(value));
    await page.click('#continue');
  } else {
    await page.check(`input[data-value="${value}"]`);
    await page.click('#continue');
  }
  await settled(page, id);
}

export const DEFAULTS = {
  connexin_affiliated: 'no',
  claimant: 'self',
  us_resident: 'yes',
  state_moveit: 'NY',
  insider: 'no',
  had_costs: 'no',
  had_fraud: 'no',
  spent_time: 'no',
  costs: '100',
  fraud: '100',
  hours: '1',
};

/** Starts the questionnaire and answers until the results; returns the questions asked. */
export async function walk(page, answers) {
  await page.click('#start-button');
  await page.waitForSelector('.question-page');
  const all = { ...DEFAULTS, ...answers };
  const asked = [];
  for (let i = 0; i < 20; i++) {
    const id = await questionId(page);
    if (!id) break;
    asked.push(id);
    if (!(id in all)) throw new Error(`no answer for question ${id}`);
    await answer(page, all[id]);
  }
  await page.waitForSelector('#results');
  return asked;
}

// ---- Expectations from the rule files -------------------------------------------------------

export function settlementToml(id) {
  return fs.readFileSync(path.join(ROOT, 'rules', id, 'settlement.toml'), 'utf8');
}

export function exists(id) {
  return fs.existsSync(path.join(ROOT, 'rules', id, 'settlement.toml'));
}

export function settlementName(id) {
  return settlementToml(id).match(/^name = "([^"]+)"/m)[1];
}

/** The claim deadline (YYYY-MM-DD) as the rule file states it, or null when unverified/absent. */
export function claimDate(id) {
  const blocks = settlementToml(id).split(/^\[\[deadline\]\]/m).slice(1);
  const claim = blocks.find((b) => /^kind = "claim"/m.test(b));
  const m = claim && claim.match(/^date = \{ value = (\d{4}-\d{2}-\d{2})/m);
  return m ? m[1] : null;
}

export function status(id) {
  const m = settlementToml(id).match(/^status = \{ value = "([a-z_]+)"/m);
  return m ? m[1] : null;
}

const fmt = (opts, lang = 'en-US') => new Intl.DateTimeFormat(lang, { timeZone: 'UTC', ...opts });
/** "Thursday, July 25, 2024" */
export function longDate(ymd, lang = 'en-US') {
  return fmt({ weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }, lang).format(new Date(`${ymd}T00:00:00Z`));
}
/** "July 25, 2024" */
export function shortDate(ymd, lang = 'en-US') {
  return fmt({ month: 'long', day: 'numeric', year: 'numeric' }, lang).format(new Date(`${ymd}T00:00:00Z`));
}
export function addDays(ymd, n) {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
/** Noon in New York on a date (EDT/EST offset does not matter at noon). */
export function noonNY(ymd) {
  return `${ymd}T12:00:00-05:00`;
}

export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

export async function text(page, selector) {
  return (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();
}

// ---- The rule files as data ---------------------------------------------------------------
// A small reader for the TOML the rule files use (tables, arrays of tables, dotted keys, inline
// tables, arrays over several lines, basic and literal strings, integers, booleans, dates kept as
// "YYYY-MM-DD" strings), so tests compute what a person should read from the rules themselves,
// never from the app.

/** Parses TOML text into plain objects; throws with the line on anything it does not know. */
export function parseToml(src) {
  let i = 0;
  const root = {};
  let table = root;
  const line = () => src.slice(0, i).split('\n').length;
  const fail = (what) => { throw new Error(`TOML line ${line()}: ${what}`); };
  const skip = (newlines) => {
    for (;;) {
      const c = src[i];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) i++;
      else if (c === '#') while (i < src.length && src[i] !== '\n') i++;
      else return;
    }
  };
  const bareKey = () => {
    const m = /^[A-Za-z0-9_-]+/.exec(src.slice(i, i + 200));
    if (!m) fail('a key');
    i += m[0].length;
    return m[0];
  };
  const key = () => {
    const parts = [];
    for (;;) {
      skip(false);
      parts.push(src[i] === '"' || src[i] === "'" ? string() : bareKey());
      skip(false);
      if (src[i] !== '.') return parts;
      i++;
    }
  };
  const string = () => {
    const q = src[i++];
    let out = '';
    while (src[i] !== q) {
      if (i >= src.length || src[i] === '\n') fail('an unterminated string');
      if (q === '"' && src[i] === '\\') {
        const e = src[i + 1];
        const simple = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', b: '\b', f: '\f' };
        if (e in simple) { out += simple[e]; i += 2; } else if (e === 'u' || e === 'U') {
          const n = e === 'u' ? 4 : 8;
          out += String.fromCodePoint(parseInt(src.slice(i + 2, i + 2 + n), 16));
          i += 2 + n;
        } else fail(`an escape \\${e}`);
      } else out += src[i++];
    }
    i++;
    return out;
  };
  const value = () => {
    skip(false);
    const c = src[i];
    if (c === '"' || c === "'") return string();
    if (c === '[') {
      i++;
      const arr = [];
      for (;;) {
        skip(true);
        if (src[i] === ']') { i++; return arr; }
        arr.push(value());
        skip(true);
        if (src[i] === ',') i++;
        else if (src[i] !== ']') fail('"," or "]" in an array');
      }
    }
    if (c === '{') {
      i++;
      const obj = {};
      for (;;) {
        skip(false);
        if (src[i] === '}') { i++; return obj; }
        const k = key();
        if (src[i++] !== '=') fail('"=" in an inline table');
        put(obj, k, value());
        skip(false);
        if (src[i] === ',') i++;
        else if (src[i] !== '}') fail('"," or "}" in an inline table');
      }
    }
    const m = /^[0-9A-Za-z:+._-]+/.exec(src.slice(i, i + 64));
    if (!m) fail('a value');
    i += m[0].length;
    const w = m[0];
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (/^\d{4}-\d{2}-\d{2}/.test(w)) return w;
    if (/^[+-]?[\d_]+(\.[\d_]+)?$/.test(w)) return Number(w.replace(/_/g, ''));
    return fail(`the value ${w}`);
  };
  const put = (obj, path, v) => {
    let o = obj;
    for (const p of path.slice(0, -1)) o = (o[p] ??= {});
    o[path[path.length - 1]] = v;
  };
  const descend = (path, array) => {
    let o = root;
    path.forEach((p, n) => {
      const last = n === path.length - 1;
      if (last && array) {
        (o[p] ??= []).push({});
        o = o[p][o[p].length - 1];
      } else {
        o[p] ??= {};
        o = Array.isArray(o[p]) ? o[p][o[p].length - 1] : o[p];
      }
    });
    return o;
  };
  for (;;) {
    skip(true);
    if (i >= src.length) return root;
    if (src[i] === '[') {
      const array = src[i + 1] === '[';
      i += array ? 2 : 1;
      const path = key();
      if (src.slice(i, i + (array ? 2 : 1)) !== (array ? ']]' : ']')) fail('the end of a header');
      i += array ? 2 : 1;
      table = descend(path, array);
    } else {
      const k = key();
      if (src[i++] !== '=') fail('"="');
      put(table, k, value());
    }
  }
}

let rulesCache;
/** Every settlement, its scenarios and the organisations, read from rules/. */
export function rules() {
  if (rulesCache) return rulesCache;
  const dir = path.join(ROOT, 'rules');
  const read = (...p) => parseToml(fs.readFileSync(path.join(dir, ...p), 'utf8'));
  const ids = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'settlement.toml'))).sort();
  const settlements = {};
  const scenarios = {};
  for (const id of ids) {
    settlements[id] = read(id, 'settlement.toml');
    scenarios[id] = fs.existsSync(path.join(dir, id, 'scenarios.toml')) ? (read(id, 'scenarios.toml').scenario ?? []) : [];
  }
  const orgs = Object.fromEntries(read('organisations.toml').organisation.map((o) => [o.id, o]));
  const questions = Object.fromEntries(read('questions.toml').question.map((q) => [q.id, q]));
  rulesCache = { ids, settlements, scenarios, orgs, questions };
  return rulesCache;
}

/** Starts the questionnaire and answers each question from `answers` (question id → a value as
 * `answer` takes it), or with `fallback(id)` for a question it does not hold; returns the ids
 * asked, once the results are on screen. */
export async function walkAnswers(page, answers, fallback) {
  await page.click('#start-button');
  await page.waitForSelector('.question-page');
  const asked = [];
  for (let i = 0; i < 30; i++) {
    const id = await questionId(page);
    if (!id) break;
    asked.push(id);
    await answer(page, id in answers ? answers[id] : fallback(id));
  }
  await page.waitForSelector('#results');
  return asked;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The crash page is absent and no script error was thrown. */
export async function assertNoCrash(page, assert) {
  assert.equal(await page.locator('#crash').count(), 0, 'the crash page is showing');
  assert.deepEqual(page.errors, [], 'script errors');
}

/** Opens every fold under `root` (default: the whole page), including the folds that appear
 *  once their parent opens: the results draw the settlements a person is not in only when that
 *  fold is open. Repeats until no closed fold is left (at most five rounds). */
export async function openAll(page, root = 'body') {
  for (let round = 0; round < 5; round++) {
    const opened = await page.$$eval(`${root} details:not([open])`, (ds) => {
      ds.forEach((d) => { d.open = true; });
      return ds.length;
    });
    if (opened === 0) return;
    // The toggle event, then the app's render, then a frame.
    await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => r()), 0)));
  }
}
