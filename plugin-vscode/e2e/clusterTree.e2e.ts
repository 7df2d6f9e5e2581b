// The full Clusters tree in a real VS Code workbench, against the real kubereplay server and a
// real kube-apiserver: workloads with their health, injection toggled from the context menu and
// read back through the API, live updates, and a view the user may not list.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { startApiServer, stopApiServer, type ApiServer } from './apiServer';
import { allowViewer, createShop } from './shop';
import {
  description,
  inWorkbench,
  launchBrowser,
  row,
  screenshot,
  copyServerJar,
  SIDEBAR,
  waitForDescription,
  widenSidebar,
} from './ui';
import { setUpWorkbench, type Workbench } from './workbench';

const INJECT = 'kubereplay.dev/inject';

describe('the cluster tree against a real API server', { timeout: 170_000 }, () => {
  let codeServer: string;
  let browser: Browser | undefined;
  let apiServer: ApiServer | undefined;
  let tmp: string;
  let serverJar: string;
  const workbenches: Workbench[] = [];

  // Should the runner end this process abruptly, take the workbenches down with it.
  process.once('exit', () => {
    workbenches.forEach((workbench) => {
      workbench.kill();
    });
  });

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubereplay-e2e-cluster-'));
    serverJar = copyServerJar(tmp);
    const [workbench, cluster] = await Promise.all([
      setUpWorkbench(),
      startApiServer(path.join(tmp, 'cluster')),
    ]);
    codeServer = workbench;
    apiServer = cluster;
    await createShop(cluster.rest);
    await allowViewer(cluster.rest);
    browser = await launchBrowser(tmp);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await Promise.all(workbenches.map((workbench) => workbench.stop()));
    apiServer?.rest.close();
    // Also when starting failed half-way: stop is a no-op when nothing runs.
    await stopApiServer(path.join(tmp, 'cluster'));
    if (!process.env.KUBEREPLAY_E2E_KEEP) {
      fs.rmSync(tmp, { recursive: true, force: true }); // KUBEREPLAY_E2E_KEEP=1 keeps the logs
    }
  });

  function scenario(name: string) {
    assert.ok(browser && apiServer);
    return {
      browser,
      codeServer,
      root: path.join(tmp, name),
      kubeconfig: apiServer.kubeconfig,
      serverJar,
      track: (workbench: Workbench) => workbenches.push(workbench),
    };
  }

  /** The side bar (and a tooltip over it), below the title bar, with a margin. */
  async function treeClip(page: Page, over?: Locator) {
    const last = await row(page, 'restricted,').boundingBox();
    const side = await page.locator(SIDEBAR).boundingBox();
    const extra = over ? await over.boundingBox() : null;
    assert.ok(last && side);
    const right = Math.max(side.x + side.width, extra ? extra.x + extra.width : 0);
    const bottom = Math.max(last.y + last.height, extra ? extra.y + extra.height : 0);
    const top = side.y;
    return {
      x: 0,
      y: top,
      width: Math.round(right + 40),
      height: Math.round(bottom + 24 - top),
    };
  }

  /** Clicks a collapsed row open and waits for a row under it. */
  async function expand(page: Page, rowLabel: string, childLabel: string): Promise<void> {
    const child = row(page, childLabel);
    if (!(await child.isVisible())) {
      await row(page, rowLabel).click();
    }
    await child.waitFor();
  }

  it('shows workloads with their health, and toggles injection from the context menu', async () => {
    const rest = apiServer?.rest;
    assert.ok(rest);
    await inWorkbench(scenario('tree'), async (page) => {
      await widenSidebar(page, 560);
      await expand(page, 'admin,', 'namespace shop of admin');
      // The context's namespace (default) opens by itself; close it to see shop.
      await row(page, 'namespace default of admin').click();
      await row(page, 'Workloads in default of admin').waitFor({ state: 'detached' });
      await expand(page, 'namespace shop of admin', 'Workloads in shop of admin');
      await expand(page, 'Workloads in shop of admin', 'Deployment api,');

      const api = row(page, 'Deployment api,');
      assert.equal(await description(api), '1/1');
      // How the server words pod problems is its own: they follow the flags.
      assert.match(await description(row(page, 'Deployment web,')), /^1\/2 · injected · TLS out/);
      assert.match(
        await description(row(page, 'Deployment payments,')),
        /^0\/1 · .*CrashLoopBackOff/,
      );
      // Sidecar health: api ok (green), web caution (one sidecar not ready), payments alert.
      assert.equal(await api.locator('.codicon-pass').count(), 1);
      assert.equal(await row(page, 'Deployment web,').locator('.codicon-warning').count(), 1);
      assert.equal(await row(page, 'Deployment payments,').locator('.codicon-error').count(), 1);
      assert.equal(
        await description(row(page, 'Workloads in shop of admin')),
        '3 · 1 alert · 1 caution',
      );
      // The operator row comes first under the context.
      assert.equal(await description(row(page, 'kubereplay operator of admin')), 'not installed');

      await expand(page, 'Events in shop of admin', 'Warning event BackOff');
      await expand(page, 'Secrets in shop of admin', 'payments-db');
      assert.match(await description(row(page, 'payments-db')), /^Opaque · 2 keys$/);

      // Live: a workload created now shows up without a refresh.
      await rest.create('/apis/apps/v1/namespaces/shop/deployments', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'cart' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'cart' } },
          template: {
            metadata: { labels: { app: 'cart' } },
            spec: { containers: [{ name: 'cart', image: 'shop/cart:1.0' }] },
          },
        },
      });
      await row(page, 'Deployment cart,').waitFor({ timeout: 10_000 });

      await expand(page, 'Services in shop of admin', 'api ClusterIP');
      // The picture: the workload selected (its inline actions show), no hover anywhere.
      await api.locator('.label-name').click();
      await page.mouse.move(1000, 650);
      await screenshot(page, 'vscode-cluster-tree.png', await treeClip(page));

      await api.click({ button: 'right' });
      // The menu takes a click only after the mouse moved over it, as a hand would.
      const item = page.getByRole('menuitem', { name: 'Toggle Sidecar Injection' });
      await item.hover();
      await item.click({ delay: 50 });
      const injected = await waitForDescription(api, /injected/, 15_000);
      assert.equal(injected, '1/1 · injected');
      const deployment = await rest.get('/apis/apps/v1/namespaces/shop/deployments/api');
      const template = (deployment.spec as { template: { metadata: { annotations?: object } } })
        .template;
      assert.equal((template.metadata.annotations as Record<string, string>)[INJECT], 'true');
      // Injected, but the running pod has no sidecar yet: the row turns red and says why.
      await api.locator('.codicon-error').waitFor();

      // A redraw under a resting mouse drops its tooltip: move onto the row until one shows.
      const tooltip = page.locator('.monaco-hover', { hasText: 'Sidecar health' }).first();
      for (let attempt = 0; attempt < 5 && !(await tooltip.isVisible()); attempt++) {
        await page.mouse.move(1000, 650);
        await page.waitForTimeout(300);
        await api.locator('.label-name').hover();
        await tooltip.waitFor({ timeout: 3_000 }).catch(() => undefined);
      }
      assert.match(await tooltip.innerText(), /has no kubereplay-sidecar/);
      await screenshot(page, 'vscode-workload-injected.png', await treeClip(page, tooltip));

      // Container logs, from the row's inline button, in a read-only document. No kubelet runs
      // here, so the follow ends at once and the document says why.
      await page.mouse.move(1000, 650);
      await api.hover();
      await api.locator('.action-label[aria-label="Show Container Logs"]').click();
      await page.locator('.tab', { hasText: 'api.log' }).waitFor();
      const editor = page.locator('.editor-instance .view-lines').first();
      await editor.getByText('# Ended:').waitFor({ timeout: 15_000 });
      const text = (await editor.innerText()).replace(/\u00a0/g, ' ');
      assert.match(text, /# Deployment api, app container · namespace shop · context admin/);
    });
  });

  it('says "forbidden" on the one view the user may not list', async () => {
    await inWorkbench(scenario('viewer'), async (page) => {
      await expand(page, 'viewer,', 'namespace default of viewer');
      // The viewer may not list namespaces: the context's own namespace is shown, marked.
      assert.equal(
        await description(row(page, 'namespace default of viewer')),
        'cannot list namespaces',
      );
      await expand(page, 'Secrets in default of viewer', 'forbidden: cannot list secrets');
      assert.equal(await description(row(page, 'Secrets in default of viewer')), 'forbidden');
      await expand(page, 'Workloads in default of viewer', 'No workloads');
      assert.equal(await description(row(page, 'Workloads in default of viewer')), '0');
    });
  });
});
