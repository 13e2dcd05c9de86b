// The texts arrive by language: the app downloads the texts of the person's language before it
// starts, then the other language's in the background, and nothing else. A text file that does
// not arrive, or arrives altered, gives a page that says so with a Reload link (never a blank or
// half-English page); a language switch whose file cannot be fetched keeps the page and the
// answers and says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setup, open, answer, questionId, DIST, assertNoCrash } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const file = (lang) => fs.readdirSync(DIST).find((f) => new RegExp(`^claimcheck-texts-${lang}-[0-9a-f]{16}\\.bin$`).test(f));
const isTexts = (lang) => (url) => url.pathname.startsWith(`/claimcheck-texts-${lang}-`);
// The text file a first visit needs before the start screen works: the language's directory.
const isDir = (lang) => (url) => url.pathname.startsWith(`/claimcheck-dir-${lang}-`);
const dir = (lang) => fs.readdirSync(DIST).find((f) => new RegExp(`^claimcheck-dir-${lang}-[0-9a-f]{16}\\.bin$`).test(f));
/** The pack files a page fetched, in order. */
const packFiles = (names) => names.filter((n) => /^claimcheck-(dir|pack|texts)-/.test(n));

/** The resources the page fetched, in order, by file name. */
async function fetched(page) {
  return page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1)));
}

async function bothTextsFetched(page) {
  await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => /claimcheck-texts-/.test(e.name)).length >= 2);
}

test('dist/ holds one text file per language, named by its content (written by claimcheck pack), and the loader checks its integrity', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  for (const lang of ['en', 'es']) {
    const name = file(lang);
    assert.ok(name, `no text file for ${lang}`);
    const bytes = fs.readFileSync(path.join(DIST, name));
    assert.equal(name.slice(-20, -4), crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16));
    const sri = `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
    assert.ok(html.includes(`"./${name}","${sri}"`), `index.html names ${name} with its sha384`);
    assert.equal(bytes.subarray(0, 4).toString(), 'CCT2');
  }
});

test('English visitor: English texts before the app starts, then Spanish in the background, then nothing', async () => {
  const { context, page } = await open(env, { locale: 'en-US' });
  await bothTextsFetched(page);
  // The English directory at start, then the whole pack in the background.
  const names = packFiles(await fetched(page));
  assert.equal(names[0], dir('en'), names.join(' '));
  assert.ok(!names.includes(dir('es')), names.join(' '));
  assert.deepEqual(names.filter((n) => n.startsWith('claimcheck-texts-')), [file('en'), file('es')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en-US');
  // Switching needs no request: the Spanish texts are already in.
  const before = (await fetched(page)).length;
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'es-US');
  assert.match(await page.innerText('h1'), /Averigüe si puede presentar un reclamo/);
  assert.equal((await fetched(page)).length, before);
  await assertNoCrash(page, assert);
  await context.close();
});

test('Spanish visitor: the Spanish directory comes first and the page starts in Spanish', async () => {
  const { context, page } = await open(env, { locale: 'es-US' });
  await bothTextsFetched(page);
  const names = packFiles(await fetched(page));
  assert.equal(names[0], dir('es'), names.join(' '));
  assert.ok(!names.includes(dir('en')), names.join(' '));
  assert.equal(await page.getAttribute('html', 'lang'), 'es-US');
  assert.match(await page.innerText('#as-of'), /Información sobre los Acuerdos al/);
  await assertNoCrash(page, assert);
  await context.close();
});

for (const [label, fault, said] of [
  ['missing (404)', (route) => route.fulfill({ status: 404, body: 'not found' }), /could not be downloaded\. Check your internet connection, then reload the page\./],
  ['altered on the way (integrity fails)', async (route) => {
    const r = await route.fetch();
    const body = Buffer.from(await r.body());
    body[body.length - 3] ^= 0x20;
    await route.fulfill({ response: r, body });
  }, /arrived changed or damaged/],
  ['unreachable (network error)', (route) => route.abort('internetdisconnected'), /could not be downloaded\. Check your internet connection, then reload the page\./],
]) {
  test(`the English text file ${label}: the start screen says so, with Reload, in English`, async () => {
    const context = await env.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.route(isDir('en'), fault);
    await page.goto(env.server.url);
    await page.waitForSelector('#start-failed');
    const words = await page.innerText('#start-failed');
    assert.match(words, said);
    assert.equal(await page.locator('#start-button').count(), 0, 'no dead Start button');
    assert.equal(await page.getAttribute('#reload', 'href'), './');
    await context.close();
  });
}

test('the Spanish text file missing, for a Spanish visitor: the same page, in Spanish', async () => {
  const context = await env.browser.newContext({ locale: 'es-US' });
  const page = await context.newPage();
  await page.route(isDir('es'), (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(env.server.url);
  await page.waitForSelector('#start-failed');
  assert.match(await page.innerText('#start-failed'), /No se pudo descargar la herramienta/);
  assert.match(await page.innerText('#reload'), /Volver a cargar/);
  await context.close();
});

test('Spanish texts unavailable in the background for an English visitor: the damaged-file page, in English, with Reload', async () => {
  // No service worker: it would serve its own copy of the file, which this test takes away.
  const context = await env.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(isTexts('es'), (route) => route.abort('internetdisconnected'));
  await page.goto(env.server.url);
  await page.waitForSelector('#crash');
  assert.match(await page.innerText('#crash'), /Part of the checker could not be downloaded/);
  assert.equal(await page.innerText('#reload'), 'Reload');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});

test('a switch before the background download has finished waits for it, then shows Spanish', async () => {
  const context = await env.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(isTexts('es'), async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(env.server.url);
  await page.waitForSelector('#as-of');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'es-US', null, { timeout: 10_000 });
  assert.match(await page.innerText('h1'), /Averigüe si puede presentar un reclamo/);
  assert.equal(await page.locator('#message-lang-unavailable').count(), 0);
  await context.close();
});

test('?lang=es on an English browser: the Spanish directory first; a hostile lang= requests nothing else', async () => {
  for (const [query, first, lang] of [['?lang=es', 'es', 'es-US'], ['?lang=constructor', 'en', 'en-US'], ['?lang=__proto__', 'en', 'en-US']]) {
    const context = await env.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname.slice(1)));
    await page.goto(`${env.server.url}${query}`);
    await page.waitForSelector('#as-of');
    await bothTextsFetched(page);
    const texts = packFiles(asked);
    assert.equal(texts[0], dir(first), `${query}: ${texts}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang, query);
    const dist = fs.readdirSync(DIST);
    for (const n of asked) assert.ok(n === '' || dist.includes(n), `${query}: requested ${n}`);
    await context.close();
  }
});
