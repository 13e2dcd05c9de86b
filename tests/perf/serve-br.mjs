// A static file server for dist/ on a loopback port that sends each file brotli-compressed
// (quality 11, the level the first-load figure uses) when the browser accepts it, as a static
// host configured for brotli would. tests/e2e/serve.mjs sends raw bytes, which would make the
// throttled load figures measure a download no real host sends.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export function serveBrotli(dir) {
  const root = path.resolve(dir);
  const cache = new Map();
  const compressed = (file, body) => {
    if (!cache.has(file)) {
      cache.set(file, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    return cache.get(file);
  };
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, '.' + rel);
    if (!file.startsWith(root + path.sep)) return res.writeHead(403).end('forbidden');
    fs.readFile(file, (err, body) => {
      if (err) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      const br = /\bbr\b/.test(req.headers['accept-encoding'] || '');
      const headers = {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        vary: 'accept-encoding',
      };
      if (br) headers['content-encoding'] = 'br';
      res.writeHead(200, headers).end(br ? compressed(file, body) : body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
