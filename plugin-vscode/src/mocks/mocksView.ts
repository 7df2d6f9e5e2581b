// The Mocks view (running mocks, their environment and live log), the missed-request documents
// and the commands that start, stop and show mocks.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { toTooltip } from '../cluster/clustersTree';
import { Commands, MISS_SCHEME, PAIR_SCHEME, Views } from '../commands';
import { pairPath } from '../recordings/documents';
import type { RecordingNode } from '../recordings/model';
import { errorText } from '../rpc/errors';
import type {
  ListMocksResponse,
  MocksDto,
  StartMocksParams,
  StartMocksResponse,
  StopMocksResponse,
} from '../rpc/protocol';
import { missDocumentText, type MockLog } from './mockLog';
import { children, hostOf, mocksNodes, renderMock, type MockNode } from './rows';
import { environmentText, settingsPathIn, startMocksParams, type RunningMocks } from './running';

/** What the mocks commands need of the server. */
export interface MocksApi {
  startMocks(params: StartMocksParams): Promise<StartMocksResponse>;
  stopMocks(id: string): Promise<StopMocksResponse>;
  listMocks(): Promise<ListMocksResponse>;
}

export class MocksTree implements vscode.TreeDataProvider<MockNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<MockNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(
    private readonly running: RunningMocks,
    private readonly log: MockLog,
  ) {}

  redraw(): void {
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: MockNode): vscode.TreeItem {
    const row = renderMock(node, this.log);
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
    const click = (command: string, title: string) => {
      item.command = { title, command, arguments: [node] };
    };
    if (node.kind === 'environment') {
      click(Commands.showMocksEnvironment, 'Show Environment');
    } else if (node.kind === 'miss') {
      click(Commands.openMockMiss, 'Open Beside the Closest Pair');
    } else if (node.kind === 'hit' || node.kind === 'near') {
      click(Commands.openMockedPair, 'Open Recorded Pair');
    }
    return item;
  }

  getChildren(node?: MockNode): MockNode[] {
    return node ? children(node, this.log) : mocksNodes(this.running.all);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

/** Missed requests (`kubereplay-miss:/<mocksId>/<seq> …`) as read-only documents. */
export class MissDocuments implements vscode.TextDocumentContentProvider {
  constructor(
    private readonly running: RunningMocks,
    private readonly log: MockLog,
  ) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const match = /^\/([^/]+)\/(\d+) /.exec(uri.path);
    const mocksId = match?.[1] ? decodeURIComponent(match[1]) : '';
    const miss = this.log.miss(mocksId, Number(match?.[2]));
    return miss
      ? missDocumentText(miss, this.running.get(mocksId)?.snapshotName ?? 'a stopped snapshot')
      : '# This request is no longer in the mock log: its mocks were stopped.\n';
  }
}

function pairUri(snapshotId: string, pairId: number, method: string, url: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: PAIR_SCHEME,
    path: pairPath(snapshotId, { pairId, method, host: hostOf(url) }),
  });
}

/** The commands of mocks, on rows of the Recordings and Mocks views. */
export function registerMocksActions(
  api: MocksApi,
  running: RunningMocks,
  log: MockLog,
  recordingsView: vscode.TreeView<RecordingNode>,
): vscode.Disposable {
  /** The mocks a row stands for; asks which when a snapshot (or nothing) has several. */
  const mocksOf = async (node: unknown): Promise<MocksDto | undefined> => {
    const row = (node ?? recordingsView.selection[0]) as MockNode | RecordingNode | undefined;
    if (row && (row.kind === 'mocks' || row.kind === 'environment' || row.kind === 'log')) {
      return row.mocks;
    }
    const candidates = row?.kind === 'snapshot' ? running.ofSnapshot(row.snapshot.id) : running.all;
    if (candidates.length <= 1) {
      if (candidates.length === 0) {
        void vscode.window.showInformationMessage('No mocks are running.');
      }
      return candidates[0];
    }
    const picked = await vscode.window.showQuickPick(
      candidates.map((mocks) => ({ label: mocks.snapshotName, description: mocks.address, mocks })),
      { title: 'Which mocks?' },
    );
    return picked?.mocks;
  };

  const showEnvironment = async (mocks: MocksDto) => {
    const document = await vscode.workspace.openTextDocument({
      language: 'shellscript',
      content: environmentText(mocks),
    });
    await vscode.window.showTextDocument(document, { preview: false });
  };
  const copyEnvironment = async (mocks: MocksDto) => {
    await vscode.env.clipboard.writeText(environmentText(mocks));
    void vscode.window.showInformationMessage(
      `Copied the environment of the mocks of ${mocks.snapshotName}: paste it into a shell, then start your app there.`,
    );
  };
  const openPair = async (snapshotId: string, pairId: number, method: string, url: string) => {
    const document = await vscode.workspace.openTextDocument(
      pairUri(snapshotId, pairId, method, url),
    );
    await vscode.window.showTextDocument(document, {
      preview: true,
      viewColumn: vscode.ViewColumn.Beside,
    });
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.startMocks, async (node?: RecordingNode) => {
      const row = node ?? recordingsView.selection[0];
      if (row?.kind !== 'snapshot') {
        void vscode.window.showInformationMessage(
          'Select a recording in the Recordings view first.',
        );
        return;
      }
      const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
      try {
        const { mocks } = await api.startMocks(
          startMocksParams(row.snapshot.id, settingsPathIn(folders, fs.existsSync)),
        );
        running.started(mocks);
        void vscode.commands.executeCommand(`${Views.mocks}.focus`);
        const copy = 'Copy Environment';
        const show = 'Show Environment';
        const chosen = await vscode.window.showInformationMessage(
          `Mocks of ${mocks.snapshotName} listen on ${mocks.address}.`,
          copy,
          show,
        );
        if (chosen === copy) {
          await copyEnvironment(mocks);
        } else if (chosen === show) {
          await showEnvironment(mocks);
        }
      } catch (error) {
        void vscode.window.showErrorMessage(errorText(error));
      }
    }),
    vscode.commands.registerCommand(Commands.stopMocks, async (node?: unknown) => {
      const mocks = await mocksOf(node);
      if (!mocks) {
        return;
      }
      try {
        await api.stopMocks(mocks.id);
        void vscode.window.showInformationMessage(
          `Stopped the mocks of ${mocks.snapshotName} on ${mocks.address}.`,
        );
      } catch (error) {
        void vscode.window.showErrorMessage(errorText(error));
      }
      // Stopped, or gone with their server: either way they no longer run.
      running.stopped(mocks.id);
      log.forget(mocks.id);
    }),
    vscode.commands.registerCommand(Commands.copyMocksEnvironment, async (node?: unknown) => {
      const mocks = await mocksOf(node);
      if (mocks) {
        await copyEnvironment(mocks);
      }
    }),
    vscode.commands.registerCommand(Commands.showMocksEnvironment, async (node?: unknown) => {
      const mocks = await mocksOf(node);
      if (mocks) {
        await showEnvironment(mocks);
      }
    }),
    vscode.commands.registerCommand(Commands.openMockedPair, async (node?: MockNode) => {
      if (node?.kind === 'hit') {
        await openPair(node.snapshotId, node.hit.pairId, node.hit.method, node.hit.url);
      } else if (node?.kind === 'near') {
        await openPair(node.snapshotId, node.near.pairId, node.near.method, node.near.url);
      }
    }),
    vscode.commands.registerCommand(Commands.openMockMiss, async (node?: MockNode) => {
      if (node?.kind !== 'miss') {
        return;
      }
      const { miss, mocks } = node;
      const name = `${miss.seq} ${miss.method} ${hostOf(miss.url)} (missed).http`.replace(
        /[\\?#%]/g,
        '_',
      );
      const document = await vscode.workspace.openTextDocument(
        vscode.Uri.from({ scheme: MISS_SCHEME, path: `/${encodeURIComponent(mocks.id)}/${name}` }),
      );
      await vscode.window.showTextDocument(document, {
        preview: false,
        viewColumn: vscode.ViewColumn.One,
      });
      const closest = miss.nearest[0];
      if (closest) {
        await openPair(mocks.snapshotId, closest.pairId, closest.method, closest.url);
      }
    }),
  );
}
