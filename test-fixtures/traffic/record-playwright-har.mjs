// Records a HAR with a real headless Chromium, driven by Playwright's recordHar, against a page
// served here on 127.0.0.1 (loopback only): the fixture traffic/playwright-loopback.har.
//
//   node test-fixtures/traffic/record-playwright-har.mjs OUT.har
//
// Needs playwright-core (plugin-vscode/node_modules) and Debian's /usr/bin/chromium. The page
// makes what a real app makes: a document, JSON fetches, a JSON POST with a password, a PNG, a
// redirect, a gzip-encoded response, a WebSocket, and a request it aborts.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../plugin-vscode/package.json'));
const { chromium } = require('playwright-core');

const out = process.argv[2];
if (!out) {
  console.error('usage: record-playwright-har.mjs OUT.har');
  process.exit(2);
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PAGE = `<!doctype html>
<html><head><title>kubereplay fixture shop</title><link rel="icon" href="data:,"></head>
<body><h1>Shop</h1><img src="/logo.png" alt="logo"><ul id="items"></ul>
<script>
async function run() {
  const items = await (await fetch('/api/items?page=1&sort=price')).json();
  document.getElementById('items').textContent = items.items.map(i => i.name).join(', ');
  await fetch('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: 'ada', password: 'fixture-password' }) });
  await fetch('/old-cart');
  await (await fetch('/api/report')).json();
  const ws = new WebSocket('ws://' + location.host + '/live');
  await new Promise(resolve => { ws.onopen = resolve; ws.onerror = resolve; setTimeout(resolve, 2000); });
  try { ws.send('{"subscribe":"cart"}'); } catch (e) {}
  const abort = new AbortController();
  const slow = fetch('/api/slow', { signal: abort.signal }).catch(() => 'aborted');
  setTimeout(() => abort.abort(), 200);
  await slow;
  document.title = 'done';
}
run();
</script></body></html>
`;

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
  } else if (url.pathname === '/logo.png') {
    res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' }).end(PNG);
  } else if (url.pathname === '/api/items') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ page: 1, items: [{ id: 41, name: 'Kaffeebecher' }, { id: 42, name: 'Teekanne été' }] }));
  } else if (url.pathname === '/api/login') {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'session=fixture; HttpOnly' });
      res.end(JSON.stringify({ access_token: 'fixture-token', received: body.length }));
    });
  } else if (url.pathname === '/old-cart') {
    res.writeHead(302, { Location: '/cart' }).end();
  } else if (url.pathname === '/cart') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"items":[]}');
  } else if (url.pathname === '/api/report') {
    const json = JSON.stringify({ rows: Array.from({ length: 50 }, (_, i) => ({ i, total: i * 3.5 })) });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    res.end(zlib.gzipSync(json));
  } else if (url.pathname === '/api/slow') {
    setTimeout(() => res.writeHead(200).end('late'), 5000);
  } else {
    res.writeHead(404).end();
  }
});
// A WebSocket handshake is all the page needs: the HAR records the upgrade.
server.on('upgrade', (req, socket) => {
  const accept = createHash('sha1')
    .update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11')
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  socket.on('error', () => {});
  setTimeout(() => socket.destroy(), 1000);
});

await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
try {
  const context = await browser.newContext({ recordHar: { path: out, content: 'embed' } });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForFunction(() => document.title === 'done', null, { timeout: 15000 });
  await page.waitForTimeout(300);
  await context.close();
} finally {
  await browser.close();
  server.closeAllConnections?.();
  server.close();
}
console.log('recorded ' + out + ' from ' + base);
