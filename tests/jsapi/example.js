// The example page's script: load the API, then call it. Every value shown is written with
// textContent, never as HTML.
import init, { check, loadPack, nextQuestion, pack, validateRules } from '../../dist-jsapi/claimcheck_jsapi.js';

const $ = (id) => document.getElementById(id);

const VERDICTS = {
  member: 'member',
  likely: 'likely member',
  cant_tell: "can't tell",
  not_member: 'not a member',
};

function deadlineText(state) {
  switch (state.t) {
    case 'open': return `open, ${state.days_left} day${state.days_left === 1 ? '' : 's'} left`;
    case 'last_day': return 'last day';
    case 'closed': return `closed on ${state.on}`;
    case 'not_open_yet': return `opens ${state.opens}`;
    default: return 'unknown';
  }
}

function runCheck(rules) {
  $('check-error').textContent = '';
  const body = $('check-table').tBodies[0];
  body.replaceChildren();
  let answers;
  try {
    answers = JSON.parse($('answers').value || '{}');
  } catch (e) {
    $('check-error').textContent = `The answers are not JSON: ${e.message}`;
    return;
  }
  const today = $('today').value;
  let results;
  let next;
  try {
    results = check(answers, today);
    next = nextQuestion(answers, today);
  } catch (e) {
    // e.field names the bad answer ("hours"), or "today" / "answers"; e.errors lists them all.
    $('check-error').textContent = `${e.message} (field: ${e.field})`;
    $('check-json').textContent = '';
    return;
  }
  $('next-question').textContent = next ? `${next.id}: ${next.text.en}` : 'none';
  results.settlements.forEach((r, i) => {
    if (r.verdict === 'not_member') return;
    const s = rules.settlements[i];
    const claim = r.deadlines.find((d) => s.deadlines[d.index].kind === 'claim');
    const row = body.insertRow();
    row.dataset.id = r.id;
    row.insertCell().textContent = s.name;
    row.insertCell().textContent = VERDICTS[r.verdict] ?? r.verdict;
    row.insertCell().textContent = claim ? deadlineText(claim.state) : '–';
  });
  $('check-json').textContent = JSON.stringify(results, null, 2);
}

function showErrors(title, errors) {
  const lines = errors.length === 0
    ? ['no errors']
    : errors.map((e) => `${e.path || '(the pack)'}: ${e.message}`);
  $('rules-out').textContent = `${title}\n${lines.join('\n')}`;
}

try {
  await init(); // fetches claimcheck_jsapi_bg.wasm from beside the .js
  window.claimcheck = { check, loadPack, nextQuestion, pack, validateRules };
  const rules = pack();
  $('check-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    runCheck(rules);
  });
  $('validate-bundled').addEventListener('click', () => {
    showErrors('validateRules(pack()):', validateRules(pack()));
  });
  $('validate-broken').addEventListener('click', () => {
    const broken = pack();
    const i = broken.settlements.findIndex((s) => s.id === 'connexin');
    const b = broken.settlements[i].benefits.findIndex((x) => x.kind.t === 'documented_losses');
    broken.settlements[i].benefits[b].kind.cap = '$7,500';
    showErrors(`settlements[${i}].benefits[${b}].kind.cap = "$7,500", then validateRules:`,
      validateRules(broken));
  });
  runCheck(rules);
  $('status').textContent = 'ready';
} catch (e) {
  $('status').textContent = `failed: ${e.message}`;
  throw e;
}
