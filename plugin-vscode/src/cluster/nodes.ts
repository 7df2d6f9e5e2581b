// The rows of the Clusters view as plain data, free of the vscode module so they can be
// unit-tested; clustersTree.ts turns them into TreeItems.
import type {
  ClusterView,
  ReplayDto,
  SecretDto,
  WorkloadDto,
  WorkloadRefDto,
} from '../rpc/protocol';

/** Theme colours the view draws icons in. */
export type IconColor =
  | 'charts.green'
  | 'charts.yellow'
  | 'charts.red'
  | 'charts.blue'
  | 'errorForeground'
  | 'disabledForeground';

/** A codicon id (ThemeIcon) and its colour; no colour draws it in the foreground colour. */
export interface Icon {
  id: string;
  color?: IconColor;
}

export type Collapse = 'none' | 'collapsed' | 'expanded';

/** Plain text, or Markdown that may hold `$(codicon)` references. */
export type Tooltip = string | { markdown: string };

/** What clicking a message row does. */
export type NodeAction =
  { kind: 'openFile'; file: string } | { kind: 'restartServer' } | { kind: 'showOutput' };

/** A kube context and one of its namespaces. */
export interface Scope {
  context: string;
  namespace: string;
}

/** The views under a namespace, in the order the tree shows them. */
export type GroupKind = 'CONFIGURATION' | ClusterView;

export const GROUPS: readonly GroupKind[] = [
  'CONFIGURATION',
  'WORKLOADS',
  'SECRETS',
  'SERVICES',
  'EVENTS',
  'REPLAYS',
];

interface Row {
  id: string;
  /** The id of the row this one sits under; none for the contexts. */
  parentId?: string;
  label: string;
  description?: string;
  tooltip: Tooltip;
  icon: Icon;
  contextValue: string;
  collapse: Collapse;
  /** What screen readers say for the row; the label when absent. */
  accessibilityLabel?: string;
}

export interface ContextNode extends Row {
  kind: 'context';
  context: string;
  current: boolean;
  contextValue: 'kubereplay.context' | 'kubereplay.context.current';
}

export interface NamespaceNode extends Row, Scope {
  kind: 'namespace';
  contextValue: 'kubereplay.namespace';
}

export interface GroupNode extends Row, Scope {
  kind: 'group';
  group: GroupKind;
}

export interface WorkloadNode extends Row, Scope {
  kind: 'workload';
  workload: WorkloadDto;
}

export interface ReplayNode extends Row, Scope {
  kind: 'replay';
  replay: ReplayDto;
  contextValue: 'kubereplay.replay';
}

export interface SecretNode extends Row, Scope {
  kind: 'secret';
  secret: SecretDto;
  contextValue: 'kubereplay.secret';
}

/** A row that only shows something: a configuration entry, a service, an event, a key. */
export interface ItemNode extends Row {
  kind: 'item';
}

export interface MessageNode extends Row {
  kind: 'message';
  action?: NodeAction;
}

export type ClusterNode =
  | ContextNode
  | NamespaceNode
  | GroupNode
  | WorkloadNode
  | ReplayNode
  | SecretNode
  | ItemNode
  | MessageNode;

export function contextId(context: string): string {
  return `context:${context}`;
}

export function namespaceId(scope: Scope): string {
  return `ns:${scope.context}/${scope.namespace}`;
}

export function groupId(scope: Scope, group: GroupKind): string {
  return `group:${scope.context}/${scope.namespace}/${group}`;
}

export function groupLabel(group: GroupKind): string {
  return group.charAt(0) + group.slice(1).toLowerCase();
}

/** The rows a workload node is found by: its kind and name within its namespace. */
export function workloadKey(workload: WorkloadRefDto): string {
  return `${workload.kind}/${workload.name}`;
}
