// Driving the workbench page: a headless Chromium, a workbench per scenario, the Clusters view.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { REPO_DIR, startWorkbench, type Workbench } from './workbench';

const CHROMIUM = '/usr/bin/chromium';

/** The server jar under test; KUBEREPLAY_E2E_SERVER_JAR points at another build of it. */
export const SERVER_JAR =
  process.env.KUBEREPLAY_E2E_SERVER_JAR ??
  path.join(REPO_DIR, 'server', 'target', 'kubereplay.jar');

/**
 * A copy of the server jar for one test run: a rebuild of the server while the tests run then
 * changes nothing under them.
 */
export function copyServerJar(tmp: string): string {
  assert.ok(fs.existsSync(SERVER_JAR), `${SERVER_JAR} is missing: build the server first`);
  const copy = path.join(tmp, 'kubereplay.jar');
  fs.copyFileSync(SERVER_JAR, copy);
  return copy;
}

export const SCREENSHOTS = path.join(REPO_DIR, 'docs', 'screenshots');

/** The workbench takes 5-10 s to come up; the server a second more. */
export const UI_TIMEOUT = 45_000;

export const SIDEBAR = '[id="workbench.parts.sidebar"]';
export const ROWS = `${SIDEBAR} .monaco-list-row`;

export function launchBrowser(tmp: string): Promise<Browser> {
  const browserHome = path.join(tmp, 'browser-home');
  return chromium.launch({
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
}

export interface Scenario {
  browser: Browser;
  codeServer: string;
  /** A fresh folder for this workbench. */
  root: string;
  kubeconfig: string;
  /** The server jar the extension runs (a copy, see copyServerJar). */
  serverJar: string;
  /** Tracks the workbench so the caller can kill it should the process end abruptly. */
  track(workbench: Workbench): void;
}

/**
 * Runs a scenario in a fresh workbench whose extension host sees this KUBECONFIG, on a page
 * showing the Clusters view. A failure carries the workbench's logs; the workbench is stopped
 * either way.
 */
export async function inWorkbench(
  scenario: Scenario,
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const { root } = scenario;
  const workbench = await startWorkbench({
    codeServer: scenario.codeServer,
    root,
    settings: {
      'workbench.startupEditor': 'none',
      'kubereplay.server.jar': scenario.serverJar,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.tips.enabled': false,
      'workbench.tree.indent': 14,
      'workbench.colorTheme': 'Default Dark Modern',
    },
    env: {
      KUBECONFIG: scenario.kubeconfig,
      KUBEREPLAY_HOME: path.join(root, 'kubereplay-home'),
    },
  });
  scenario.track(workbench);
  const page = await scenario.browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.goto(workbench.url);
    await page.locator('.activitybar [aria-label^="Kube Replay"]').first().click();
    await run(page);
  } catch (error) {
    const picture = path.join(root, 'failure.png');
    await page.screenshot({ path: picture }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n(page: ${picture})\n${workbench.logs()}`, {
      cause: error,
    });
  } finally {
    await page.close();
    await workbench.stop();
  }
}

export async function labels(page: Page): Promise<string[]> {
  return page.locator(`${ROWS} .label-name`).allInnerTexts();
}

/** A row of the Clusters view by the start of what screen readers hear for it. */
export function row(page: Page, ariaLabelStart: string): Locator {
  return page.locator(`${ROWS}[aria-label^="${ariaLabelStart}"]`).first();
}

export async function description(rowLocator: Locator): Promise<string> {
  return rowLocator.locator('.label-description').innerText();
}

/** Waits until a row's description matches. */
export async function waitForDescription(
  rowLocator: Locator,
  expected: RegExp,
  timeoutMs = UI_TIMEOUT,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await description(rowLocator).catch(() => '');
    if (expected.test(text)) {
      return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the row's description is '${text}', not ${String(expected)}`);
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Widens the side bar by dragging its edge, so descriptions are not cut short. */
export async function widenSidebar(page: Page, width: number): Promise<void> {
  const box = await page.locator(SIDEBAR).boundingBox();
  assert.ok(box, 'the side bar is shown');
  const y = box.y + box.height / 2;
  const edge = box.x + box.width;
  await page.mouse.move(edge - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

/** A picture of the page, or of part of it, for docs/screenshots. */
export async function screenshot(
  page: Page,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), ...(clip ? { clip } : {}) });
}
