// The Clusters view in a real VS Code workbench, against the real kubereplay server.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  inWorkbench as inWorkbenchWith,
  labels,
  launchBrowser,
  ROWS,
  runCommand,
  screenshot,
  copyServerJar,
  UI_TIMEOUT,
} from './ui';
import { REPO_DIR, setUpWorkbench, type Workbench } from './workbench';

const KUBECONFIGS = path.join(REPO_DIR, 'test-fixtures', 'src', 'main', 'resources', 'kubeconfig');

describe('the Clusters view in a VS Code workbench', { timeout: 170_000 }, () => {
  let codeServer: string;
  let browser: Browser | undefined;
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
    for (const name of ['a.yaml', 'b.yaml', 'malformed.yaml']) {
      assert.ok(
        fs.existsSync(path.join(KUBECONFIGS, name)),
        `${name} is missing in ${KUBECONFIGS}`,
      );
    }
    codeServer = await setUpWorkbench();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubereplay-e2e-'));
    serverJar = copyServerJar(tmp);
    browser = await launchBrowser(tmp);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await Promise.all(workbenches.map((workbench) => workbench.stop()));
    if (!process.env.KUBEREPLAY_E2E_KEEP) {
      fs.rmSync(tmp, { recursive: true, force: true }); // KUBEREPLAY_E2E_KEEP=1 keeps the logs
    }
  });

  /** Runs a scenario in a fresh workbench whose extension host sees this KUBECONFIG. */
  async function inWorkbench(
    name: string,
    kubeconfig: string,
    scenario: (page: Page) => Promise<void>,
  ): Promise<void> {
    assert.ok(browser);
    await inWorkbenchWith(
      {
        browser,
        codeServer,
        root: path.join(tmp, name),
        kubeconfig,
        serverJar,
        track: (workbench) => workbenches.push(workbench),
      },
      scenario,
    );
  }

  /**
   * Runs the refresh command from the command palette, then waits until the view has shown the
   * expected rows for a whole second: the tree coalesces quick changes, so its loading state
   * may never reach the page.
   */
  async function refresh(page: Page, expected: string[]): Promise<void> {
    await runCommand(page, 'Kube Replay: Refresh');
    const deadline = Date.now() + UI_TIMEOUT;
    let stableSince = Date.now();
    while (Date.now() - stableSince < 1_000) {
      const shown = await labels(page);
      if (JSON.stringify(shown) !== JSON.stringify(expected)) {
        assert.ok(
          Date.now() < deadline,
          `the view shows ${JSON.stringify(shown)} after refreshing`,
        );
        stableSince = Date.now();
      }
      await page.waitForTimeout(100);
    }
  }

  it('lists the contexts of every KUBECONFIG file, the first file winning', async () => {
    const kubeconfig = [path.join(KUBECONFIGS, 'a.yaml'), path.join(KUBECONFIGS, 'b.yaml')].join(
      path.delimiter,
    );
    await inWorkbench('contexts', kubeconfig, async (page) => {
      const dev = page.locator(ROWS, { has: page.locator('.label-name', { hasText: /^dev$/ }) });
      await dev.first().waitFor();
      await page.locator(`${ROWS} .label-name`, { hasText: /^prod$/ }).waitFor();
      assert.deepEqual(await labels(page), ['dev', 'staging', 'prod']);
      assert.equal(await dev.count(), 1, 'exactly one dev: the duplicate in b.yaml loses');
      assert.match(
        await dev.locator('.label-description').innerText(),
        /^shop · dev-cluster \(current\)$/,
      );
      assert.equal(await dev.locator('.codicon-circle-large-filled').count(), 1);
      const staging = page.locator(ROWS, {
        has: page.locator('.label-name', { hasText: /^staging$/ }),
      });
      assert.doesNotMatch(await staging.locator('.label-description').innerText(), /current/);

      await refresh(page, ['dev', 'staging', 'prod']);

      // The tooltip names the server, the user and how it authenticates, and the source file.
      await dev.first().hover();
      const tooltip = page.locator('.monaco-hover', { hasText: 'Server: https://127.0.0.1:6443' });
      await tooltip.first().waitFor();
      const tip = await tooltip.first().innerText();
      assert.match(tip, /User: dev-admin \(client certificate\)/);
      assert.ok(tip.includes(path.join(KUBECONFIGS, 'a.yaml')), `tooltip names a.yaml: ${tip}`);

      // The picture shows the whole tree: no tooltip, no hover highlight.
      await page.mouse.move(800, 600);
      await page.keyboard.press('Escape');
      await tooltip.first().waitFor({ state: 'hidden' });
      await screenshot(page, 'vscode-clusters.png');
    });
  });

  it('shows a malformed kubeconfig as an error item naming the file', async () => {
    const malformed = path.join(KUBECONFIGS, 'malformed.yaml');
    await inWorkbench('malformed', malformed, async (page) => {
      const error = page.locator(ROWS, { has: page.locator('.codicon-error') });
      await error.first().waitFor();
      const text = await error.first().locator('.label-name').innerText();
      assert.ok(text.includes(malformed), `the error names ${malformed}: '${text}'`);
      assert.match(
        await error.first().locator('.label-description').innerText(),
        /KUBECONFIG_MALFORMED/,
      );
    });
  });

  it('shows the contexts once the kubeconfig is fixed and the view refreshed', async () => {
    const file = path.join(tmp, 'fixable.yaml');
    fs.copyFileSync(path.join(KUBECONFIGS, 'malformed.yaml'), file);
    await inWorkbench('fixable', file, async (page) => {
      await page
        .locator(ROWS, { has: page.locator('.codicon-error') })
        .first()
        .waitFor();
      fs.copyFileSync(path.join(KUBECONFIGS, 'a.yaml'), file);
      await refresh(page, ['dev', 'staging']);
    });
  });
});
