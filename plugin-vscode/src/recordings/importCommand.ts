// The Import Recording command: a file, the options (or the defaults), then the import with
// its progress and report.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { errorText } from '../rpc/errors';
import type {
  DidFinishImportParams,
  DidProgressParams,
  ImportFileParams,
  ImportFileResponse,
  ImportReportDto,
} from '../rpc/protocol';
import { reportSummary } from './documents';
import {
  asksForEnvironment,
  defaultName,
  formatItems,
  importParams,
  startItems,
  validateHosts,
  type ImportChoices,
  redactKeysOf,
} from './importOptions';
import { ProgressTracker, type ImportWatcher } from './imports';

export interface ImportDeps {
  importFile(params: ImportFileParams): Promise<ImportFileResponse>;
  cancel(operationId: string): Promise<unknown>;
  watcher: ImportWatcher;
  /** Called once the import has ended, whichever way. */
  imported(): void;
  showReport(report: ImportReportDto): Promise<void>;
}

/** Imports `file`, or a file the user picks; asks for the options unless told the defaults. */
export async function importRecording(deps: ImportDeps, file?: vscode.Uri): Promise<void> {
  const source = file ?? (await pickFile());
  if (!source) {
    return;
  }
  const base = path.basename(source.fsPath);
  const start = await vscode.window.showQuickPick(startItems(source.fsPath), {
    title: `Import ${base}`,
    placeHolder: 'Import with the defaults, or choose the format, name and outbound hosts first',
  });
  if (!start) {
    return;
  }
  const choices = start.options ? await askOptions(source.fsPath) : {};
  if (!choices) {
    return;
  }
  const redactKeys = redactKeysOf(
    vscode.workspace.getConfiguration('kubereplay').get('redaction.keys'),
  );
  await runImport(deps, base, importParams(source.fsPath, { ...choices, redactKeys }));
}

async function pickFile(): Promise<vscode.Uri | undefined> {
  const files = await vscode.window.showOpenDialog({
    title: 'Import Recording',
    openLabel: 'Import',
    canSelectMany: false,
    filters: {
      Recordings: ['har', 'json', 'jsonl'],
      'All files': ['*'],
    },
  });
  return files?.[0];
}

/** Walks through the options; each has a default that Enter keeps. Escape cancels the import. */
async function askOptions(file: string): Promise<ImportChoices | undefined> {
  const title = `Import ${path.basename(file)}`;
  const format = await vscode.window.showQuickPick(formatItems(), {
    title: `${title}: format`,
    placeHolder: 'The format of the file',
  });
  if (!format) {
    return undefined;
  }
  const name = await vscode.window.showInputBox({
    title: `${title}: name`,
    prompt: 'The recording’s name (empty: the file name)',
    value: defaultName(file),
  });
  if (name === undefined) {
    return undefined;
  }
  const outboundHosts = await vscode.window.showInputBox({
    title: `${title}: outbound hosts`,
    prompt:
      'Hosts the workload calls, comma-separated: their pairs become OUT, served as mocks in a replay (empty: none)',
    placeHolder: 'payments.example.com, api.stripe.com',
    validateInput: validateHosts,
  });
  if (outboundHosts === undefined) {
    return undefined;
  }
  const choices: ImportChoices = { format: format.format, name, outboundHosts };
  if (asksForEnvironment(file, format.format)) {
    const environment = await askEnvironment(title, file);
    if (environment === undefined) {
      return undefined;
    }
    choices.environmentPath = environment || undefined;
  }
  return choices;
}

/** A Postman environment file; '' for none, undefined when the user cancels. */
async function askEnvironment(title: string, file: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'No environment', detail: 'Variables the collection leaves unset are reported.' },
      { label: 'Choose an environment file…', detail: 'A Postman environment export (.json).' },
    ],
    { title: `${title}: Postman environment` },
  );
  if (!picked) {
    return undefined;
  }
  if (picked.label === 'No environment') {
    return '';
  }
  const files = await vscode.window.showOpenDialog({
    title: `${title}: Postman environment`,
    openLabel: 'Use Environment',
    canSelectMany: false,
    defaultUri: vscode.Uri.file(path.dirname(file)),
    filters: { 'Postman environment': ['json'], 'All files': ['*'] },
  });
  return files?.[0]?.fsPath;
}

async function runImport(deps: ImportDeps, base: string, params: ImportFileParams): Promise<void> {
  let finished: DidFinishImportParams;
  try {
    finished = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Importing ${base}`,
        cancellable: true,
      },
      async (progress, token) => {
        const { operationId } = await deps.importFile(params);
        const tracker = new ProgressTracker();
        const cancelled = token.onCancellationRequested(() => {
          void deps.cancel(operationId).catch(() => undefined);
        });
        try {
          return await new Promise<DidFinishImportParams>((resolve) => {
            deps.watcher.watch(operationId, {
              progress: (update: DidProgressParams) => {
                progress.report(tracker.step(update));
              },
              finished: resolve,
            });
          });
        } finally {
          cancelled.dispose();
        }
      },
    );
  } catch (error) {
    void vscode.window.showErrorMessage(errorText(error));
    return;
  }
  deps.imported();
  if (finished.error?.code === 'REQUEST_CANCELLED') {
    void vscode.window.showInformationMessage(`Import of ${base} cancelled.`);
    return;
  }
  if (finished.error) {
    void vscode.window.showErrorMessage(finished.error.message);
    return;
  }
  const report = finished.report;
  if (!report) {
    return;
  }
  const action = await vscode.window.showInformationMessage(reportSummary(report), 'Show Report');
  if (action === 'Show Report') {
    await deps.showReport(report);
  }
}
