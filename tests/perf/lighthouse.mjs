// Lighthouse on the start screen (mobile form factor, simulated throttling, Debian chromium),
// printed, not asserted. Run by scripts/perf.sh: `node tests/perf/lighthouse.mjs LIGHTHOUSE_BIN`
// (needs dist/). Serves dist/ brotli-compressed on a loopback port (tests/e2e/serve.mjs with brotli), runs the Lighthouse CLI with
// CHROME_PATH=/usr/bin/chromium, and prints the performance, accessibility and best-practices
// scores and the LCP. Headless Lighthouse sometimes cannot compute the speed index
// (SPEEDINDEX_OF_ZERO) and then has no performance score: up to 3 attempts, then it prints
// what failed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../e2e/serve.mjs';
import { DIST } from '../e2e/helpers.mjs';

const bin = process.argv[2];
if (!bin) throw new Error('usage: node tests/perf/lighthouse.mjs LIGHTHOUSE_BIN');
const ATTEMPTS = 3;

/** Runs the Lighthouse CLI; resolves with its exit status and stderr. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stderr }));
  });
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-lh-'));
const server = await serve(DIST, 0, { brotli: true }); // brotli, as a configured static host sends it
let last = null;
const failures = [];
try {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const out = path.join(tmp, `report-${attempt}.json`);
    // Asynchronous: the server runs in this process and must keep answering.
    const r = await run(bin, [
      server.url + '#/',
      '--form-factor=mobile',
      '--throttling-method=simulate',
      '--only-categories=performance,accessibility,best-practices',
      '--output=json',
      `--output-path=${out}`,
      '--chrome-flags=--headless --no-sandbox --disable-gpu',
      '--quiet',
    ]);
    if (!fs.existsSync(out)) {
      failures.push(`attempt ${attempt}: lighthouse exited ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const lhr = JSON.parse(fs.readFileSync(out, 'utf8'));
    last = lhr;
    const errs = [lhr.runtimeError?.code, ...Object.values(lhr.audits).map((a) => a.errorMessage && `${a.id}: ${a.errorMessage}`)].filter(Boolean);
    const scores = ['performance', 'accessibility', 'best-practices'].map((c) => lhr.categories[c]?.score);
    if (scores.every((s) => typeof s === 'number')) break;
    failures.push(`attempt ${attempt}: ${errs.join('; ') || 'a category has no score'}`);
  }
} finally {
  await server.close();
}
fs.rmSync(tmp, { recursive: true, force: true }); // the reports are read
for (const f of failures) console.log(`Lighthouse attempt failed: ${f}`);
if (!last) {
  console.log('Lighthouse: no report after 3 attempts (goal: 100 / 100 / 100, LCP under 1 s)');
  process.exit(0);
}
const score = (c) => {
  const s = last.categories[c]?.score;
  return typeof s === 'number' ? String(Math.round(s * 100)) : 'no score (see the failures above)';
};
const lcp = last.audits['largest-contentful-paint'];
const fcp = last.audits['first-contentful-paint'];
const v = last.lighthouseVersion;
console.log(`Lighthouse ${v} start screen performance (mobile, simulated): ${score('performance')} (goal: 100)`);
console.log(`Lighthouse ${v} start screen accessibility: ${score('accessibility')} (goal: 100)`);
console.log(`Lighthouse ${v} start screen best-practices: ${score('best-practices')} (goal: 100)`);
console.log(`Lighthouse ${v} start screen LCP (mobile, simulated): ${lcp?.numericValue != null ? `${Math.round(lcp.numericValue)} ms` : `none (${lcp?.errorMessage})`} (goal: under 1000 ms)`);
console.log(`Lighthouse ${v} start screen FCP (mobile, simulated): ${fcp?.numericValue != null ? `${Math.round(fcp.numericValue)} ms` : `none (${fcp?.errorMessage})`} (goal: none; LCP is the goal)`);
// Whatever kept a category below 100, so the figure can be acted on.
for (const c of ['performance', 'accessibility', 'best-practices']) {
  const cat = last.categories[c];
  if (!cat || cat.score === 1) continue;
  const low = cat.auditRefs
    .filter((r) => r.weight > 0)
    .map((r) => last.audits[r.id])
    .filter((a) => a && typeof a.score === 'number' && a.score < 1)
    .map((a) => `${a.id} ${Math.round(a.score * 100)}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  if (low.length) console.log(`Lighthouse ${c} audits below 100: ${low.join(', ')}`);
}
