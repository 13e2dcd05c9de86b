// Every outcome of every bundled settlement, walked through the app in Chromium.
//
// For each settlement and each verdict its scenarios reach (member / likely / can't tell / not a
// member), one walk with a scenario's answers and the browser clock at noon in New York on the
// scenario's `today`; for each settlement with a dated claim deadline, also walks on the day
// before, the day of and the day after it. Each walk asserts the words a person reads for that
// settlement: the verdict and claim-deadline sentence (computed here from the rule files and the
// scenarios' hand-written expectations, never from the app), where the settlement is listed
// (results, "can't tell yet" folded, "not in" folded) and, for "not in", the reason.
//
// Walks with the same answers and day are done once for every settlement they check. A question
// a scenario does not answer gets "I'm not sure" (which the engine treats as no answer), or
// "Myself" for who the check is for (no class rule reads it; asserted below).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  ROOT, setup, open, rules, walkAnswers, addDays, longDate, shortDate, noonNY, daysBetween, assertNoCrash } from './helpers.mjs';

const R = rules();
const packDate = () => fs.readFileSync(path.join(ROOT, 'rules', 'pack.toml'), 'utf8').match(/^checked_on = (\d{4}-\d{2}-\d{2})/m)[1];
const IN = new Set(['member', 'likely']);

// ---- What a person should read, from the rule files ----------------------------------------

const isPending = (s) => ['litigation_pending', 'no_settlement_found'].includes(s.case?.status?.value);

function verdictWords(s, v) {
  const n = s.name;
  if (isPending(s) || s.class?.certified === false) {
    return {
      member: `You may be included in the ${n} case if it wins or settles.`,
      likely: `You may be included in the ${n} case if it wins or settles.`,
      cant_tell: `We can't tell yet whether you are in the proposed class in the ${n} case.`,
      not_member: `You are not in the proposed class in the ${n} case.`,
    }[v];
  }
  // "23andMe data breach settlement" reads "the 23andMe data breach settlement class", once.
  const c = n.replace(/ settlement$/i, '');
  return {
    member: `You are very likely included in the ${c} settlement class.`,
    likely: `You are probably included in the ${c} settlement class.`,
    cant_tell: `We can't tell yet whether you are included in the ${c} settlement class.`,
    not_member: `You are not in the ${c} settlement class.`,
  }[v];
}

const claimDeadline = (s) => (s.deadline ?? []).find((d) => d.kind === 'claim');

/** The claim deadline's state at noon in New York on `today`, in the scenario files' spelling. */
function claimCode(s, today) {
  const d = claimDeadline(s);
  if (!d) return 'none';
  const date = d.date?.value;
  if (!date) return 'unknown';
  if (d.opens && today < d.opens) return 'not_open';
  // At noon, a cut-off time on the day itself only matters if it is before noon.
  assert.ok(!d.time || d.time >= '12:00', `${s.id}: a cut-off before noon is not modelled here`);
  const n = daysBetween(today, date);
  return n > 0 ? `open:${n}` : n === 0 ? 'last_day' : 'closed';
}

function claimWords(s, code) {
  const d = claimDeadline(s);
  if (code === 'none') {
    // A pending case or a proposed class with no claim deadline: "none found in our sources as
    // of <the pack's date>", never "there is no settlement" as a fact (issue 13).
    return isPending(s) || s.class?.certified === false
      ? `No settlement was found in our sources as of ${shortDate(packDate())}, so there is nothing to claim now.`
      : 'We could not confirm the claim deadline.';
  }
  if (code === 'unknown') return 'We could not confirm the claim deadline.';
  if (code === 'not_open') return `Claims open on ${shortDate(d.opens)}.`;
  if (code === 'last_day') return `Today, ${longDate(d.date.value)}, is the last day to file a claim.`;
  if (code === 'closed') return `Claims closed on ${shortDate(d.date.value)}.`;
  const n = Number(code.slice(5));
  return `Claims are open until ${longDate(d.date.value)} (${n === 1 ? '1 day' : `${n} days`} left).`;
}

/** Whether an exclusion's condition holds on these answers. Exclusions in the pack are all
 * `question = word`; anything else fails the test so it is extended rather than guessed. */
function exclusionHolds(x, answers) {
  const m = /^\s*([a-z_0-9]+)\s*=\s*([A-Za-z_0-9]+)\s*$/.exec(x.when);
  assert.ok(m, `exclusion "${x.when}" is not "question = word"`);
  return answers[m[1]] === m[2];
}

/** The words the "not in" entry must show for why. */
function notInReasons(s, answers) {
  const hit = (s.class?.exclusion ?? []).find((x) => exclusionHolds(x, answers));
  if (hit) return [`You are excluded: ${hit.reason.en}`];
  // A way in without wording to quote is not described as if the person had said it.
  return (s.class?.route ?? []).flatMap((r) => (r.clause
    ? ['Your answers do not match this way into the class:', r.clause.value?.en ?? r.clause.unverified]
    : ['Your answers do not match who is in this class.']));
}

// ---- The walks ------------------------------------------------------------------------------

// No class rule may read the "who are you checking for" answer, since walks answer it "Myself".
for (const id of R.ids) {
  const c = R.settlements[id].class ?? {};
  for (const r of [...(c.route ?? []), ...(c.exclusion ?? []), ...(R.settlements[id].subclass ?? [])]) {
    assert.ok(!/\bclaimant\b/.test(r.when), `${id}: a class rule reads "claimant"; walks answer it "self"`);
  }
}

const keyOf = (today, answers) => JSON.stringify([today, Object.keys(answers).sort().map((k) => [k, answers[k]])]);

/** All walks: key → { today, answers, checks: [{ id, verdict, code, from }] }. */
function plan() {
  const cands = [];
  for (const id of R.ids) {
    const scs = R.scenarios[id].filter((x) => x.expect?.verdict);
    for (const v of new Set(scs.map((x) => x.expect.verdict))) {
      cands.push({ id, v, options: scs.filter((x) => x.expect.verdict === v) });
    }
  }
  // Prefer the scenario whose answers and day the most other settlements' scenarios share.
  const freq = new Map();
  for (const c of cands) {
    for (const k of new Set(c.options.map((x) => keyOf(x.today, x.answers)))) freq.set(k, (freq.get(k) ?? 0) + 1);
  }
  const walks = new Map();
  const add = (today, answers, check) => {
    const k = keyOf(today, answers);
    if (!walks.has(k)) walks.set(k, { today, answers, checks: [] });
    const w = walks.get(k);
    if (!w.checks.some((c) => c.id === check.id)) w.checks.push(check);
  };
  const expectCode = (sc, s) => {
    const code = claimCode(s, sc.today);
    const said = sc.expect?.deadline?.claim;
    if (said) assert.equal(code, said, `${s.id} "${sc.name}": this file's deadline arithmetic disagrees with the scenario`);
    return code;
  };
  for (const c of cands) {
    const s = R.settlements[c.id];
    const sc = [...c.options].sort((a, b) => freq.get(keyOf(b.today, b.answers)) - freq.get(keyOf(a.today, a.answers)))[0];
    add(sc.today, sc.answers, { id: c.id, verdict: c.v, code: expectCode(sc, s), from: sc.name });
  }
  // Before, on and after each dated claim deadline, as someone in the class.
  for (const id of R.ids) {
    const s = R.settlements[id];
    const date = claimDeadline(s)?.date?.value;
    if (!date) continue;
    const ins = R.scenarios[id].filter((x) => IN.has(x.expect?.verdict));
    assert.ok(ins.length, `${id}: no scenario puts a person in the class`);
    for (const day of [addDays(date, -1), date, addDays(date, 1)]) {
      // A scenario on that very day if there is one; else the first in-class answers, on that
      // day (a verdict never depends on the date, only deadlines do).
      const sc = ins.find((x) => x.today === day) ?? { ...ins[0], today: day, name: `${ins[0].name} (on ${day})`, expect: { verdict: ins[0].expect.verdict } };
      add(day, sc.answers, { id, verdict: sc.expect.verdict, code: expectCode(sc, s), from: sc.name });
    }
  }
  return [...walks.values()];
}

/** A scenario answer as the questionnaire driver takes it. */
function uiAnswer(q, v) {
  if (q === 'notice') {
    if (v === 'not_sure') return 'not_sure';
    if (Array.isArray(v) && v.length === 0) return 'none';
    return v.map((org) => {
      assert.ok(R.orgs[org], `unknown organisation ${org}`);
      return [R.orgs[org].name, org];
    });
  }
  return String(v);
}

const WALKS = plan();
let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const norm = (s) => s.replace(/\s+/g, ' ').trim();

async function checkOne(page, c, answers) {
  const s = R.settlements[c.id];
  const verdict = verdictWords(s, c.verdict);
  const claim = claimWords(s, c.code);
  const where = `${c.id} (${c.verdict}, claim ${c.code}; from "${c.from}")`;
  const card = page.locator(`[data-testid="settlement-${c.id}"]`);
  const short = page.locator(`[data-testid="short-${c.id}"]`);
  if (IN.has(c.verdict)) {
    assert.equal(await card.count(), 1, `${where}: one card in the results`);
    assert.equal(await card.getAttribute('data-verdict'), c.verdict, where);
    assert.equal(await card.evaluate((e) => !!e.closest('details')), false, `${where}: the card is not folded away`);
    assert.equal(norm(await card.getByTestId('verdict-sentence').innerText()), `${verdict} ${claim}`, where);
    // No "In short" list above the cards: each card is the answer, first on the page.
    assert.equal(await short.count(), 0, `${where}: no "In short"`);
    // The reasons are folded under "Why we think so": read the card's text, folds included.
    const body = norm(await card.evaluate((e) => e.textContent));
    assert.ok((s.class.route ?? []).some((r) => body.includes(norm(r.reason.en))), `${where}: the way in is given`);
  } else if (c.verdict === 'cant_tell') {
    const d = page.locator(`[data-testid="maybe-${c.id}"]`);
    assert.equal(await d.count(), 1, `${where}: listed under "can't tell yet"`);
    assert.equal(await short.count(), 0, `${where}: not in "In short"`);
    assert.equal(await d.evaluate((e) => e.tagName === 'DETAILS' && !e.open), true, `${where}: folded`);
    const summary = norm(await d.locator(':scope > summary').innerText());
    assert.equal(summary, `${s.name} ${claim}`, where);
    await d.locator(':scope > summary').click();
    assert.equal(norm(await card.getByTestId('verdict-sentence').innerText()), `${verdict} ${claim}`, where);
    const body = norm(await card.evaluate((e) => e.textContent));
    assert.ok(/To tell, we would need to know:|Only the Settlement Administrator can confirm this\./.test(body),
      `${where}: says what would settle it`);
  } else {
    assert.equal(c.verdict, 'not_member');
    const d = page.locator(`[data-testid="out-${c.id}"]`);
    assert.equal(await card.count(), 0, `${where}: no card`);
    assert.equal(await short.count(), 0, `${where}: not in "In short"`);
    // The settlements the person is not in sit under one folded line, drawn when it opens.
    // (Open already when an earlier check on this walk opened it.)
    if (!(await page.locator('#not-in').evaluate((x) => x.open))) await page.locator('#not-in > summary').click();
    await page.waitForFunction(() => document.querySelector('#not-in [data-testid^="out-"]'));
    assert.equal(await d.count(), 1, `${where}: listed under "not in"`);
    assert.equal(await d.evaluate((e) => e.tagName === 'DETAILS' && !e.open && !!e.closest('#not-in')), true, `${where}: folded in "not in"`);
    assert.equal(norm(await d.locator(':scope > summary').innerText()), `${s.name} ${verdict}`, where);
    await d.locator(':scope > summary').click();
    const body = norm(await d.locator('.folded-body').innerText());
    for (const words of notInReasons(s, answers)) {
      assert.ok(body.includes(norm(words)), `${where}: the reason "${words}" in "${body.slice(0, 300)}"`);
    }
  }
}

for (const w of WALKS) {
  const ids = w.checks.map((c) => `${c.id}:${c.verdict}`);
  const label = ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', ');
  test(`${w.today} ${JSON.stringify(w.answers)} → ${label}`, async () => {
    const { page, context } = await open(env, { now: noonNY(w.today) });
    try {
      const ui = Object.fromEntries(Object.entries(w.answers).map(([q, v]) => [q, uiAnswer(q, v)]));
      await walkAnswers(page, ui, (q) => (q === 'claimant' ? 'self' : 'not_sure'));
      for (const c of w.checks) await checkOne(page, c, w.answers);
      await assertNoCrash(page, assert);
      assert.deepEqual(page.offOrigin, []);
    } finally {
      await context.close();
    }
  });
}

test('every settlement and every verdict its scenarios reach is walked', () => {
  const walked = new Set(WALKS.flatMap((w) => w.checks.map((c) => `${c.id}:${c.verdict}`)));
  for (const id of R.ids) {
    const verdicts = new Set(R.scenarios[id].map((x) => x.expect?.verdict).filter(Boolean));
    assert.ok(verdicts.size >= 2, `${id}: scenarios reach at least "in" and "not in"`);
    for (const v of verdicts) assert.ok(walked.has(`${id}:${v}`), `${id}:${v} walked`);
    if (claimDeadline(R.settlements[id])?.date?.value) {
      const codes = new Set(WALKS.flatMap((w) => w.checks.filter((c) => c.id === id && IN.has(c.verdict)).map((c) => c.code)));
      for (const code of ['open:1', 'last_day', 'closed']) assert.ok(codes.has(code), `${id}: walked with the claim deadline ${code}`);
    }
  }
});

test('the settlements read from rules/ are the ones the app lists', async () => {
  const { page, context } = await open(env, { hash: '#/browse' });
  try {
    await page.waitForSelector('#browse-list');
    const listed = await page.locator('#browse-list [data-settlement]').evaluateAll((els) => els.map((e) => e.dataset.settlement));
    assert.deepEqual([...listed].sort(), R.ids);
  } finally {
    await context.close();
  }
});

// The scenarios' verdicts are the engine's reachable ones: `claimcheck paths` (the rule author's
// CLI) lists every verdict a settlement can reach; this checks the walks above miss none. Needs
// the CLI built (`cargo build -p claimcheck-cli`); skipped, saying so, when it is not.
const CLI = ['debug', 'release'].map((p) => path.join(ROOT, 'target', p, 'claimcheck')).find((f) => fs.existsSync(f));
test('every verdict `claimcheck paths` can reach has a scenario, so a walk', () => {
  // The build itself runs the CLI (`claimcheck pack`, from scripts/postbuild.py), so it exists.
  assert.ok(CLI, 'target/*/claimcheck is missing: build the app (or `cargo build -p claimcheck-cli`) first');
  for (const id of R.ids) {
    const out = execFileSync(CLI, ['paths', id, '--rules', path.join(ROOT, 'rules')], { encoding: 'utf8' });
    const reachable = new Set(out.split('\n').slice(1).map((l) => l.trim().split(/\s+/)[0]).filter((w) => /^(member|likely|not_member|cant_tell)$/.test(w)));
    assert.ok(reachable.size >= 2, `${id}: paths lists its outcomes`);
    const scenarios = new Set(R.scenarios[id].map((x) => x.expect?.verdict).filter(Boolean));
    assert.deepEqual([...reachable].sort(), [...scenarios].sort(), `${id}: reachable verdicts and scenario verdicts`);
  }
});
