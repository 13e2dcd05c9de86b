// The start screen's paint timings in Debian chromium under CDP throttling, printed, not asserted:
// a steadier companion to Lighthouse's simulated LCP. Run by scripts/perf.sh:
// `node tests/perf/start-paint.mjs` (needs dist/).
//
// Method. dist/ is served brotli-compressed (tests/e2e/serve.mjs with brotli). Each run opens the start screen in a fresh context (empty cache; the test server
// sends no-store) at a phone's viewport, with Emulation.setCPUThrottlingRate x4 and
// Network.emulateNetworkConditions, and reads first-contentful-paint ('paint' entries) and
// largest-contentful-paint (the last 'largest-contentful-paint' entry) with a buffered
// PerformanceObserver once the start button is on screen and one more second has passed.
// Two network profiles: the 1.6 Mbps / 150 ms RTT that Lighthouse's mobile preset simulates,
// and the stricter per-request figures Lighthouse applies when it throttles for real
// (1.47 Mbps down, 562.5 ms latency per request). Median of RUNS runs.
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS, DIST } from '../e2e/helpers.mjs';
import { serve } from '../e2e/serve.mjs';

const RUNS = Number(process.env.PERF_RUNS || 5);
const PROFILES = [
  { label: '1.6 Mbps, 150 ms RTT', latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8 },
  { label: '1.47 Mbps, 562.5 ms per request', latency: 562.5, down: (1.6 * 1024 * 0.9 * 1024) / 8, up: (750 * 0.9 * 1024) / 8 },
];

const OBSERVE = () => {
  window.__paint = { fcp: null, lcp: null };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.__paint.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => {
    const es = l.getEntries();
    if (es.length) window.__paint.lcp = es[es.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const env = {
  server: await serve(DIST, 0, { brotli: true }), // brotli, as a configured static host sends it
  browser: await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  async close() { await this.browser.close(); await this.server.close(); },
};
try {
  for (const p of PROFILES) {
    const fcp = [];
    const lcp = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await env.browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'en-US' });
      const page = await context.newPage();
      await page.addInitScript(OBSERVE);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: p.latency, downloadThroughput: p.down, uploadThroughput: p.up });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(env.server.url + '#/');
      await page.waitForSelector('#start-button', { timeout: 60_000 });
      await page.waitForTimeout(1000);
      const r = await page.evaluate(() => window.__paint);
      if (r.fcp == null || r.lcp == null) throw new Error(`no paint entries: ${JSON.stringify(r)}`);
      fcp.push(r.fcp);
      lcp.push(r.lcp);
      await context.close();
    }
    const all = (xs) => xs.map((x) => Math.round(x)).join(', ');
    console.log(`Start screen first-contentful-paint, CPU x4, ${p.label}: median ${Math.round(median(fcp))} ms over ${RUNS} runs [${all(fcp)}] (goal: none; LCP is the goal)`);
    console.log(`Start screen largest-contentful-paint, CPU x4, ${p.label}: median ${Math.round(median(lcp))} ms over ${RUNS} runs [${all(lcp)}] (goal: under 1000 ms)`);
  }
} finally {
  await env.close();
}
