// Chromium figures for a catalogue's scale, printed beside their goals, not asserted. Run by
// scripts/perf.sh's scale section: `node tests/perf/pack-scale.mjs DIST LABEL`.
//
// - start: navigation to the app mounted (the pack's structure and one language's texts fetched
//   and decoded: the decode grows with the catalogue), unthrottled and at CPU x4 (CDP);
// - decode: each background pack file from its bytes handed to the app to the first task after
//   the app decoded and installed it (a wrapper around the loader's ccLoadTexts);
// - memory: the wasm's linear memory once both languages are in (the decoded pack lives there);
// - search: the organisation search, from a key pressed in #org-search to the frame that paints
//   the updated list (capture-phase keydown timeStamp; a MutationObserver on the picker, then
//   requestAnimationFrame and a MessageChannel message posted from inside it, as in
//   answer-to-render.mjs), median over the keys of a few names typed letter by letter.
import { serve } from '../e2e/serve.mjs';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS } from '../e2e/helpers.mjs';

const [dir, label = dir] = process.argv.slice(2);
const server = await serve(dir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });

const PROBE = () => {
  window.__keys = [];
  // Decode time of each background pack file: from its bytes handed to the app (the loader's
  // promise settling; this callback is attached before the app's) to the first task after the
  // app's synchronous decode and install that follows in the same microtask checkpoint.
  window.__decode = [];
  let loader;
  Object.defineProperty(window, 'ccLoadTexts', {
    configurable: true,
    get: () => loader,
    set: (f) => {
      loader = (name) => {
        const p = f(name);
        if (!/^dir-/.test(name)) {
          p.then(() => {
            const t = performance.now();
            const ch = new MessageChannel();
            ch.port1.onmessage = () => window.__decode.push([name, performance.now() - t]);
            ch.port2.postMessage(0);
          }, () => {});
        }
        return p;
      };
    },
  });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  document.addEventListener('keydown', (e) => {
    if (!(e.target instanceof Element) || e.target.id !== 'org-search') return;
    const t0 = e.timeStamp;
    const picker = document.querySelector('[data-testid="org-picker"]');
    const obs = new MutationObserver(() => {
      obs.disconnect();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__keys.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    });
    obs.observe(picker, { subtree: true, childList: true, characterData: true, attributes: true });
  }, true);
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function run(rate) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(PROBE);
  await page.goto(`${server.url}?embed`);
  await page.waitForSelector('#as-of');
  const mounted = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => /claimcheck-texts-/.test(e.name)).length >= 2);
  await page.waitForTimeout(500);
  const memory = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
  const decode = await page.evaluate(() => window.__decode);
  await page.click('#start-button');
  await page.waitForSelector('#org-search');
  for (const name of ['comcast', 'connexin', 'sovos']) {
    await page.fill('#org-search', '');
    await page.type('#org-search', name, { delay: 60 });
  }
  await page.waitForTimeout(300);
  const keys = await page.evaluate(() => window.__keys);
  await context.close();
  return { mounted, memory, keys, decode };
}

for (const rate of [1, 4]) {
  const r = await run(rate);
  const cpu = rate === 1 ? 'unthrottled' : `CPU x${rate}`;
  console.log(`Chromium ${label}, ${cpu}: navigation to app mounted (pack fetched and decoded): ${r.mounted.toFixed(0)} ms (goal: none)`);
  const each = r.decode.map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join(', ');
  const total = r.decode.reduce((t, [, ms]) => t + ms, 0);
  console.log(`Chromium ${label}, ${cpu}: background pack decoded and installed (structure, then each language's texts, each decode reading the whole pack again): ${total.toFixed(0)} ms (${each}) (goal: none; off the first question's path)`);
  console.log(`Chromium ${label}, ${cpu}: wasm memory with both languages in: ${(r.memory / 1048576).toFixed(1)} MiB (goal: none)`);
  console.log(`Chromium ${label}, ${cpu}: organisation search, key to painted list, median of ${r.keys.length}: ${median(r.keys).toFixed(1)} ms (goal: under 16 ms unthrottled)`);
}
await browser.close();
await server.close();
