import * as vscode from 'vscode';
import { BuiltinCommands, Commands, ContextKeys } from '../commands';
import { stateKey } from './model';
import type { ClusterNode, Collapse, Icon, NodeAction, Tooltip } from './nodes';
import { Redraws } from './redraws';
import type { ClusterStore } from './store';

/**
 * The Clusters view: renders the store's rows and tells the store what the user expands and
 * collapses. Holds no state of its own.
 */
export class ClustersTree implements vscode.TreeDataProvider<ClusterNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ClusterNode[] | undefined>();
  private readonly redraws: Redraws;

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly store: ClusterStore) {
    // Redraws name rows as the view now holds them: it knows rows by the objects it was given.
    this.redraws = new Redraws(
      (id) => store.shownRow(id)?.parentId,
      (ids) => {
        const rows = ids?.flatMap((id) => store.shownRow(id) ?? []);
        if (!rows || rows.length > 0) {
          this.changeEmitter.fire(rows);
        }
      },
    );
    store.onDidChange((nodes) => {
      if (!nodes) {
        void vscode.commands.executeCommand(
          BuiltinCommands.setContext,
          ContextKeys.clustersState,
          stateKey(store.contextsState),
        );
      }
      this.redraws.changed(nodes?.map((node) => node.id));
    });
  }

  /** Forwards the view's expansions to the store, which keeps what is shown live. */
  attach(view: vscode.TreeView<ClusterNode>): vscode.Disposable {
    return vscode.Disposable.from(
      view.onDidExpandElement((event) => {
        this.store.expanded(event.element);
      }),
      view.onDidCollapseElement((event) => {
        this.store.collapsed(event.element);
      }),
    );
  }

  getTreeItem(element: ClusterNode): vscode.TreeItem {
    const node = this.store.render(element);
    const item = new vscode.TreeItem(node.label, collapsibleState(node.collapse));
    item.id = node.id;
    item.description = node.description;
    item.tooltip = toTooltip(node.tooltip);
    item.iconPath = toIcon(node.icon);
    item.contextValue = node.contextValue;
    if (node.accessibilityLabel) {
      item.accessibilityInformation = { label: node.accessibilityLabel };
    }
    if (node.kind === 'message' && node.action) {
      item.command = toCommand(node.action);
    }
    return item;
  }

  getChildren(node?: ClusterNode): Promise<ClusterNode[]> {
    const done = this.redraws.load(node?.id);
    const children = this.store.children(node);
    void children.then(done, done);
    return children;
  }

  getParent(node: ClusterNode): ClusterNode | undefined {
    return this.store.parent(node);
  }

  dispose(): void {
    this.redraws.dispose();
    this.changeEmitter.dispose();
  }
}

function collapsibleState(collapse: Collapse): vscode.TreeItemCollapsibleState {
  switch (collapse) {
    case 'none':
      return vscode.TreeItemCollapsibleState.None;
    case 'collapsed':
      return vscode.TreeItemCollapsibleState.Collapsed;
    case 'expanded':
      return vscode.TreeItemCollapsibleState.Expanded;
  }
}

function toIcon(icon: Icon): vscode.ThemeIcon {
  return new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

/** A row's tooltip as VS Code draws it; Markdown may hold `$(codicon)` references. */
export function toTooltip(tooltip: Tooltip): string | vscode.MarkdownString {
  if (typeof tooltip === 'string') {
    return tooltip;
  }
  const markdown = new vscode.MarkdownString(tooltip.markdown, true);
  markdown.isTrusted = false;
  return markdown;
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
