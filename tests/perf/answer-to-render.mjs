// Chromium: the time from an answer to the next screen rendered (goal: under 16 ms), printed, not
// asserted. Run by scripts/perf.sh: `node tests/perf/answer-to-render.mjs` (needs dist/).
//
// Method. Playwright walks the questionnaire in Debian chromium with varied answers; before each
// measured click it fills the answer (ticks the radio, picks the state, types the amount), then
// clicks the control that answers (Continue, "none of these", "not sure", Start) with a real
// input event (CDP Input.dispatchMouseEvent). Inside the page, a capture-phase click listener
// takes the click event's timeStamp (when the browser received the input, so input queueing is
// counted) and a MutationObserver waits until a different screen is in the DOM (another
// question's `data-question` with its `#page-heading`, or the results / summary). Then
// requestAnimationFrame marks the frame that renders it, and a MessageChannel message posted
// from inside that rAF callback runs as the first task after that frame's style, layout and
// paint: its performance.now() is "painted". (A double rAF would add a whole idle frame, up to
// 16.7 ms, that the person does not wait for.) Playwright's own overhead (finding the element,
// actionability checks) happens before the input event and is not counted.
//
// Cross-check with Chromium's own measure: the Event Timing API (PerformanceObserver 'event'
// entries, durationThreshold 16 ms) reports every click whose input-to-next-paint duration was
// 16 ms or more; the count of such clicks is printed beside the figures.
//
// Both runs: unthrottled, and with CDP Emulation.setCPUThrottlingRate x4 (a slow phone).
import { setup } from '../e2e/helpers.mjs';

const STEPS = Number(process.env.PERF_STEPS || 50);

// In the page: measure each click on an answering control until the next screen is painted.
const PROBE = () => {
  const perf = { done: [], slow: 0, clicks: 0, stamps: [] };
  window.__perf = perf;
  const screen = () => {
    const q = document.querySelector('.question-page[data-question]');
    if (q && document.querySelector('#page-heading')) return `q:${q.getAttribute('data-question')}`;
    if (document.querySelector('#results')) return 'results';
    if (document.querySelector('#summary')) return 'summary';
    if (document.querySelector('#start-button')) return 'start';
    return 'other';
  };
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest('#continue, #orgs-none, #orgs-not-sure, #start-button') : null;
    if (!el) return;
    perf.clicks++;
    const t0 = e.timeStamp;
    perf.stamps.push(t0);
    const before = screen();
    const from = before;
    const finish = () => {
      const tDom = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          perf.done.push({ from, to: screen(), dom: tDom - t0, painted: performance.now() - t0 });
        };
        ch.port2.postMessage(0);
      });
    };
    const mo = new MutationObserver(() => {
      const now = screen();
      if (now !== before && now !== 'other') {
        mo.disconnect();
        finish();
      }
    });
    mo.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-question'] });
  }, true);
  new PerformanceObserver((list) => {
    for (const en of list.getEntries()) {
      // An entry's startTime is its event's timeStamp: count only the answering clicks.
      if (en.name === 'click' && perf.stamps.some((t) => Math.abs(t - en.startTime) < 1)) perf.slow++;
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
};

// Answer profiles, cycled walk after walk, so different questions and screens are measured.
const PROFILES = [
  { notice: 'not_sure', yes_no: 'yes', claimant: 'self', state: 'CA', money: '250', hours: '3' },
  { notice: 'not_sure', yes_no: 'no', claimant: 'self', state: 'NY', money: '40', hours: '1' },
  { notice: 'not_sure', yes_no: 'not_sure', claimant: 'self', state: 'TX', money: 'not_sure', hours: '2' },
  { notice: 'none', yes_no: 'yes', claimant: 'self', state: 'FL', money: '1200', hours: '5' },
];

/** Fills the answer on screen without submitting; returns the selector that submits it. */
async function prepare(page, p) {
  const kind = await page.evaluate(() => {
    if (document.querySelector('#org-search')) return 'orgs';
    if (document.querySelector('#state-select')) return 'state';
    if (document.querySelector('#amount')) return 'text';
    return 'radio';
  });
  const id = await page.evaluate(() => document.querySelector('[data-question]')?.getAttribute('data-question'));
  if (kind === 'orgs') return p.notice === 'none' ? '#orgs-none' : '#orgs-not-sure';
  if (kind === 'state') await page.selectOption('#state-select', p.state);
  else if (kind === 'text') {
    const v = id === 'hours' ? p.hours : p.money;
    if (v === 'not_sure' && (await page.locator('#not-sure').count())) await page.check('#not-sure');
    else await page.fill('#amount', v === 'not_sure' ? '10' : v);
  } else {
    const values = await page.$$eval('input[data-value]', (els) => els.map((e) => e.getAttribute('data-value')));
    const want = id === 'claimant' ? p.claimant : p.yes_no;
    await page.check(`input[data-value="${values.includes(want) ? want : values[0]}"]`);
  }
  return '#continue';
}

async function run(env, rate) {
  const out = [];
  let slow = 0;
  let clicks = 0;
  for (let walk = 0; out.length < STEPS && walk < 40; walk++) {
    const context = await env.browser.newContext({ viewport: { width: 412, height: 915 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(env.server.url + '#/');
    await page.waitForSelector('#start-button');
    const p = PROFILES[walk % PROFILES.length];
    let selector = '#start-button';
    for (let i = 0; i < 30 && out.length + (await page.evaluate(() => window.__perf.done.length)) < STEPS; i++) {
      const n = await page.evaluate(() => window.__perf.done.length);
      await page.click(selector);
      await page.waitForFunction((k) => window.__perf.done.length > k, n, { timeout: 10_000 });
      if (await page.locator('#results, #summary').count()) break;
      selector = await prepare(page, p);
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await page.waitForTimeout(300); // Event Timing entries are delivered after the paint
    const perf = await page.evaluate(() => window.__perf);
    out.push(...perf.done);
    slow += perf.slow;
    clicks += perf.clicks;
    await context.close();
  }
  return { steps: out.slice(0, STEPS), slow, clicks };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(1)} ms`;

const env = await setup();
try {
  for (const rate of [1, 4]) {
    const { steps, slow, clicks } = await run(env, rate);
    const painted = steps.map((s) => s.painted);
    const dom = steps.map((s) => s.dom);
    const label = rate === 1 ? 'unthrottled' : `CPU throttled x${rate}`;
    const screens = new Set(steps.map((s) => s.to)).size;
    console.log(`Chromium answer -> next screen painted, ${label}, ${steps.length} answers over ${screens} screens: median ${ms(quantile(painted, 0.5))}, p95 ${ms(quantile(painted, 0.95))}, max ${ms(Math.max(...painted))} (goal: under 16 ms)`);
    console.log(`Chromium answer -> next screen in the DOM, ${label}: median ${ms(quantile(dom, 0.5))}, p95 ${ms(quantile(dom, 0.95))} (goal: none; the part before paint)`);
    // Where the time goes: the screens whose arrival is slowest (median per screen).
    const by = {};
    for (const s of steps) (by[s.to] ??= []).push(s.painted);
    const worst = Object.entries(by).map(([k, v]) => [k, quantile(v, 0.5), v.length]).sort((a, b) => b[1] - a[1]).slice(0, 3);
    console.log(`Chromium slowest next screens, ${label}: ${worst.map(([k, m, n]) => `${k} ${ms(m)} (${n}x)`).join(', ')} (goal: under 16 ms each)`);
    console.log(`Chromium Event Timing API, ${label}: ${slow} of ${clicks} answering clicks took 16 ms or more to the next paint (goal: 0)`);
  }
} finally {
  await env.close();
}
