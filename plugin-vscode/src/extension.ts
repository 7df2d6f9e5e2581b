import * as vscode from 'vscode';
import { registerClusterActions } from './cluster/actions';
import { ClustersTree } from './cluster/clustersTree';
import { ClusterStore } from './cluster/store';
import {
  BuiltinCommands,
  Commands,
  LOGS_SCHEME,
  MISS_SCHEME,
  PAIR_SCHEME,
  REPORT_SCHEME,
  Views,
} from './commands';
import { LogsView } from './logs/logsView';
import { MockLog } from './mocks/mockLog';
import { MissDocuments, MocksTree, registerMocksActions, type MocksApi } from './mocks/mocksView';
import { RunningMocks } from './mocks/running';
import { DesktopRecordings } from './recordings/desktop';
import { ImportWatcher } from './recordings/imports';
import {
  RecordingDocuments,
  RecordingsTree,
  registerRecordingsActions,
  type RecordingsActionsApi,
} from './recordings/recordingsView';
import { RecordingsStore } from './recordings/store';
import { Requests } from './rpc/protocol';
import { ServerSession } from './rpc/session';

let session: ServerSession | undefined;

/** Where the namespace each context opens on is kept between sessions. */
const PREFERRED_NAMESPACES_KEY = 'kubereplay.preferredNamespaces';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Kube Replay');
  const version = (context.extension.packageJSON as { version: string }).version;
  session = new ServerSession(context.extensionPath, version, output);
  const server = session;
  const store = new ClusterStore(server, {
    serverDown: () => server.current.kind !== 'running',
    log: (line) => {
      output.appendLine(line);
    },
    preferred: context.workspaceState.get<Record<string, string>>(PREFERRED_NAMESPACES_KEY, {}),
    onPreferredChange: (preferred) => {
      void context.workspaceState.update(PREFERRED_NAMESPACES_KEY, preferred);
    },
  });
  const clusters = new ClustersTree(store);
  const view = vscode.window.createTreeView(Views.clusters, {
    treeDataProvider: clusters,
    showCollapseAll: true,
  });
  const logs = new LogsView(
    {
      follow: (params) => server.send(Requests.logsFollow, params),
      stop: (followId) => server.send(Requests.logsStop, { followId }),
    },
    () => {
      const config = vscode.workspace.getConfiguration('kubereplay.logs');
      return {
        tailLines: config.get<number>('tailLines', 200),
        maxLines: config.get<number>('maxLines', 10_000),
      };
    },
  );

  const recordingsApi: RecordingsActionsApi = {
    listSnapshots: () => server.send(Requests.trafficListSnapshots, {}),
    listEndpoints: (snapshotId) => server.send(Requests.trafficListEndpoints, { snapshotId }),
    listPairs: (params) => server.send(Requests.trafficListPairs, params),
    getPair: (snapshotId, pairId) => server.send(Requests.trafficGetPair, { snapshotId, pairId }),
    importFile: (params) => server.send(Requests.trafficImportFile, params),
    cancel: (operationId) => server.send(Requests.trafficCancel, { operationId }),
    exportSnapshot: (snapshotId, format, path, token) =>
      server.send(Requests.trafficExportSnapshot, { snapshotId, format, path }, token),
    rename: (snapshotId, name) => server.send(Requests.trafficRenameSnapshot, { snapshotId, name }),
    reclassify: (params) => server.send(Requests.trafficReclassify, params),
    delete: (snapshotId) => server.send(Requests.trafficDeleteSnapshot, { snapshotId }),
    startRecording: (params) => server.send(Requests.trafficStartRecording, params),
    stopRecording: (recordingId) => server.send(Requests.trafficStopRecording, { recordingId }),
  };
  const recordingsStore = new RecordingsStore(recordingsApi);
  const runningMocks = new RunningMocks();
  const mockLog = new MockLog();
  const recordings = new RecordingsTree(recordingsStore, (snapshotId) =>
    runningMocks.ofSnapshot(snapshotId),
  );
  const recordingsView = vscode.window.createTreeView(Views.recordings, {
    treeDataProvider: recordings,
    showCollapseAll: true,
  });
  const recordingDocuments = new RecordingDocuments(recordingsApi);
  const imports = new ImportWatcher();
  const desktop = new DesktopRecordings();
  const mocksApi: MocksApi = {
    startMocks: (params) => server.send(Requests.replayStartMocks, params),
    stopMocks: (id) => server.send(Requests.replayStopMocks, { id }),
    listMocks: () => server.send(Requests.replayListMocks, {}),
  };
  const mocks = new MocksTree(runningMocks, mockLog);
  const mocksView = vscode.window.createTreeView(Views.mocks, {
    treeDataProvider: mocks,
    showCollapseAll: true,
  });

  context.subscriptions.push(
    recordings,
    recordingsView,
    vscode.workspace.registerTextDocumentContentProvider(PAIR_SCHEME, recordingDocuments),
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, recordingDocuments),
    registerRecordingsActions(
      recordingsApi,
      recordingsStore,
      recordings,
      recordingsView,
      recordingDocuments,
      imports,
      desktop,
    ),
    server.onDidRecord((params) => {
      desktop.recorded(params);
    }),
    mocks,
    mocksView,
    vscode.workspace.registerTextDocumentContentProvider(
      MISS_SCHEME,
      new MissDocuments(runningMocks, mockLog),
    ),
    registerMocksActions(mocksApi, runningMocks, mockLog, recordingsView),
    {
      dispose: runningMocks.onDidChange(() => {
        mockLog.retain(runningMocks.all.map((running) => running.id));
        mocks.redraw();
        recordings.redrawAll();
      }),
    },
    server.onDidMatch((params) => {
      // A batch for mocks stopped meanwhile changes nothing shown.
      if (runningMocks.get(params.mocksId) && mockLog.matched(params)) {
        mocks.redraw();
      }
    }),
    server.onDidProgress((params) => {
      imports.progress(params);
    }),
    server.onDidFinishImport((params) => {
      imports.finished(params);
    }),
  );

  context.subscriptions.push(
    output,
    server,
    clusters,
    view,
    clusters.attach(view),
    {
      dispose: () => {
        store.dispose();
      },
    },
    logs,
    vscode.workspace.registerTextDocumentContentProvider(LOGS_SCHEME, logs),
    registerClusterActions(store, view, logs),
    vscode.commands.registerCommand(Commands.refresh, () => store.reload()),
    vscode.commands.registerCommand(Commands.restartServer, () => server.restart()),
    vscode.commands.registerCommand(Commands.showOutput, () => {
      output.show(true);
    }),
    vscode.commands.registerCommand(Commands.openSettings, () =>
      vscode.commands.executeCommand(BuiltinCommands.openSettings, `@ext:${context.extension.id}`),
    ),
    server.onDidChangeCluster((params) => {
      store.handleChange(params);
    }),
    server.onDidAppendLogs((params) => {
      logs.appended(params);
    }),
    server.onDidEndLogs((params) => {
      logs.endedFollow(params);
    }),
    server.onDidChangeState((state) => {
      if (state.kind === 'starting') {
        store.showContexts({ kind: 'loading' });
      } else if (state.kind === 'running') {
        void store.reload();
        recordings.refresh();
        // Mocks stop with their server: a new one runs those this window starts from now on.
        mocksApi.listMocks().then(
          (answer) => {
            runningMocks.listed(answer.mocks);
          },
          () => undefined,
        );
      } else if (state.kind === 'failed') {
        logs.serverStopped();
        imports.serverStopped();
        desktop.clear();
        runningMocks.clear();
        store.showContexts({
          kind: 'failed',
          failure: { message: state.message, serverDown: true },
        });
      } else {
        logs.serverStopped();
        imports.serverStopped();
        desktop.clear();
        runningMocks.clear();
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
