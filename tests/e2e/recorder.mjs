// A recording front for the static server, for the privacy and offline tests: every request
// that reaches the network side is logged (whatever the browser's own events report, service
// worker fetches included), a response can be altered on its way (to prove integrity checks),
// and the front can be shut down to take the network away.
import http from 'node:http';

/**
 * Starts a loopback server that forwards to `target` (a URL ending in "/").
 * `tamper(path, body)` may return other bytes for a path.
 */
export function recorder(target, { tamper } = {}) {
  const log = [];
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    log.push({ method: req.method, path: req.url, at: Date.now(), cookie: req.headers.cookie ?? '', length: Number(req.headers['content-length'] ?? 0) });
    const up = http.request(new URL(req.url.replace(/^\//, ''), target), { method: req.method, headers: req.headers }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        let body = Buffer.concat(chunks);
        const altered = tamper?.(new URL(req.url, 'http://x').pathname, body);
        if (altered) body = altered;
        const headers = { ...r.headers, 'content-length': String(body.length) };
        res.writeHead(r.statusCode, headers).end(body);
      });
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        log,
        /** Stops listening and drops every open connection: the network is gone. */
        close: () => new Promise((r) => {
          if (!server.listening) return r();
          server.close(() => r());
          for (const s of sockets) s.destroy();
        }),
      });
    });
  });
}
