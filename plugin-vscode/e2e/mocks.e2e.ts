// Mocks from the Recordings view in a real VS Code workbench, against the real kubereplay
// server: a HAR imported with its payments host outbound, mocks started from the snapshot's
// context menu, a call answered and one missed through them, the miss explained in the mock log
// and opened beside its closest recorded pair, then the mocks stopped.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  answer,
  escape,
  importFile,
  notification,
  quickPickRow,
  row,
  showRecordings,
} from './recordingsUi';
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
import { REPO_DIR, setUpWorkbench, type Workbench } from './workbench';

const SHOP_HAR = path.join(
  REPO_DIR,
  'test-fixtures',
  'src',
  'main',
  'resources',
  'traffic',
  'chromium-shop.har',
);

/** Posts a charge to the payments API as an app would, through the mocks as its HTTP proxy. */
function charge(port: number, amount: string): Promise<{ status: number; miss: string }> {
  const body = `amount=${amount}&currency=eur`;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: 'http://payments.example.test/v1/charges',
        headers: {
          Host: 'payments.example.test',
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
        },
        timeout: 30_000,
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            miss: String(response.headers['x-kubereplay-mock'] ?? ''),
          });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer from the mocks in 30 s')));
    request.on('error', reject);
    request.end(body);
  });
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => {
      resolve(true);
    });
  });
}

describe('mocks in a VS Code workbench', { timeout: 170_000 }, () => {
  let codeServer: string;
  let browser: Browser | undefined;
  let tmp: string;
  let serverJar: string;
  let kubeconfig: string;
  const workbenches: Workbench[] = [];

  process.once('exit', () => {
    workbenches.forEach((workbench) => {
      workbench.kill();
    });
  });

  before(async () => {
    assert.ok(fs.existsSync(SHOP_HAR), `${SHOP_HAR} is missing`);
    codeServer = await setUpWorkbench();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubereplay-e2e-mocks-'));
    serverJar = copyServerJar(tmp);
    kubeconfig = path.join(tmp, 'kubeconfig.yaml');
    fs.writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\n');
    browser = await launchBrowser(tmp);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await Promise.all(workbenches.map((workbench) => workbench.stop()));
    if (!process.env.KUBEREPLAY_E2E_KEEP) {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  const mocksPane = (page: Page) =>
    page.locator(`${SIDEBAR} .pane`, {
      has: page.locator('.pane-header', { hasText: /^Mocks/i }),
    });

  /** A row of the Mocks view whose whole label matches. */
  function mockRow(page: Page, label: string | RegExp): Locator {
    const text = typeof label === 'string' ? new RegExp(`^${escape(label)}$`) : label;
    return mocksPane(page)
      .locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: text }) })
      .first();
  }

  /** Drags the edge between the Recordings and Mocks views up to `y`, giving the log room. */
  async function growMocks(page: Page, y: number): Promise<void> {
    const header = await mocksPane(page).locator('.pane-header').boundingBox();
    assert.ok(header, 'the Mocks view is shown');
    const sashes = page.locator(`${SIDEBAR} .monaco-sash.horizontal`);
    for (let index = 0; index < (await sashes.count()); index++) {
      const sash = await sashes.nth(index).boundingBox();
      if (sash && Math.abs(sash.y + sash.height / 2 - header.y) < 8) {
        const x = header.x + header.width / 2;
        await page.mouse.move(x, sash.y + sash.height / 2);
        await page.mouse.down();
        await page.mouse.move(x, y, { steps: 8 });
        await page.mouse.up();
        return;
      }
    }
    assert.fail('no edge above the Mocks view');
  }

  async function menu(page: Page, target: Locator, item: string): Promise<void> {
    await target.click({ button: 'right' });
    const entry = page.getByRole('menuitem', { name: item });
    await entry.hover();
    await entry.click({ delay: 50 });
  }

  /** The text of the editor in one editor group (0: left, 1: beside it). */
  async function groupText(page: Page, group: number, waitFor: string): Promise<string> {
    const editor = page
      .locator('.editor-group-container')
      .nth(group)
      .locator('.editor-instance .view-lines')
      .first();
    await editor.getByText(waitFor).first().waitFor();
    return (await editor.innerText()).replace(/\u00a0/g, ' ');
  }

  it('starts mocks on a snapshot, logs a hit and an explained miss, opens it and stops', async () => {
    assert.ok(browser);
    const root = path.join(tmp, 'mocks');
    const workspace = path.join(root, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    const shop = path.join(workspace, 'chromium-shop.har');
    fs.copyFileSync(SHOP_HAR, shop);

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
        // Room for the mock log beside a missed request and its closest pair.
        await page.setViewportSize({ width: 1800, height: 800 });
        await widenSidebar(page, 600);
        await showRecordings(page);
        // The payment provider is the shop's dependency: its calls are the mocks.
        await importFile(page, shop);
        await quickPickRow(page, 'Choose options…').click();
        await quickPickRow(page, 'har').click();
        await answer(page, /: name$/, 'shop');
        await answer(page, /: outbound hosts$/, 'payments.example.test');
        await notification(page, /Imported shop: IN 7 · OUT 1, 2 skipped\./);

        const snapshot = row(page, 'shop');
        await menu(page, snapshot, 'Start Mocks');
        const described = await waitForDescription(
          snapshot,
          /^mocks on 127\.0\.0\.1:\d+ · IN 7 · OUT 1 · /,
        );
        const port = Number(/127\.0\.0\.1:(\d+)/.exec(described)?.[1]);
        assert.equal(await snapshot.locator('.codicon-server-process').count(), 1);
        await notification(page, new RegExp(`Mocks of shop listen on 127\\.0\\.0\\.1:${port}\\.`));
        const running = mockRow(page, 'shop');
        await running.waitFor();
        await growMocks(page, 190);
        await waitForDescription(
          running,
          new RegExp(`^127\\.0\\.0\\.1:${port} · 0 hits · 0 misses$`),
        );

        // The recorded charge comes back as recorded; another amount is a miss.
        assert.deepEqual(await charge(port, '3350'), { status: 201, miss: '' });
        assert.deepEqual(await charge(port, '9999'), { status: 599, miss: 'miss' });

        await waitForDescription(running, /· 1 hit · 1 miss$/);
        const hit = mockRow(page, /^POST payments\.example\.test\/v1\/charges → pair \d+$/);
        assert.match(await description(hit), /^201 · 1× · /);
        const miss = mockRow(page, 'POST payments.example.test/v1/charges');
        assert.match(await description(miss), /^miss · 599 · closest pair \d+, 1 difference$/);
        await mockRow(page, 'body amount: expected 3350, got 9999').waitFor();
        await mockRow(
          page,
          /^closest: pair \d+ POST payments\.example\.test\/v1\/charges$/,
        ).waitFor();

        await runCommand(page, 'Notifications: Clear All Notifications');
        await page.mouse.move(1100, 700);
        const side = await page.locator(SIDEBAR).boundingBox();
        assert.ok(side);
        await screenshot(page, 'vscode-mocks.png', {
          x: 0,
          y: 0,
          width: Math.round(side.x + side.width),
          height: 440,
        });

        // The miss beside the closest recorded pair.
        await miss.locator('.label-name').click();
        await page.locator('.tab', { hasText: '(missed).http' }).waitFor();
        const missed = await groupText(page, 0, 'POST http://payments.example.test/v1/charges');
        assert.match(missed, /body amount: expected 3350, got 9999/);
        await page.locator('.tab', { hasText: /POST payments\.example\.test\.http/ }).waitFor();
        const pair = await groupText(page, 1, 'amount=3350&currency=eur');
        assert.match(pair, /^# OUT pair \d+ · /m);
        assert.match(pair, /^HTTP\/2(\.0)? 201/im);
        await page.mouse.move(1100, 700);
        await screenshot(page, 'vscode-mock-miss.png');

        // The environment an app runs with, as shell exports.
        await mockRow(page, 'Environment').locator('.label-name').click();
        await page.locator('.tab', { hasText: /Kube Replay mocks of shop/ }).waitFor();
        const exports = (
          await page
            .locator('.editor-instance .view-lines', { hasText: 'export HTTPS_PROXY=' })
            .first()
            .innerText()
        ).replace(/\u00a0/g, ' ');
        assert.match(
          exports,
          new RegExp(`^export HTTPS_PROXY='http://127\\.0\\.0\\.1:${port}'$`, 'm'),
        );

        await menu(page, snapshot, 'Stop Mocks');
        await notification(
          page,
          new RegExp(`Stopped the mocks of shop on 127\\.0\\.0\\.1:${port}\\.`),
        );
        await waitForDescription(snapshot, /^IN 7 · OUT 1 · /);
        await mocksPane(page).getByText('No mocks running.').waitFor();
        assert.ok(await refused(port), `port ${port} still accepts connections`);
      },
    );
  });
});
