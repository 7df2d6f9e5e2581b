// The Clusters view in a real VS Code workbench, against the real kubereplay server.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_DIR, setUpWorkbench, startWorkbench, type Workbench } from './workbench';

const SERVER_JAR = path.join(REPO_DIR, 'server', 'target', 'kubereplay.jar');
const KUBECONFIGS = path.join(REPO_DIR, 'test-fixtures', 'src', 'main', 'resources', 'kubeconfig');
const SCREENSHOT = path.join(REPO_DIR, 'docs', 'screenshots', 'vscode-clusters.png');
const CHROMIUM = '/usr/bin/chromium';

/** The workbench takes 5-10 s to come up; the server a second more. */
const UI_TIMEOUT = 45_000;

const SIDEBAR = '[id="workbench.parts.sidebar"]';
const ROWS = `${SIDEBAR} .monaco-list-row`;

describe('the Clusters view in a VS Code workbench', { timeout: 170_000 }, () => {
  let codeServer: string;
  let browser: Browser | undefined;
  let tmp: string;
  const workbenches: Workbench[] = [];

  // Should the runner end this process abruptly, take the workbenches down with it.
  process.once('exit', () => {
    workbenches.forEach((workbench) => {
      workbench.kill();
    });
  });

  before(async () => {
    assert.ok(fs.existsSync(SERVER_JAR), `${SERVER_JAR} is missing: build the server first`);
    for (const name of ['a.yaml', 'b.yaml', 'malformed.yaml']) {
      assert.ok(
        fs.existsSync(path.join(KUBECONFIGS, name)),
        `${name} is missing in ${KUBECONFIGS}`,
      );
    }
    codeServer = await setUpWorkbench();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubereplay-e2e-'));
    const browserHome = path.join(tmp, 'browser-home');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      timeout: 30_000,
      // Chromium keeps crash reports under HOME: keep them out of the real one.
      env: {
        ...process.env,
        HOME: browserHome,
        XDG_CONFIG_HOME: path.join(browserHome, '.config'),
      },
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-default-apps',
        '--disable-sync',
        '--no-first-run',
        '--metrics-recording-only',
      ],
    });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await Promise.all(workbenches.map((workbench) => workbench.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /**
   * Runs a scenario in a fresh workbench whose extension host sees this KUBECONFIG, on a page
   * showing the Clusters view. A failure carries the workbench's logs; the workbench is stopped
   * either way.
   */
  async function inWorkbench(
    name: string,
    kubeconfig: string,
    scenario: (page: Page) => Promise<void>,
  ): Promise<void> {
    const root = path.join(tmp, name);
    const workbench = await startWorkbench({
      codeServer,
      root,
      settings: {
        'workbench.startupEditor': 'none',
        'kubereplay.server.jar': SERVER_JAR,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.tips.enabled': false,
      },
      env: { KUBECONFIG: kubeconfig, KUBEREPLAY_HOME: path.join(root, 'kubereplay-home') },
    });
    workbenches.push(workbench);
    assert.ok(browser);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      page.setDefaultTimeout(UI_TIMEOUT);
      await page.goto(workbench.url);
      await page.locator('.activitybar [aria-label^="Kube Replay"]').first().click();
      await scenario(page);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${workbench.logs()}`, { cause: error });
    } finally {
      await page.close();
      await workbench.stop();
    }
  }

  async function labels(page: Page): Promise<string[]> {
    return page.locator(`${ROWS} .label-name`).allInnerTexts();
  }

  async function runCommand(page: Page, title: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
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
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
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
