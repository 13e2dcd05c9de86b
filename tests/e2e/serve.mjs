// The one static file server of the tests and scripts/serve.sh: dist/ (or any folder) on a
// loopback port, node's http module only. `node serve.mjs [dir] [port]` serves until killed;
// tests import `serve()` instead. With `{ brotli: true }` it sends each file brotli-compressed
// (quality 11, the level of the first-load figure) when the browser accepts it, as a static host
// configured for brotli would, for the performance figures (tests/perf/).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.ics': 'text/calendar',
  '.ts': 'text/plain; charset=utf-8',
};

const compressed = new Map();
function brotli(file, body) {
  if (!compressed.has(file)) {
    compressed.set(file, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return compressed.get(file);
}

export function serve(dir, port = 0, { brotli: br = false } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, '.' + rel);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const headers = {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      };
      const send = br && /\bbr\b/.test(req.headers['accept-encoding'] || '');
      if (br) headers.vary = 'accept-encoding';
      if (send) headers['content-encoding'] = 'br';
      res.writeHead(200, headers).end(send ? brotli(file, body) : body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolve({ url: `http://127.0.0.1:${p}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
  const port = Number(process.argv[3] || process.env.PORT || 8080);
  serve(dir, port).then(({ url }) => console.log(`serving ${dir} at ${url}`));
}
