import * as path from 'node:path';
import * as vscode from 'vscode';
import { BuiltinCommands, Commands, ContextKeys, PAIR_SCHEME, REPORT_SCHEME } from '../commands';
import { errorText } from '../rpc/errors';
import type {
  ExportSnapshotResponse,
  GetPairResponse,
  ImportFileParams,
  ImportFileResponse,
  ImportReportDto,
  PairDirection,
  ReclassifyParams,
  ReclassifyResponse,
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
import { pairDocumentText, pairPath, parsePairPath, reportText } from './documents';
import { importRecording } from './importCommand';
import type { ImportWatcher } from './imports';
import {
  deleteSnapshotConfirmation,
  EXPORT_FORMATS,
  exportFileName,
  render,
  validateName,
  type RecordingNode,
} from './model';
import { reclassifiedMessage, reclassifyParams } from './reclassify';
import type { RecordingsApi, RecordingsStore } from './store';

/** What the Recordings view's commands need of the server, besides the tree's requests. */
export interface RecordingsActionsApi extends RecordingsApi {
  getPair(snapshotId: string, pairId: number): Promise<GetPairResponse>;
  importFile(params: ImportFileParams): Promise<ImportFileResponse>;
  cancel(operationId: string): Promise<unknown>;
  exportSnapshot(snapshotId: string, format: string, file: string): Promise<ExportSnapshotResponse>;
  rename(snapshotId: string, name: string): Promise<SnapshotResponse>;
  reclassify(params: ReclassifyParams): Promise<ReclassifyResponse>;
  delete(snapshotId: string): Promise<unknown>;
  startRecording(params: StartRecordingParams): Promise<StartRecordingResponse>;
  stopRecording(recordingId: string): Promise<SnapshotResponse>;
}

/** The Recordings view: snapshot → host → endpoint → pair, loaded as rows are expanded. */
export class RecordingsTree implements vscode.TreeDataProvider<RecordingNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<RecordingNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly store: RecordingsStore) {}

  /** Reloads every row from the server. */
  refresh(): void {
    this.store.invalidate();
    this.changeEmitter.fire(undefined);
  }

  /** Redraws the rows under one row from what the store holds. */
  redraw(node: RecordingNode): void {
    this.changeEmitter.fire(node);
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
    } else if (node.kind === 'more') {
      item.command = {
        title: 'Load More',
        command: Commands.loadMorePairs,
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
  store: RecordingsStore,
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

  const reclassify = async (node: RecordingNode | undefined, direction: PairDirection) => {
    const params = reclassifyParams(node ?? view.selection[0], direction);
    if (!params) {
      void vscode.window.showInformationMessage(
        'Select a host, an endpoint or a pair in the Recordings view first.',
      );
      return;
    }
    try {
      const answer = await api.reclassify(params);
      tree.refresh();
      void vscode.window.showInformationMessage(reclassifiedMessage(params, answer));
    } catch (error) {
      void vscode.window.showErrorMessage(errorText(error));
    }
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
    vscode.commands.registerCommand(Commands.importRecording, (file?: unknown) =>
      importRecording(
        {
          importFile: (params) => api.importFile(params),
          cancel: (operationId) => api.cancel(operationId),
          watcher,
          imported: () => {
            tree.refresh();
          },
          showReport: async (report) => {
            const document = await vscode.workspace.openTextDocument(documents.addReport(report));
            await vscode.window.showTextDocument(document, { preview: false });
          },
        },
        // A file from the Explorer's context menu, or from a caller; none from the view's title.
        file instanceof vscode.Uri ? file : undefined,
      ),
    ),
    vscode.commands.registerCommand(Commands.loadMorePairs, async (node?: RecordingNode) => {
      if (node?.kind !== 'more') {
        return;
      }
      try {
        await store.loadMore(node);
        tree.redraw(node.endpoint);
      } catch (error) {
        void vscode.window.showErrorMessage(`Could not load more pairs: ${errorText(error)}`);
      }
    }),
    vscode.commands.registerCommand(Commands.markOutbound, (node?: RecordingNode) =>
      reclassify(node, 'OUT'),
    ),
    vscode.commands.registerCommand(Commands.markInbound, (node?: RecordingNode) =>
      reclassify(node, 'IN'),
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
