// validateRulesAsync(pack): validateRules() on a worker thread, so that validating a large pack
// never blocks the page (see docs/jsapi.md). Resolves to the same RuleError[] array.
// The pack goes to the worker as JSON text (serialised here: a few milliseconds for 1,000
// settlements; a value that cannot be serialised gives one error, as validateRules does).

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

/** Validates `pack` (a plain object, the form pack() returns, or JSON text) off the main
 * thread. Resolves to every problem as { path, message } (empty when valid). */
export function validateRulesAsync(pack) {
  let text;
  try {
    text = typeof pack === 'string' ? pack : JSON.stringify(pack);
  } catch (e) {
    return Promise.resolve([{ path: '', message: `the pack cannot be read as JSON data: ${e.message}` }]);
  }
  if (text === undefined) return Promise.resolve([{ path: '', message: 'expected a rule pack { checked_on, questions, organisations, settlements }, got nothing (undefined)' }]);
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    start().postMessage({ id, pack: text });
  });
}
