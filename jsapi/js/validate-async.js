// validateRulesAsync(pack): validateRules() on a worker thread, so that validating a large pack
// never blocks the page (see docs/jsapi.md). Resolves to the same RuleError[] array.
// The pack goes to the worker as JSON text, serialised here in short slices (a value that
// cannot be serialised gives one error, as validateRules does).

let worker;
let next = 0;
const waiting = new Map();

function start() {
  if (worker) return worker;
  worker = new Worker(new URL('./validate-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => {
    const { id, errors, failed } = event.data;
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    if (failed !== undefined) w.reject(new Error(`claimcheck validation worker: ${failed}`));
    else w.resolve(errors);
  };
  worker.onerror = (event) => {
    const e = new Error(`claimcheck validation worker could not run: ${event.message || 'blocked or missing'}`);
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    worker = undefined;
  };
  return worker;
}

/** The pack as JSON text, serialised a settlement at a time with a pause whenever 30 ms have
 * passed, so that no single task on the page's thread is long (a 1,000-settlement pack is
 * tens of megabytes of JSON). */
async function toText(pack) {
  if (typeof pack === 'string') return pack;
  if (!pack || typeof pack !== 'object' || !Array.isArray(pack.settlements)) return JSON.stringify(pack);
  const { settlements, ...rest } = pack;
  const parts = [];
  let since = performance.now();
  for (const s of settlements) {
    parts.push(JSON.stringify(s) ?? 'null');
    if (performance.now() - since > 30) {
      await new Promise((r) => setTimeout(r));
      since = performance.now();
    }
  }
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)}${head === '{}' ? '' : ','}"settlements":[${parts.join(',')}]}`;
}

/** Validates `pack` (a plain object, the form pack() returns, or JSON text) off the main
 * thread. Resolves to every problem as { path, message } (empty when valid). */
export async function validateRulesAsync(pack) {
  let text;
  try {
    text = await toText(pack);
  } catch (e) {
    return [{ path: '', message: `the pack cannot be read as JSON data: ${e.message}` }];
  }
  if (text === undefined) return [{ path: '', message: 'expected a rule pack { checked_on, questions, organisations, settlements }, got nothing (undefined)' }];
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    start().postMessage({ id, pack: text });
  });
}
