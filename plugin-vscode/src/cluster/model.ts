// The first level of the Clusters view: the kube contexts of the user's kubeconfig.
import type { AuthKind, ErrorCode, KubeContextDto, ListContextsResponse } from '../rpc/protocol';
import { contextId, type ContextNode, type MessageNode, type NodeAction } from './nodes';

/** Why the view has no contexts to show. */
export interface Failure {
  message: string;
  errorCode?: ErrorCode | undefined;
  subject?: string | undefined;
  /** True when the server itself is not running (rather than one request failing). */
  serverDown?: boolean;
}

/** The view's state: what the last refresh found. */
export type ClustersState =
  | { kind: 'loading' }
  | { kind: 'loaded'; response: ListContextsResponse }
  | { kind: 'failed'; failure: Failure };

/** The value of the `kubereplay.clusters.state` context key the welcome content reads. */
export function stateKey(state: ClustersState): 'loading' | 'empty' | 'loaded' | 'failed' {
  switch (state.kind) {
    case 'loading':
      return 'loading';
    case 'loaded':
      return state.response.contexts.length === 0 ? 'empty' : 'loaded';
    case 'failed':
      return 'failed';
  }
}

/** The rows of the view; an empty list lets the view show its welcome content. */
export function clusterNodes(state: ClustersState): (ContextNode | MessageNode)[] {
  switch (state.kind) {
    case 'loading':
      return [loadingNode()];
    case 'loaded':
      return contextNodes(state.response);
    case 'failed':
      return [errorNode(state.failure)];
  }
}

export function contextNodes(response: ListContextsResponse): ContextNode[] {
  const seen = new Set<string>();
  return response.contexts.map((context) => {
    const node = contextNode(context, response.currentContext);
    // The server lists each name once; a repeated id would break the whole tree, so be safe.
    if (seen.has(node.id)) {
      node.id = `${node.id}#${seen.size}`;
    }
    seen.add(node.id);
    return node;
  });
}

export function contextNode(context: KubeContextDto, currentContext?: string): ContextNode {
  const current = context.current || context.name === currentContext;
  const place = `${context.namespace} · ${context.cluster}`;
  return {
    kind: 'context',
    id: contextId(context.name),
    context: context.name,
    label: context.name,
    description: current ? `${place} (current)` : place,
    tooltip: contextTooltip(context, current),
    icon: current
      ? { id: 'circle-large-filled', color: 'charts.green' }
      : { id: 'circle-large-outline' },
    current,
    collapse: 'collapsed',
    accessibilityLabel:
      `${context.name}, namespace ${context.namespace}, cluster ${context.cluster}` +
      (current ? ', current context' : ''),
    contextValue: current ? 'kubereplay.context.current' : 'kubereplay.context',
  };
}

export function contextTooltip(context: KubeContextDto, current: boolean): string {
  return [
    current ? `${context.name} (current context)` : context.name,
    `Server: ${context.server ?? `unknown (no cluster entry '${context.cluster}')`}`,
    `User: ${context.user} (${authKindText(context.authKind)})`,
    `Namespace: ${context.namespace}`,
    `Cluster: ${context.cluster}`,
    `Defined in: ${context.sourceFile}`,
  ].join('\n');
}

export function authKindText(kind: AuthKind): string {
  switch (kind) {
    case 'CLIENT_CERTIFICATE':
      return 'client certificate';
    case 'TOKEN':
      return 'token';
    case 'BASIC':
      return 'user name and password';
    case 'EXEC':
      return 'exec plugin';
    case 'AUTH_PROVIDER':
      return 'auth provider';
    case 'NONE':
      return 'no credentials';
  }
}

/** One row carrying a failure's message as-is; clicking it leads to what can fix it. */
export function errorNode(failure: Failure): MessageNode {
  const file = isKubeconfigError(failure.errorCode) ? failure.subject : undefined;
  // Only a malformed file is worth opening: the others are missing or cannot be read.
  const openable = file !== undefined && failure.errorCode === 'KUBECONFIG_MALFORMED';
  const tooltip = [failure.message];
  if (file) {
    tooltip.push(`File: ${file}`);
  }
  if (openable) {
    tooltip.push('Click to open the file; refresh once it is fixed.');
  } else if (failure.serverDown) {
    tooltip.push('Click to restart the server.');
  } else {
    tooltip.push('Click to see the Kube Replay output.');
  }
  let action: NodeAction = { kind: 'showOutput' };
  if (openable) {
    action = { kind: 'openFile', file };
  } else if (failure.serverDown) {
    action = { kind: 'restartServer' };
  }
  return {
    kind: 'message',
    id: 'error',
    label: failure.message,
    ...(failure.errorCode ? { description: failure.errorCode } : {}),
    tooltip: tooltip.join('\n'),
    icon: { id: 'error', color: 'errorForeground' },
    collapse: 'none',
    action,
    contextValue: 'kubereplay.error',
  };
}

export function loadingNode(): MessageNode {
  return {
    kind: 'message',
    id: 'loading',
    label: 'Loading kube contexts…',
    tooltip: 'Waiting for the Kube Replay server.',
    icon: { id: 'loading~spin' },
    collapse: 'none',
    contextValue: 'kubereplay.loading',
  };
}

function isKubeconfigError(code: ErrorCode | undefined): boolean {
  return (
    code === 'KUBECONFIG_MALFORMED' ||
    code === 'KUBECONFIG_UNREADABLE' ||
    code === 'KUBECONFIG_NOT_FOUND'
  );
}
