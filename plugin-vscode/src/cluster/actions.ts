import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { LogsView } from '../logs/logsView';
import { errorText } from '../rpc/errors';
import { confirmed, deleteReplayConfirmation } from './confirm';
import type { ClusterNode, ReplayNode, WorkloadNode } from './nodes';
import { contextItems, namespaceItems, typedNamespace, type PickItem } from './pickers';
import type { ClusterStore } from './store';
import type { Toggle } from './workloads';

/** How long a redraw of the view takes at most, before rows under it are expanded. */
const REDRAW_MS = 500;

/**
 * The commands on the Clusters view's rows. Each takes the row it was invoked on (inline and
 * context menus) or, from the command palette, the row selected in the view.
 */
export function registerClusterActions(
  store: ClusterStore,
  view: vscode.TreeView<ClusterNode>,
  logs: LogsView,
): vscode.Disposable {
  const selected = (node: unknown): ClusterNode | undefined =>
    (node as ClusterNode | undefined) ?? view.selection[0];

  const workload = (node: unknown): WorkloadNode | undefined => {
    const row = selected(node);
    if (row?.kind === 'workload') {
      return row;
    }
    void vscode.window.showInformationMessage('Select a workload in the Clusters view first.');
    return undefined;
  };

  const toggle = async (node: unknown, which: Toggle) => {
    const row = workload(node);
    if (!row) {
      return;
    }
    try {
      await store.toggle(row, which);
    } catch (error) {
      const what = which === 'injection' ? 'sidecar injection' : 'TLS out';
      void vscode.window.showErrorMessage(
        `Could not change ${what} of ${row.workload.kind} ${row.workload.name}: ${errorText(error)}`,
      );
    }
  };

  const showLogs = async (node: unknown, sidecar: boolean) => {
    const row = workload(node);
    if (row) {
      const { context, namespace } = row;
      const { kind, name } = row.workload;
      await logs.open({ context, namespace, kind, name, sidecar });
    }
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.toggleInjection, (node) => toggle(node, 'injection')),
    vscode.commands.registerCommand(Commands.toggleTlsOut, (node) => toggle(node, 'tlsOut')),
    vscode.commands.registerCommand(Commands.showLogs, (node) => showLogs(node, false)),
    vscode.commands.registerCommand(Commands.showSidecarLogs, (node) => showLogs(node, true)),
    vscode.commands.registerCommand(Commands.stopLogs, (uri?: vscode.Uri) => logs.stop(uri)),
    vscode.commands.registerCommand(Commands.deleteReplay, async (node) => {
      const row = selected(node);
      if (row?.kind !== 'replay') {
        void vscode.window.showInformationMessage('Select a replay in the Clusters view first.');
        return;
      }
      await deleteReplay(store, row);
    }),
    vscode.commands.registerCommand(Commands.refreshNode, async (node) => {
      const row = selected(node);
      await (row ? store.refresh(row) : store.reload());
    }),
    vscode.commands.registerCommand(Commands.switchContext, () => switchContext(store, view)),
    vscode.commands.registerCommand(Commands.switchNamespace, async (node) => {
      const row = selected(node);
      const context = row && 'context' in row ? row.context : undefined;
      await switchNamespace(store, view, context ?? (await pickContext(store)));
    }),
  );
}

async function deleteReplay(store: ClusterStore, row: ReplayNode): Promise<void> {
  const confirmation = deleteReplayConfirmation(row);
  const answer = await vscode.window.showWarningMessage(
    confirmation.message,
    { modal: true, detail: confirmation.detail },
    confirmation.confirm,
  );
  if (!confirmed(confirmation, answer)) {
    return;
  }
  try {
    const deleted = await store.deleteReplay(row);
    if (!deleted) {
      void vscode.window.showInformationMessage(`The replay ${row.replay.name} was already gone.`);
    }
  } catch (error) {
    void vscode.window.showErrorMessage(
      `Could not delete the replay ${row.replay.name}: ${errorText(error)}`,
    );
  }
}

async function pickContext(store: ClusterStore): Promise<string | undefined> {
  const state = store.contextsState;
  if (state.kind !== 'loaded' || state.response.contexts.length === 0) {
    void vscode.window.showInformationMessage('There are no kube contexts to switch to.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(contextItems(state.response), {
    title: 'Switch Context',
    placeHolder: 'The context to show in the Clusters view',
    matchOnDescription: true,
  });
  return picked?.value;
}

async function switchContext(store: ClusterStore, view: vscode.TreeView<ClusterNode>) {
  const context = await pickContext(store);
  if (context) {
    await reveal(store, view, context, store.preferredNamespace(context));
  }
}

async function switchNamespace(
  store: ClusterStore,
  view: vscode.TreeView<ClusterNode>,
  context: string | undefined,
): Promise<void> {
  if (!context) {
    return;
  }
  const picker = vscode.window.createQuickPick<PickItem & vscode.QuickPickItem>();
  picker.title = `Switch Namespace in ${context}`;
  picker.placeholder = 'A namespace, or type the name of one';
  picker.busy = true;
  picker.show();
  let items: PickItem[] = [];
  try {
    items = namespaceItems(await store.namespacesOf(context), store.preferredNamespace(context));
  } catch (error) {
    picker.placeholder = `Cannot list namespaces (${errorText(error)}): type the name of one`;
  }
  picker.items = items;
  picker.busy = false;
  picker.onDidChangeValue((value) => {
    const name = typedNamespace(value, items);
    picker.items = name
      ? [...items, { label: `$(add) ${name}`, description: 'open by name', value: name }]
      : items;
  });
  const namespace = await new Promise<string | undefined>((resolve) => {
    picker.onDidAccept(() => {
      resolve(picker.selectedItems[0]?.value);
      picker.hide();
    });
    picker.onDidHide(() => {
      resolve(undefined);
    });
  });
  picker.dispose();
  if (namespace) {
    await reveal(store, view, context, namespace);
  }
}

/** Makes a namespace the one its context opens on, and shows it expanded and selected. */
async function reveal(
  store: ClusterStore,
  view: vscode.TreeView<ClusterNode>,
  context: string,
  namespace: string,
): Promise<void> {
  try {
    const { row, redrawn } = await store.switchTo(context, namespace);
    if (redrawn) {
      // Let the view redraw the context first: expanding under a row while it is redrawn
      // loses the rows expanded.
      await new Promise((resolve) => setTimeout(resolve, REDRAW_MS));
    }
    if (row) {
      await view.reveal(row, { select: true, focus: true, expand: true });
    }
  } catch (error) {
    void vscode.window.showErrorMessage(
      `Could not show ${namespace} of ${context}: ${errorText(error)}`,
    );
  }
}
