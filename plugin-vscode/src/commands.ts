/** Every command id of the extension; package.json contributes the same ids. */
export const Commands = {
  refresh: 'kubereplay.refresh',
  restartServer: 'kubereplay.restartServer',
  showOutput: 'kubereplay.showOutput',
  openSettings: 'kubereplay.openSettings',
} as const;

/** Ids of the views and the context keys their `when` clauses read. */
export const Views = {
  container: 'kubereplay',
  clusters: 'kubereplay.clusters',
} as const;

export const ContextKeys = {
  clustersState: 'kubereplay.clusters.state',
} as const;

/** Built-in VS Code commands the extension calls. */
export const BuiltinCommands = {
  openSettings: 'workbench.action.openSettings',
  open: 'vscode.open',
  setContext: 'setContext',
} as const;
