// Driving the Recordings view of the workbench page: its rows, the import command and its
// quick inputs, notifications and editors.
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SIDEBAR } from './ui';

export const recordings = (page: Page): Locator =>
  page.locator(`${SIDEBAR} .pane`, {
    has: page.locator('.pane-header', { hasText: /^Recordings/i }),
  });

/** A row of the Recordings view by its whole label. */
export function row(page: Page, label: string): Locator {
  return recordings(page)
    .locator('.monaco-list-row', {
      has: page.locator('.label-name', { hasText: new RegExp(`^${escape(label)}$`) }),
    })
    .first();
}

/** Clicks a collapsed row open and waits for a row under it. */
export async function expand(page: Page, label: string, childLabel: string): Promise<void> {
  const child = row(page, childLabel);
  if (!(await child.isVisible())) {
    await row(page, label).click();
  }
  await child.waitFor();
}

/** Opens the Recordings view and gives it the side bar: the Clusters view is collapsed. */
export async function showRecordings(page: Page): Promise<void> {
  const header = (name: RegExp) =>
    page.locator(`${SIDEBAR} .pane-header`, { hasText: name }).first();
  await header(/^Clusters/i).waitFor();
  if ((await header(/^Clusters/i).getAttribute('aria-expanded')) === 'true') {
    await header(/^Clusters/i).click();
  }
  if ((await header(/^Recordings/i).getAttribute('aria-expanded')) !== 'true') {
    await header(/^Recordings/i).click();
  }
  await recordings(page).getByText('No recordings yet.').waitFor();
}

/** Runs Import Recording… from the command palette and answers its file dialog. */
export async function importFile(page: Page, file: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Kube Replay: Import Recording');
  await quickPickRow(page, 'Kube Replay: Import Recording…').waitFor();
  await page.keyboard.press('Enter');
  // The workbench's own file dialog: a path in the quick input. Once it lists the folder,
  // type the file's path over the folder's.
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: 'Import Recording' })
    .waitFor();
  await quickPickRow(page, path.basename(file)).waitFor();
  await input.fill(file);
  await page.waitForFunction(
    ([selector, value]) => document.querySelector<HTMLInputElement>(selector)?.value === value,
    ['.quick-input-widget input', file] as const,
  );
  await page.keyboard.press('Enter');
  await quickPickRow(page, 'Import with defaults').waitFor();
}

export function quickPickRow(page: Page, label: string): Locator {
  return page
    .locator('.quick-input-list .monaco-list-row', {
      has: page.locator('.label-name', { hasText: new RegExp(`^${escape(label)}$`) }),
    })
    .first();
}

/** Answers an input box of the quick input with `text` (empty: keeps the default). */
export async function answer(page: Page, title: RegExp, text?: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
  const input = page.locator('.quick-input-widget input');
  if (text !== undefined) {
    await input.fill(text);
  }
  await page.keyboard.press('Enter');
}

export async function notification(page: Page, text: RegExp): Promise<Locator> {
  const toast = page.locator('.notification-toast', { hasText: text }).first();
  await toast.waitFor();
  return toast;
}

export async function editorText(page: Page, waitFor: string): Promise<string> {
  const editor = page.locator('.editor-instance .view-lines').first();
  await editor.getByText(waitFor).first().waitFor();
  return (await editor.innerText()).replace(/\u00a0/g, ' ');
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
