// The Recordings view in a real VS Code workbench, against the real kubereplay server: a HAR
// imported through the command and its file dialog, the report, the tree down to a pair and its
// document, endpoints with their latency sparklines, a host marked as outbound, and an endpoint
// whose pairs come a page at a time.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  copyServerJar,
  description,
  inWorkbench,
  launchBrowser,
  runCommand,
  screenshot,
  SIDEBAR,
  waitForDescription,
  widenSidebar,
} from './ui';
import {
  answer,
  editorText,
  expand,
  importFile,
  notification,
  quickPickRow,
  recordings,
  row,
  showRecordings,
} from './recordingsUi';
import { freePort, REPO_DIR, setUpWorkbench, type Workbench } from './workbench';

const SHOP_HAR = path.join(
  REPO_DIR,
  'test-fixtures',
  'src',
  'main',
  'resources',
  'traffic',
  'chromium-shop.har',
);

/** Durations with the shape of a real service: most calls fast, a tail of slow ones. */
const ORDER_MILLIS = [6, 7, 7, 8, 8, 9, 9, 9, 11, 12, 13, 14, 16, 19, 23, 28, 35, 48, 95, 260];

/** A HAR of `orders` calls to api.orders.test and two to payments.orders.test. */
function ordersHar(orders: number): object {
  const entry = (index: number, method: string, url: string, status: number) => ({
    startedDateTime: new Date(Date.UTC(2026, 10, 25, 16, 0, 0, index * 10)).toISOString(),
    time: ORDER_MILLIS[index % ORDER_MILLIS.length],
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Accept', value: 'application/json' }],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      cookies: [],
      content: { size: 12, mimeType: 'application/json', text: `{"id": ${index}}` },
      redirectURL: '',
      headersSize: -1,
      bodySize: 12,
    },
    cache: {},
    timings: { send: 0, wait: 5, receive: 0 },
  });
  const entries = Array.from({ length: orders }, (_, index) =>
    entry(index, 'GET', `http://api.orders.test/orders/${index + 1}`, 200),
  );
  entries.push(entry(orders, 'POST', 'http://payments.orders.test/charges', 201));
  entries.push(entry(orders + 1, 'POST', 'http://payments.orders.test/charges', 201));
  return { log: { version: '1.2', creator: { name: 'kubereplay e2e', version: '1' }, entries } };
}

describe('the Recordings view in a VS Code workbench', { timeout: 170_000 }, () => {
  let codeServer: string;
  let browser: Browser | undefined;
  let tmp: string;
  let serverJar: string;
  let kubeconfig: string;
  const workbenches: Workbench[] = [];

  // Should the runner end this process abruptly, take the workbenches down with it.
  process.once('exit', () => {
    workbenches.forEach((workbench) => {
      workbench.kill();
    });
  });

  before(async () => {
    assert.ok(fs.existsSync(SHOP_HAR), `${SHOP_HAR} is missing`);
    codeServer = await setUpWorkbench();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubereplay-e2e-recordings-'));
    serverJar = copyServerJar(tmp);
    // No kube context: the Clusters view shows its welcome text and stays out of the way.
    kubeconfig = path.join(tmp, 'kubeconfig.yaml');
    fs.writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\n');
    browser = await launchBrowser(tmp);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await Promise.all(workbenches.map((workbench) => workbench.stop()));
    if (!process.env.KUBEREPLAY_E2E_KEEP) {
      fs.rmSync(tmp, { recursive: true, force: true }); // KUBEREPLAY_E2E_KEEP=1 keeps the logs
    }
  });

  it('imports a HAR, opens a pair, marks a host as outbound and pages through pairs', async () => {
    assert.ok(browser);
    const root = path.join(tmp, 'recordings');
    const workspace = path.join(root, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    const shop = path.join(workspace, 'chromium-shop.har');
    fs.copyFileSync(SHOP_HAR, shop);
    const orders = path.join(workspace, 'orders.har');
    fs.writeFileSync(orders, JSON.stringify(ordersHar(230)));

    await inWorkbench(
      {
        browser,
        codeServer,
        root,
        kubeconfig,
        serverJar,
        track: (workbench) => workbenches.push(workbench),
      },
      async (page) => {
        await widenSidebar(page, 520);
        await showRecordings(page);

        // One pick after the file: the defaults.
        await importFile(page, shop);
        await page.keyboard.press('Enter');
        const imported = await notification(
          page,
          /Imported chromium-shop\.har: IN 8 · OUT 0, 2 skipped\./,
        );
        await imported.getByRole('button', { name: 'Show Report' }).click();
        await page.locator('.tab', { hasText: 'chromium-shop.har (import report).txt' }).waitFor();
        const report = await editorText(page, 'Hosts:');
        assert.match(report, /Format: +har/);
        assert.match(report, /payments\.example\.test +IN 1 · OUT 0/);

        const snapshot = row(page, 'chromium-shop.har');
        assert.match(await description(snapshot), /^IN 8 · OUT 0 · \d{4}-\d\d-\d\d /);
        await expand(page, 'chromium-shop.har', 'shop.example.test');
        assert.equal(await description(row(page, 'shop.example.test')), 'IN 6 · OUT 0');
        await expand(page, 'shop.example.test', 'POST /api/login');
        // One pair per endpoint: the latency sparkline is a single bucket, a full block.
        assert.equal(
          await description(row(page, 'POST /api/login')),
          '1 · p50 120 ms · p95 120 ms · max 120 ms · █',
        );
        await expand(page, 'POST /api/login', '200 POST /api/login');
        await row(page, '200 POST /api/login').click();
        await page.locator('.tab', { hasText: /POST shop\.example\.test\.http/ }).waitFor();
        const pair = await editorText(page, 'POST https://shop.example.test/api/login');
        assert.match(pair, /^# IN pair \d+ · /m);
        assert.match(pair, /^###$/m);
        assert.match(pair, /^HTTP\/2(\.0)? 200/im);
        // The token never reached the store.
        assert.doesNotMatch(pair, /eyJfixture\.token/);

        // The payment provider is a dependency: mark it outbound, from its context menu.
        const payments = row(page, 'payments.example.test');
        await payments.click({ button: 'right' });
        const mark = page.getByRole('menuitem', { name: 'Mark Host as Outbound (Mock)' });
        await mark.hover();
        await mark.click({ delay: 50 });
        await waitForDescription(payments, /^IN 0 · OUT 1$/);
        await waitForDescription(snapshot, /^IN 7 · OUT 1 · /);
        await notification(page, /Marked payments\.example\.test as outbound \(mock\): 1 pair/);
        // Now all OUT: the menu offers the way back only.
        await payments.click({ button: 'right' });
        await page.getByRole('menuitem', { name: 'Mark Host as Inbound (Test)' }).waitFor();
        assert.equal(
          await page.getByRole('menuitem', { name: 'Mark Host as Outbound (Mock)' }).count(),
          0,
        );
        await page.keyboard.press('Escape');
        await expand(page, 'payments.example.test', 'POST /v1/charges');

        // The picture: the tree open down to the pair, its document beside it, no hover.
        await runCommand(page, 'Notifications: Clear All Notifications');
        await row(page, '200 POST /api/login').locator('.label-name').click();
        await page.mouse.move(1100, 700);
        await screenshot(page, 'vscode-recordings.png');

        // From the Explorer's context menu, with options: a name, and the payments host
        // outbound from the start.
        await row(page, 'chromium-shop.har').click(); // closes it
        await page.keyboard.press('Control+Shift+E');
        const file = page.locator(`${SIDEBAR} .monaco-list-row`, { hasText: /^orders\.har$/ });
        await file.click({ button: 'right' });
        const importItem = page.getByRole('menuitem', { name: 'Import Recording…' });
        await importItem.hover();
        await importItem.click({ delay: 50 });
        await quickPickRow(page, 'Choose options…').click();
        await quickPickRow(page, 'har').click();
        await answer(page, /: name$/, 'orders');
        await answer(page, /: outbound hosts$/, 'payments.orders.test');
        await notification(page, /Imported orders: IN 230 · OUT 2\./);
        await page.locator('.activitybar [aria-label^="Kube Replay"]').first().click();
        await expand(page, 'orders', 'api.orders.test');
        assert.equal(await description(row(page, 'payments.orders.test')), 'IN 0 · OUT 2');
        await expand(page, 'api.orders.test', 'GET /orders/{id}');
        // 96 pairs in 5–10 ms, 68 in 10–20, 44 in 20–50, 11 in 50–100, none in 100–200, 11 in
        // 200–500 ms.
        await widenSidebar(page, 560); // room for the row's sparkline
        const ordersRow = row(page, 'GET /orders/{id}');
        assert.equal(
          await description(ordersRow),
          '230 · p50 12 ms · p95 95 ms · max 260 ms · █▆▄▁ ▁',
        );
        // Its tooltip charts the buckets. A redraw under a resting mouse drops a tooltip: move
        // onto the row until one shows.
        const chart = page.locator('.monaco-hover', { hasText: '5–10 ms' }).first();
        for (let attempt = 0; attempt < 5 && !(await chart.isVisible()); attempt++) {
          await page.mouse.move(1100, 700);
          await page.waitForTimeout(300);
          await ordersRow.locator('.label-name').hover();
          await chart.waitFor({ timeout: 3_000 }).catch(() => undefined);
        }
        const charted = await chart.innerText();
        assert.match(charted, /200–500 ms\s+█+[▏▎▍▌▋▊▉]?\s+11/);
        assert.match(charted, /p50 12 ms · p95 95 ms · max 260 ms/);
        const side = await page.locator(SIDEBAR).boundingBox();
        const hover = await chart.boundingBox();
        assert.ok(side && hover);
        await screenshot(page, 'vscode-latency.png', {
          x: 0,
          y: Math.round(side.y),
          width: Math.round(Math.max(side.x + side.width, hover.x + hover.width) + 24),
          height: Math.round(Math.max(hover.y + hover.height, side.y + 200) + 24 - side.y),
        });
        await page.mouse.move(1100, 700);
        await expand(page, 'GET /orders/{id}', '200 GET /orders/1');

        // The first page, then the row that loads the next one. The list draws only the rows
        // in sight: End (the endpoint row has the focus) goes to the bottom of the tree.
        await page.keyboard.press('End');
        const more = row(page, 'Load more (200 of 230)');
        await more.waitFor();
        await row(page, '200 GET /orders/200').waitFor();
        await more.click();
        await more.waitFor({ state: 'detached' });
        // The next page is appended under the first; the tree keeps the focus.
        await row(page, '200 GET /orders/201').waitFor();
        await page.keyboard.press('End');
        await row(page, '200 GET /orders/230').waitFor();
        assert.equal(
          await recordings(page)
            .locator('.label-name', { hasText: /^Load more/ })
            .count(),
          0,
        );
      },
    );
  });

  it('records through a proxy, counting in the status bar, and lists the stopped recording', async () => {
    assert.ok(browser);
    const upstream = http.createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ path: request.url }));
    });
    const upstreamPort = await freePort();
    await new Promise<void>((resolve) => upstream.listen(upstreamPort, '127.0.0.1', resolve));
    try {
      await inWorkbench(
        {
          browser,
          codeServer,
          root: path.join(tmp, 'live'),
          kubeconfig,
          serverJar,
          track: (workbench) => workbenches.push(workbench),
        },
        async (page) => {
          await widenSidebar(page, 520);
          await showRecordings(page);
          const proxyPort = await freePort();
          await page.keyboard.press('F1');
          const input = page.locator('.quick-input-widget input');
          await input.fill('>Kube Replay: Start Recording');
          await quickPickRow(page, 'Kube Replay: Start Recording…').waitFor();
          await page.keyboard.press('Enter');
          await quickPickRow(page, 'Reverse proxy').click();
          await answer(page, /listen on$/, `127.0.0.1:${proxyPort}`);
          await answer(page, /upstream URL$/, `http://127.0.0.1:${upstreamPort}`);
          await answer(page, /name \(optional\)$/, 'live');
          await notification(page, new RegExp(`Recording through 127\\.0\\.0\\.1:${proxyPort}`));

          // Traffic through the proxy: the status bar counts it as it arrives.
          const answered = await fetch(`http://127.0.0.1:${proxyPort}/orders/7`);
          assert.equal(answered.status, 200);
          await page
            .locator('.statusbar-item', { hasText: `Recording on 127.0.0.1:${proxyPort}: 1 pairs` })
            .waitFor();

          await runCommand(page, 'Kube Replay: Stop Recording');
          await notification(page, /Recorded live: IN 1 · OUT 0\./);
          // Stopped, the recording is sealed and listed like an import.
          const live = row(page, 'live');
          await waitForDescription(live, /^IN 1 · OUT 0 · /);
          assert.equal(await live.locator('.codicon-record').count(), 1);
          await expand(page, 'live', '127.0.0.1:' + String(upstreamPort));
          await expand(page, '127.0.0.1:' + String(upstreamPort), 'GET /orders/{id}');
        },
      );
    } finally {
      await new Promise((resolve) => upstream.close(resolve));
    }
  });
});
