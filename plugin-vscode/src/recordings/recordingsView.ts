import * as path from 'node:path';
import * as vscode from 'vscode';
import { BuiltinCommands, Commands, ContextKeys, PAIR_SCHEME, REPORT_SCHEME } from '../commands';
import { errorText } from '../rpc/errors';
import type {
  DidFinishImportParams,
  DidProgressParams,
  ExportSnapshotResponse,
  GetPairResponse,
  ImportFileParams,
  ImportFileResponse,
  ImportReportDto,
  SnapshotDto,
  SnapshotResponse,
  StartRecordingParams,
  StartRecordingResponse,
} from '../rpc/protocol';
import {
  DEFAULT_LISTEN,
  DesktopRecordings,
  startParams,
  validateListen,
  validateUpstream,
} from './desktop';
import { ImportWatcher } from './imports';
import {
  deleteSnapshotConfirmation,
  EXPORT_FORMATS,
  exportFileName,
  IMPORT_FORMATS,
  importFormat,
  pairDocumentText,
  pairPath,
  parsePairPath,
  ProgressTracker,
  render,
  reportSummary,
  reportText,
  validateName,
  type RecordingNode,
} from './model';
import { RecordingsStore, type RecordingsApi } from './store';

/** What the Recordings view's commands need of the server, besides the tree's requests. */
export interface RecordingsActionsApi extends RecordingsApi {
  getPair(snapshotId: string, pairId: number): Promise<GetPairResponse>;
  importFile(params: ImportFileParams): Promise<ImportFileResponse>;
  cancel(operationId: string): Promise<unknown>;
  exportSnapshot(snapshotId: string, format: string, file: string): Promise<ExportSnapshotResponse>;
  rename(snapshotId: string, name: string): Promise<SnapshotResponse>;
  delete(snapshotId: string): Promise<unknown>;
  startRecording(params: StartRecordingParams): Promise<StartRecordingResponse>;
  stopRecording(recordingId: string): Promise<SnapshotResponse>;
}

/** The Recordings view: snapshot → host → endpoint → pair, loaded as rows are expanded. */
export class RecordingsTree implements vscode.TreeDataProvider<RecordingNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<RecordingNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly store: RecordingsStore) {}

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: RecordingNode): vscode.TreeItem {
    const row = render(node);
    const item = new vscode.TreeItem(
      row.label,
      row.collapse === 'none'
        ? vscode.TreeItemCollapsibleState.None
        : row.collapse === 'expanded'
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = new vscode.ThemeIcon(
      row.icon.id,
      row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined,
    );
    item.contextValue = row.contextValue;
    if (node.kind === 'pair') {
      item.command = {
        title: 'Open Pair',
        command: Commands.openPair,
        arguments: [node],
      };
    }
    return item;
  }

  getChildren(node?: RecordingNode): Promise<RecordingNode[]> {
    return this.store.children(node);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

/** Pairs (`kubereplay-pair:`) and import reports (`kubereplay-report:`) as read-only documents. */
export class RecordingDocuments implements vscode.TextDocumentContentProvider {
  private readonly reports = new Map<string, string>();

  constructor(private readonly api: RecordingsActionsApi) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (uri.scheme === REPORT_SCHEME) {
      return this.reports.get(uri.path) ?? '# This report is no longer available.\n';
    }
    const ids = parsePairPath(uri.path);
    if (!ids) {
      return `# Not a recorded pair: ${uri.path}\n`;
    }
    try {
      const { pair } = await this.api.getPair(ids.snapshotId, ids.pairId);
      return pairDocumentText(pair);
    } catch (error) {
      return `# Could not load pair ${ids.pairId}: ${errorText(error)}\n`;
    }
  }

  addReport(report: ImportReportDto): vscode.Uri {
    const name = `/${report.snapshot.name.replace(/[/\\?#%]/g, '_')} (import report).txt`;
    this.reports.set(name, reportText(report));
    return vscode.Uri.from({ scheme: REPORT_SCHEME, path: name });
  }
}

/** The commands of the Recordings view. */
export function registerRecordingsActions(
  api: RecordingsActionsApi,
  tree: RecordingsTree,
  view: vscode.TreeView<RecordingNode>,
  documents: RecordingDocuments,
  watcher: ImportWatcher,
  desktop: DesktopRecordings,
): vscode.Disposable {
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.command = Commands.stopRecording;
  const showStatus = () => {
    const text = desktop.statusText();
    void vscode.commands.executeCommand(
      BuiltinCommands.setContext,
      ContextKeys.recording,
      text !== undefined,
    );
    if (text === undefined) {
      status.hide();
      return;
    }
    status.text = text;
    status.tooltip = desktop.statusTooltip();
    status.show();
  };
  showStatus();

  const snapshot = (node: unknown): SnapshotDto | undefined => {
    const row = (node as RecordingNode | undefined) ?? view.selection[0];
    if (row?.kind === 'snapshot') {
      return row.snapshot;
    }
    void vscode.window.showInformationMessage('Select a recording in the Recordings view first.');
    return undefined;
  };

  return vscode.Disposable.from(
    status,
    {
      dispose: desktop.onDidChange(showStatus),
    },
    vscode.commands.registerCommand(Commands.refreshRecordings, () => {
      tree.refresh();
    }),
    vscode.commands.registerCommand(Commands.startRecording, async () => {
      const mode = await vscode.window.showQuickPick(
        [
          {
            label: 'Reverse proxy',
            detail:
              'Clients call the proxy, which forwards to a service: its traffic becomes IN pairs',
            forward: false,
          },
          {
            label: 'Forward proxy',
            detail: 'A local app uses the proxy for its calls: its dependencies become OUT pairs',
            forward: true,
          },
        ],
        { title: 'Start Recording' },
      );
      if (!mode) {
        return;
      }
      const listen = await vscode.window.showInputBox({
        title: 'Start Recording: listen on',
        value: DEFAULT_LISTEN,
        validateInput: validateListen,
      });
      if (listen === undefined) {
        return;
      }
      let upstream: string | undefined;
      if (!mode.forward) {
        upstream = await vscode.window.showInputBox({
          title: 'Start Recording: upstream URL',
          placeHolder: 'http://localhost:8080',
          validateInput: validateUpstream,
        });
        if (upstream === undefined) {
          return;
        }
      }
      const name = await vscode.window.showInputBox({
        title: 'Start Recording: name (optional)',
      });
      if (name === undefined) {
        return;
      }
      try {
        const answer = await api.startRecording(startParams(listen, upstream, name));
        desktop.started(answer, mode.forward);
        tree.refresh();
        void vscode.window.showInformationMessage(`Recording through ${answer.address}.`);
      } catch (error) {
        void vscode.window.showErrorMessage(errorText(error));
      }
    }),
    vscode.commands.registerCommand(Commands.stopRecording, async () => {
      const all = desktop.all;
      const picked =
        all.length <= 1
          ? all[0]
          : (
              await vscode.window.showQuickPick(
                all.map((recording) => ({
                  label: recording.address,
                  description: `${recording.pairs} pairs`,
                  recording,
                })),
                { title: 'Stop Recording' },
              )
            )?.recording;
      if (!picked) {
        if (all.length === 0) {
          void vscode.window.showInformationMessage('No recording is running.');
        }
        return;
      }
      try {
        const { snapshot: sealed } = await api.stopRecording(picked.recordingId);
        desktop.stopped(picked.recordingId);
        tree.refresh();
        void vscode.window.showInformationMessage(
          `Recorded ${sealed.name}: IN ${sealed.inCount} · OUT ${sealed.outCount}.`,
        );
      } catch (error) {
        void vscode.window.showErrorMessage(errorText(error));
      }
    }),
    vscode.commands.registerCommand(Commands.openPair, async (node?: RecordingNode) => {
      const row = node ?? view.selection[0];
      if (row?.kind !== 'pair') {
        return;
      }
      const uri = vscode.Uri.from({
        scheme: PAIR_SCHEME,
        path: pairPath(row.snapshotId, row.pair),
      });
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: true });
    }),
    vscode.commands.registerCommand(Commands.importRecording, () =>
      importRecording(api, tree, documents, watcher),
    ),
    vscode.commands.registerCommand(Commands.exportRecording, async (node) => {
      const target = snapshot(node);
      if (!target) {
        return;
      }
      const format = await vscode.window.showQuickPick([...EXPORT_FORMATS], {
        title: `Export ${target.name}`,
        placeHolder: 'Format',
      });
      if (!format) {
        return;
      }
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = exportFileName(target, format);
      const file = await vscode.window.showSaveDialog({
        title: `Export ${target.name}`,
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name),
        filters: format === 'har' ? { HAR: ['har'] } : { 'Kube Replay JSONL': ['jsonl'] },
      });
      if (!file) {
        return;
      }
      try {
        const answer = await api.exportSnapshot(target.id, format, file.fsPath);
        void vscode.window.showInformationMessage(
          `Exported ${answer.pairs} pairs of ${target.name} to ${path.basename(answer.path)}.`,
        );
      } catch (error) {
        void vscode.window.showErrorMessage(errorText(error));
      }
    }),
    vscode.commands.registerCommand(Commands.renameRecording, async (node) => {
      const target = snapshot(node);
      if (!target) {
        return;
      }
      const name = await vscode.window.showInputBox({
        title: 'Rename Recording',
        value: target.name,
        validateInput: validateName,
      });
      if (name === undefined || name.trim() === target.name) {
        return;
      }
      try {
        await api.rename(target.id, name.trim());
        tree.refresh();
      } catch (error) {
        void vscode.window.showErrorMessage(errorText(error));
      }
    }),
    vscode.commands.registerCommand(Commands.deleteRecording, async (node) => {
      const target = snapshot(node);
      if (!target) {
        return;
      }
      const confirmation = deleteSnapshotConfirmation(target);
      const answer = await vscode.window.showWarningMessage(
        confirmation.message,
        { modal: true, detail: confirmation.detail },
        confirmation.confirm,
      );
      if (answer !== confirmation.confirm) {
        return;
      }
      try {
        await api.delete(target.id);
        tree.refresh();
      } catch (error) {
        void vscode.window.showErrorMessage(errorText(error));
      }
    }),
  );
}

async function importRecording(
  api: RecordingsActionsApi,
  tree: RecordingsTree,
  documents: RecordingDocuments,
  watcher: ImportWatcher,
): Promise<void> {
  const files = await vscode.window.showOpenDialog({
    title: 'Import Recording',
    openLabel: 'Import',
    canSelectMany: false,
    filters: {
      Recordings: ['har', 'json', 'jsonl'],
      'All files': ['*'],
    },
  });
  const file = files?.[0];
  if (!file) {
    return;
  }
  const picked = await vscode.window.showQuickPick([...IMPORT_FORMATS], {
    title: `Import ${path.basename(file.fsPath)}`,
    placeHolder: 'Format (guess: let the server tell from the file)',
  });
  if (!picked) {
    return;
  }
  let finished: DidFinishImportParams;
  try {
    finished = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Importing ${path.basename(file.fsPath)}`,
        cancellable: true,
      },
      async (progress, token) => {
        const { operationId } = await api.importFile({
          path: file.fsPath,
          format: importFormat(picked),
        });
        const tracker = new ProgressTracker();
        const cancelled = token.onCancellationRequested(() => {
          void api.cancel(operationId).catch(() => undefined);
        });
        try {
          return await new Promise<DidFinishImportParams>((resolve) => {
            watcher.watch(operationId, {
              progress: (params: DidProgressParams) => {
                progress.report(tracker.step(params));
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
  tree.refresh();
  if (finished.error?.code === 'REQUEST_CANCELLED') {
    void vscode.window.showInformationMessage(`Import of ${path.basename(file.fsPath)} cancelled.`);
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
    const document = await vscode.workspace.openTextDocument(documents.addReport(report));
    await vscode.window.showTextDocument(document, { preview: false });
  }
}
