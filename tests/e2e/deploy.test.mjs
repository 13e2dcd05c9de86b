// The deploy kit (issue 14, items 10 and 11): dist/ served by a real nginx (Debian's, with the
// brotli_static module; scripts/setup.sh installs it) with the kit's config as the build
// rendered it (dist/deploy/nginx.conf), on a loopback port. Checks the response headers of
// each kind of file, a full walk with the service worker, that the checker's page cannot be
// framed while embed.html can, and docs/embedding.md's snippet pasted into a law firm's page
// served with the CSP the doc gives: the frame works and its official links open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { walk, text, DIST, ROOT, CHROMIUM_ARGS } from './helpers.mjs';

const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
let site; // { url, dir, stop }
let browser;

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startNginx() {
  if (!fs.existsSync(NGINX) || !fs.existsSync(BROTLI_MODULE)) {
    throw new Error(`nginx or its brotli_static module is missing (${NGINX}, ${BROTLI_MODULE}): run scripts/setup.sh`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-nginx-'));
  const root = path.join(dir, 'site');
  fs.cpSync(DIST, root, { recursive: true });
  execFileSync('bash', [path.join(ROOT, 'scripts/precompress.sh'), root]);
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `
load_module ${BROTLI_MODULE};
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/tmp-body;
  proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fastcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi;
  scgi_temp_path ${dir}/tmp-scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    include ${root}/deploy/nginx.conf;
  }
}
`);
  execFileSync(NGINX, ['-t', '-q', '-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`]);
  const proc = spawn(NGINX, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    dir,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

before(async () => {
  site = await startNginx();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await site?.stop();
});

const metaCsp = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];

function assertCommon(h, what) {
  assert.equal(h.get('x-content-type-options'), 'nosniff', what);
  assert.equal(h.get('referrer-policy'), 'no-referrer', what);
  assert.match(h.get('permissions-policy') ?? '', /camera=\(\)/, what);
  assert.match(h.get('permissions-policy') ?? '', /geolocation=\(\)/, what);
  assert.doesNotMatch(h.get('server') ?? '', /\d/, `${what}: no server version`);
}

test('nginx with the kit: each kind of file gets its headers', async () => {
  const index = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = metaCsp(index);
  const get = (p, headers = {}) => fetch(site.url + p, { headers });
  const figures = [];

  for (const p of ['', 'index.html']) {
    const r = await get(p, { 'accept-encoding': 'br' });
    assert.equal(r.status, 200, p);
    assertCommon(r.headers, `/${p}`);
    assert.equal(r.headers.get('content-security-policy'), `${csp}; frame-ancestors 'none'`, `/${p}: the page's policy with frame-ancestors 'none'`);
    assert.equal(r.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.equal(r.headers.get('cache-control'), 'no-cache', `/${p} is revalidated`);
    assert.equal(r.headers.get('content-encoding'), 'br', `/${p} brotli`);
    assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8$/);
  }
  const embed = await get('embed.html?embed&lang=es');
  assert.equal(embed.status, 200);
  assertCommon(embed.headers, '/embed.html');
  assert.equal(embed.headers.get('content-security-policy'), `${csp}; frame-ancestors *`);
  assert.equal(embed.headers.get('cache-control'), 'no-cache');

  const sw = await get('sw.js');
  assert.equal(sw.headers.get('cache-control'), 'no-cache', 'sw.js is revalidated');
  assert.match(sw.headers.get('content-type'), /javascript/);
  assertCommon(sw.headers, '/sw.js');

  const hashed = fs.readdirSync(DIST).filter((f) => /-[0-9a-f]{12,16}(_bg)?\.(js|css|wasm|bin)$/.test(f));
  assert.ok(hashed.some((f) => f.endsWith('.wasm')) && hashed.some((f) => f.endsWith('.css')) && hashed.some((f) => f.endsWith('.bin')));
  for (const f of hashed) {
    const r = await get(f, { 'accept-encoding': 'br, gzip' });
    assert.equal(r.status, 200, f);
    assertCommon(r.headers, f);
    assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable', `${f} is immutable`);
    assert.equal(r.headers.get('content-encoding'), 'br', `${f}: the brotli copy`);
    const body = Buffer.from(await r.arrayBuffer());
    assert.ok(body.equals(fs.readFileSync(path.join(DIST, f))), `${f}: the same bytes once decoded`);
    figures.push(`${f} ${r.headers.get('content-type')}`);
  }
  const wasm = hashed.find((f) => f.endsWith('.wasm'));
  assert.equal((await get(wasm)).headers.get('content-type'), 'application/wasm');
  assert.equal((await get('manifest.webmanifest')).headers.get('content-type'), 'application/manifest+json; charset=utf-8');
  const host = await get('embed-host.js');
  assert.equal(host.headers.get('access-control-allow-origin'), '*', 'embed-host.js can be loaded with an integrity check from other sites');
  assert.equal((await get('leave.html')).status, 200);
  for (const p of ['deploy/nginx.conf', 'deploy/Caddyfile', '_headers']) assert.equal((await get(p)).status, 404, `${p} is not served`);
  console.log(`[deploy] ${figures.length} hashed files, immutable and brotli: ${figures.join('; ')}`);
});

test('nginx with the kit: a full walk, the service worker, no policy violation', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(site.url);
    await page.waitForSelector('#as-of');
    await walk(page, { notice: [['office practicum', 'connexin']] });
    assert.match(await text(page, '[data-testid="settlement-connexin"] h2'), /Connexin/);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    });
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#as-of');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** A law firm's page on another origin, served with the CSP docs/embedding.md gives, holding
 * the doc's snippet pointed at the nginx site. */
function firmPage() {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/embedding.md'), 'utf8');
  const snippet = doc.match(/## The snippet[\s\S]*?```html\n([\s\S]*?)```/)[1].replaceAll('https://checker.example/', site.url);
  const cspLine = doc.match(/### Your page's Content-Security-Policy[\s\S]*?```\n([^\n]+)\n```/)[1].replaceAll('https://checker.example', site.url.replace(/\/$/, ''));
  const csp = `default-src 'none'; ${cspLine}`;
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Firm</title></head><body><h1>Were you affected?</h1>${snippet}</body></html>`;
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://localhost:${server.address().port}/`, snippet, close: () => new Promise((r) => server.close(r)),
  })));
}

test('docs/embedding.md: the integrity value is embed-host.js\'s, and the snippet works as pasted; official links open', async () => {
  const firm = await firmPage();
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const real = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(DIST, 'embed-host.js'))).digest('base64')}`;
    assert.match(firm.snippet, new RegExp(`integrity="${real.replace(/[+/]/g, '\\$&')}"`), `the doc's integrity value is ${real}`);
    assert.match(firm.snippet, /sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"/);
    // The official site is not reachable from the test machine: answered here, so that the
    // new tab's address and its being outside the sandbox can be checked.
    await context.route(/^https:\/\//, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Official</title><p>official</p>' }));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(firm.url);
    const frame = await (await page.waitForSelector('iframe[data-claimcheck]')).contentFrame();
    await frame.waitForSelector('#check-if-in');
    // embed-host.js ran (its integrity passed) and gave the frame the height the checker asked.
    await page.waitForFunction(() => document.querySelector('iframe[data-claimcheck]').style.height === '900px');
    const link = frame.locator('a.official-link, a[href^="https://"][target="_blank"]').first();
    const href = await link.getAttribute('href');
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await tab.waitForLoadState();
    assert.equal(tab.url(), new URL(href).href, 'the official link opened in a new tab');
    assert.equal(await tab.evaluate(() => window.opener), null, 'without the opener');
    // Outside the sandbox: the official page can run its own scripts and forms normally.
    assert.equal(await tab.evaluate(() => { try { localStorage.setItem('x', '1'); return 'ok'; } catch (e) { return e.name; } }), 'ok');
    assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
  } finally {
    await context.close();
    await firm.close();
  }
});

test('the checker\'s own page cannot be framed by another site; embed.html can', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>x</title><iframe id="a" src="${site.url}?embed"></iframe><iframe id="b" src="${site.url}embed.html?embed"></iframe>`);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    try {
      const blocked = new Promise((resolve) => page.on('console', (m) => { if (/frame-ancestors/.test(m.text())) resolve(m.text()); }));
      await page.goto(`http://localhost:${server.address().port}/`);
      const b = await (await page.waitForSelector('#b')).contentFrame();
      await b.waitForSelector('#as-of');
      assert.match(await Promise.race([blocked, new Promise((r) => setTimeout(() => r('not blocked'), 5000))]), /frame-ancestors/);
      const a = await (await page.$('#a')).contentFrame();
      assert.equal(await a.locator('#as-of').count(), 0, 'index.html did not load in the frame');
    } finally {
      await new Promise((r) => server.close(r));
    }
  } finally {
    await context.close();
  }
});

test('scripts/release.sh writes claimcheck-VERSION.zip and SHA256SUMS that check', { skip: process.env.SKIP_RELEASE === '1' }, () => {
  const out = execFileSync('bash', [path.join(ROOT, 'scripts/release.sh'), '--no-build'], { cwd: ROOT, encoding: 'utf8' });
  console.log(out.trim());
  const version = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
  const zip = path.join(ROOT, 'release', `claimcheck-${version}.zip`);
  assert.ok(fs.statSync(zip).size > 100_000);
  const sums = fs.readFileSync(path.join(ROOT, 'release', 'SHA256SUMS'), 'utf8');
  const zipLine = sums.split('\n').find((l) => l.endsWith(`  claimcheck-${version}.zip`));
  assert.equal(zipLine.split('  ')[0], crypto.createHash('sha256').update(fs.readFileSync(zip)).digest('hex'));
  const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n');
  for (const f of ['index.html', 'embed.html', 'sw.js', 'claimcheck.html', '_headers', 'deploy/nginx.conf', 'deploy/Caddyfile', 'docs/hosting.md', 'docs/embedding.md']) {
    assert.ok(listing.includes(`claimcheck-${version}/${f}`), `${f} in the zip`);
  }
  assert.ok(listing.some((f) => f.endsWith('_bg.wasm.br')), 'brotli copies in the zip');
});
