import * as path from 'node:path';
import * as vscode from 'vscode';
import { toTooltip } from '../cluster/clustersTree';
import { Commands, PAIR_SCHEME, REPORT_SCHEME } from '../commands';
import { errorText, RpcError } from '../rpc/errors';
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
} from '../rpc/protocol';
import type { DesktopRecordings } from './desktop';
import { pairDocumentText, pairPath, parsePairPath, reportText } from './documents';
import { importRecording } from './importCommand';
import type { ImportWatcher } from './imports';
import {
  deleteSnapshotConfirmation,
  EXPORT_FORMATS,
  exportFileName,
  render,
  validateName,
  type MocksMark,
  type RecordingNode,
} from './model';
import { reclassifiedMessage, reclassifyParams, type ReclassifyScope } from './reclassify';
import { registerDesktopCommands, type DesktopApi } from './recordingCommands';
import type { RecordingsApi, RecordingsStore } from './store';

/** What the Recordings view's commands need of the server, besides the tree's requests. */
export interface RecordingsActionsApi extends RecordingsApi, DesktopApi {
  getPair(snapshotId: string, pairId: number): Promise<GetPairResponse>;
  importFile(params: ImportFileParams): Promise<ImportFileResponse>;
  cancel(operationId: string): Promise<unknown>;
  exportSnapshot(
    snapshotId: string,
    format: string,
    file: string,
    token?: vscode.CancellationToken,
  ): Promise<ExportSnapshotResponse>;
  rename(snapshotId: string, name: string): Promise<SnapshotResponse>;
  reclassify(params: ReclassifyParams): Promise<ReclassifyResponse>;
  delete(snapshotId: string): Promise<unknown>;
}

/** The Recordings view: snapshot → host → endpoint → pair, loaded as rows are expanded. */
export class RecordingsTree implements vscode.TreeDataProvider<RecordingNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<RecordingNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(
    private readonly store: RecordingsStore,
    /** The mocks running for a snapshot, which its row shows. */
    private readonly mocksOf: (snapshotId: string) => readonly MocksMark[] = () => [],
  ) {}

  /** Draws the rows again from the server's list, e.g. when mocks start or stop. */
  redrawAll(): void {
    this.changeEmitter.fire(undefined);
  }

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
    const row = render(node, node.kind === 'snapshot' ? this.mocksOf(node.snapshot.id) : []);
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
    item.tooltip = toTooltip(row.tooltip);
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
  const snapshot = (node: unknown): SnapshotDto | undefined => {
    const row = (node as RecordingNode | undefined) ?? view.selection[0];
    if (row?.kind === 'snapshot') {
      return row.snapshot;
    }
    void vscode.window.showInformationMessage('Select a recording in the Recordings view first.');
    return undefined;
  };

  const reclassify = async (
    node: RecordingNode | undefined,
    direction: PairDirection,
    scope: ReclassifyScope,
  ) => {
    const params = reclassifyParams(node ?? view.selection[0], direction, scope);
    if (!params) {
      void vscode.window.showInformationMessage(
        scope === 'endpoint'
          ? 'Select an endpoint or a pair in the Recordings view first.'
          : 'Select a host, an endpoint or a pair in the Recordings view first.',
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
    vscode.commands.registerCommand(Commands.refreshRecordings, () => {
      tree.refresh();
    }),
    registerDesktopCommands(api, tree, desktop),
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
      reclassify(node, 'OUT', 'host'),
    ),
    vscode.commands.registerCommand(Commands.markInbound, (node?: RecordingNode) =>
      reclassify(node, 'IN', 'host'),
    ),
    vscode.commands.registerCommand(Commands.markEndpointOutbound, (node?: RecordingNode) =>
      reclassify(node, 'OUT', 'endpoint'),
    ),
    vscode.commands.registerCommand(Commands.markEndpointInbound, (node?: RecordingNode) =>
      reclassify(node, 'IN', 'endpoint'),
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
        // Cancel sends $/cancelRequest: the server stops and leaves the file as it was.
        const answer = await vscode.window.withProgress(
          {
            location: vscode.ProgressLocation.Notification,
            title: `Exporting ${target.name} to ${path.basename(file.fsPath)}`,
            cancellable: true,
          },
          (_progress, token) => api.exportSnapshot(target.id, format, file.fsPath, token),
        );
        void vscode.window.showInformationMessage(
          `Exported ${answer.pairs} pairs of ${target.name} to ${path.basename(answer.path)}.`,
        );
      } catch (error) {
        if (error instanceof RpcError && error.errorCode === 'REQUEST_CANCELLED') {
          void vscode.window.showInformationMessage(
            `Export of ${target.name} cancelled; ${path.basename(file.fsPath)} was left as it was.`,
          );
          return;
        }
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
