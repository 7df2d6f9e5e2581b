import * as vscode from 'vscode';
import { BuiltinCommands, Commands, ContextKeys } from '../commands';
import { toRpcError } from '../rpc/errors';
import type { ServerSession } from '../rpc/session';
import {
  clusterNodes,
  stateKey,
  type ClusterNode,
  type ClustersState,
  type NodeAction,
} from './model';

/** The Clusters view: the kube contexts the server reads from the user's kubeconfig. */
export class ClustersTree implements vscode.TreeDataProvider<ClusterNode>, vscode.Disposable {
  private state: ClustersState = { kind: 'loading' };
  private generation = 0;
  private readonly changeEmitter = new vscode.EventEmitter<ClusterNode | undefined>();

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(
    private readonly session: ServerSession,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** Asks the server for the contexts again; a later refresh wins over an earlier one. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    this.show({ kind: 'loading' });
    let next: ClustersState;
    try {
      const client = await this.session.client();
      next = { kind: 'loaded', response: await client.listContexts() };
    } catch (error) {
      const failure = toRpcError(error);
      const serverDown = this.session.current.kind !== 'running';
      if (!serverDown) {
        this.output.appendLine(`cluster/listContexts failed: ${failure.message}`);
      }
      next = {
        kind: 'failed',
        failure: {
          message: failure.message,
          errorCode: failure.errorCode,
          subject: failure.subject,
          serverDown,
        },
      };
    }
    if (generation === this.generation) {
      this.show(next);
    }
  }

  /** Shows the loading row while the server starts. */
  showStarting(): void {
    this.generation++;
    this.show({ kind: 'loading' });
  }

  /** Shows that the server is down, without asking it anything. */
  showServerDown(message: string): void {
    this.generation++;
    this.show({ kind: 'failed', failure: { message, serverDown: true } });
  }

  getTreeItem(node: ClusterNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    if (node.kind === 'context') {
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(
        node.icon,
        node.current ? new vscode.ThemeColor('charts.green') : undefined,
      );
      item.accessibilityInformation = { label: node.accessibilityLabel };
    } else {
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(
        node.icon,
        node.icon === 'error' ? new vscode.ThemeColor('errorForeground') : undefined,
      );
      if (node.action) {
        item.command = toCommand(node.action);
      }
    }
    return item;
  }

  getChildren(node?: ClusterNode): ClusterNode[] {
    return node ? [] : clusterNodes(this.state);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private show(state: ClustersState): void {
    this.state = state;
    void vscode.commands.executeCommand(
      BuiltinCommands.setContext,
      ContextKeys.clustersState,
      stateKey(state),
    );
    this.changeEmitter.fire(undefined);
  }
}

function toCommand(action: NodeAction): vscode.Command {
  switch (action.kind) {
    case 'openFile':
      return {
        title: 'Open File',
        command: BuiltinCommands.open,
        arguments: [vscode.Uri.file(action.file)],
      };
    case 'restartServer':
      return { title: 'Restart Server', command: Commands.restartServer };
    case 'showOutput':
      return { title: 'Show Output', command: Commands.showOutput };
  }
}
