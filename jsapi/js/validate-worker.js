// claimcheck's rule validation on a worker thread (module worker): validateRules() on a large
// pack takes seconds (its reachability stage tries many answer combinations), which on the
// page's own thread would freeze it. validate-async.js starts this worker; nothing else should.
// In: { id, pack } (JSON text). Out: { id, errors } or { id, failed } (a message).
import init, { validateRules } from './claimcheck_jsapi.js';

const ready = init();

self.onmessage = async (event) => {
  const { id, pack } = event.data ?? {};
  try {
    await ready;
    self.postMessage({ id, errors: validateRules(typeof pack === 'string' ? pack : String(pack)) });
  } catch (e) {
    self.postMessage({ id, failed: String(e && e.message ? e.message : e) });
  }
};
