import * as vscode from 'vscode';
import { ClustersTree } from './cluster/clustersTree';
import { BuiltinCommands, Commands, Views } from './commands';
import { ServerSession } from './rpc/session';

let session: ServerSession | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Kube Replay');
  const version = (context.extension.packageJSON as { version: string }).version;
  session = new ServerSession(context.extensionPath, version, output);
  const server = session;
  const clusters = new ClustersTree(server, output);

  context.subscriptions.push(
    output,
    server,
    clusters,
    vscode.window.createTreeView(Views.clusters, { treeDataProvider: clusters }),
    vscode.commands.registerCommand(Commands.refresh, () => clusters.refresh()),
    vscode.commands.registerCommand(Commands.restartServer, () => server.restart()),
    vscode.commands.registerCommand(Commands.showOutput, () => {
      output.show(true);
    }),
    vscode.commands.registerCommand(Commands.openSettings, () =>
      vscode.commands.executeCommand(BuiltinCommands.openSettings, `@ext:${context.extension.id}`),
    ),
    server.onDidChangeCluster(() => void clusters.refresh()),
    server.onDidChangeState((state) => {
      if (state.kind === 'starting') {
        clusters.showStarting();
      } else if (state.kind === 'running') {
        void clusters.refresh();
      } else if (state.kind === 'failed') {
        clusters.showServerDown(state.message);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        event.affectsConfiguration('kubereplay.java') ||
        event.affectsConfiguration('kubereplay.server')
      ) {
        void server.restart();
      }
    }),
  );

  server.start().catch(() => undefined); // failures are shown by the session and the view
}

export async function deactivate(): Promise<void> {
  await session?.stop();
  session = undefined;
}
