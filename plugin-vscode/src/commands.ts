/** Every command id of the extension; package.json contributes the same ids. */
export const Commands = {
  refresh: 'kubereplay.refresh',
  restartServer: 'kubereplay.restartServer',
  showOutput: 'kubereplay.showOutput',
  openSettings: 'kubereplay.openSettings',
  refreshNode: 'kubereplay.refreshNode',
  switchContext: 'kubereplay.switchContext',
  switchNamespace: 'kubereplay.switchNamespace',
  toggleInjection: 'kubereplay.toggleInjection',
  toggleTlsOut: 'kubereplay.toggleTlsOut',
  showLogs: 'kubereplay.showLogs',
  showSidecarLogs: 'kubereplay.showSidecarLogs',
  stopLogs: 'kubereplay.stopLogs',
  deleteReplay: 'kubereplay.deleteReplay',
  refreshRecordings: 'kubereplay.refreshRecordings',
  importRecording: 'kubereplay.importRecording',
  exportRecording: 'kubereplay.exportRecording',
  renameRecording: 'kubereplay.renameRecording',
  deleteRecording: 'kubereplay.deleteRecording',
  openPair: 'kubereplay.openPair',
  loadMorePairs: 'kubereplay.loadMorePairs',
  markOutbound: 'kubereplay.markOutbound',
  markInbound: 'kubereplay.markInbound',
  markEndpointOutbound: 'kubereplay.markEndpointOutbound',
  markEndpointInbound: 'kubereplay.markEndpointInbound',
  startRecording: 'kubereplay.startRecording',
  stopRecording: 'kubereplay.stopRecording',
  startMocks: 'kubereplay.startMocks',
  stopMocks: 'kubereplay.stopMocks',
  copyMocksEnvironment: 'kubereplay.copyMocksEnvironment',
  showMocksEnvironment: 'kubereplay.showMocksEnvironment',
  openMockedPair: 'kubereplay.openMockedPair',
  openMockMiss: 'kubereplay.openMockMiss',
} as const;

/** Ids of the views and the context keys their `when` clauses read. */
export const Views = {
  container: 'kubereplay',
  clusters: 'kubereplay.clusters',
  recordings: 'kubereplay.recordings',
  mocks: 'kubereplay.mocks',
} as const;

export const ContextKeys = {
  clustersState: 'kubereplay.clusters.state',
  /** True while the active editor shows logs that are still being followed. */
  logsFollowing: 'kubereplay.logs.following',
  /** True while a desktop recording started from this window runs. */
  recording: 'kubereplay.recording',
} as const;

/** The URI scheme of the read-only documents that show logs. */
export const LOGS_SCHEME = 'kubereplay-logs';

/** The URI scheme of the read-only documents that show a recorded pair. */
export const PAIR_SCHEME = 'kubereplay-pair';

/** The URI scheme of the read-only documents that show an import report. */
export const REPORT_SCHEME = 'kubereplay-report';

/** The URI scheme of the read-only documents that show a request the mocks missed. */
export const MISS_SCHEME = 'kubereplay-miss';

/** Built-in VS Code commands the extension calls. */
export const BuiltinCommands = {
  openSettings: 'workbench.action.openSettings',
  open: 'vscode.open',
  setContext: 'setContext',
} as const;
