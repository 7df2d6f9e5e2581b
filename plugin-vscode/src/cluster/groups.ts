// The views under a namespace (Workloads, Secrets, ...): the group rows, with their state
// (count, stale, forbidden), and the rows under them.
import type {
  ConfigurationResponse,
  ErrorCode,
  FreshnessDto,
  ListEventsResponse,
  ListReplaysResponse,
  ListSecretsResponse,
  ListServicesResponse,
  ListWorkloadsResponse,
  WorkloadDto,
} from '../rpc/protocol';
import { md, plural, staleText } from './format';
import {
  groupId,
  groupLabel,
  namespaceId,
  workloadKey,
  type ClusterNode,
  type GroupKind,
  type GroupNode,
  type Icon,
  type MessageNode,
  type Scope,
} from './nodes';
import { configNode, eventNode, replayNode, secretNode, serviceNode } from './resources';
import { workloadNode, type Toggle } from './workloads';

/** The answer behind each view. */
export interface GroupResponses {
  CONFIGURATION: ConfigurationResponse;
  WORKLOADS: ListWorkloadsResponse;
  SECRETS: ListSecretsResponse;
  SERVICES: ListServicesResponse;
  EVENTS: ListEventsResponse;
  REPLAYS: ListReplaysResponse;
}

export type GroupData = { [G in GroupKind]: { group: G; response: GroupResponses[G] } }[GroupKind];

/** A request that failed, as the server said it. */
export interface GroupFailure {
  message: string;
  errorCode?: ErrorCode | undefined;
}

/** What the client knows of one view. A reload keeps the last data until its answer comes. */
export type GroupState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'loaded'; data: GroupData }
  | { kind: 'failed'; failure: GroupFailure };

/** What else changes how a group looks: the connection, toggles on their way, the clock. */
export interface GroupContext {
  /** The context's connection as the last CONNECTION change said; fresh when absent. */
  connection?: FreshnessDto | undefined;
  pending?: ReadonlyMap<string, Toggle>;
  now?: Date;
}

const GROUP_ICONS: Record<GroupKind, string> = {
  CONFIGURATION: 'settings-gear',
  WORKLOADS: 'layers',
  SECRETS: 'key',
  SERVICES: 'plug',
  EVENTS: 'bell',
  REPLAYS: 'debug-rerun',
};

export function groupNode(
  scope: Scope,
  group: GroupKind,
  state: GroupState,
  extra: GroupContext = {},
): GroupNode {
  const label = groupLabel(group);
  let icon: Icon = { id: GROUP_ICONS[group] };
  let description: string | undefined;
  const lines = [`**${label}** in ${md(scope.namespace)} (${md(scope.context)})`];
  if (state.kind === 'loaded') {
    const summary = summarize(state.data);
    description = summary.text;
    icon = summary.color ? { ...icon, color: summary.color } : icon;
    lines.push(...summary.lines);
    const freshness = staleness(state.data.response.freshness, extra.connection);
    if (freshness) {
      description = `${description} · ${staleText(freshness, extra.now)}`;
      icon = { id: 'warning', color: 'charts.yellow' };
      lines.push(
        `$(warning) Last known state, ${staleText(freshness, extra.now)}` +
          (freshness.reason ? `: ${md(freshness.reason)}` : ''),
      );
    }
  } else if (state.kind === 'failed') {
    const forbidden = state.failure.errorCode === 'FORBIDDEN';
    description = forbidden ? 'forbidden' : errorCodeText(state.failure.errorCode);
    icon = forbidden
      ? { id: 'lock', color: 'charts.yellow' }
      : { id: 'error', color: 'charts.red' };
    lines.push(`$(${icon.id}) ${md(state.failure.message)}`);
  }
  return {
    kind: 'group',
    id: groupId(scope, group),
    parentId: namespaceId(scope),
    context: scope.context,
    namespace: scope.namespace,
    group,
    label,
    ...(description ? { description } : {}),
    tooltip: { markdown: lines.join('\n\n') },
    icon,
    collapse: 'collapsed',
    accessibilityLabel: `${label} in ${scope.namespace} of ${scope.context}${description ? `, ${description}` : ''}`,
    contextValue: `kubereplay.group.${group.toLowerCase()}`,
  };
}

/** The rows under a group: its items, or one row saying why there are none. */
export function groupChildren(node: GroupNode, state: GroupState, extra: GroupContext = {}) {
  const scope: Scope = { context: node.context, namespace: node.namespace };
  switch (state.kind) {
    case 'idle':
    case 'loading':
      return [messageNode(node, 'loading', 'Loading…', { id: 'loading~spin' })];
    case 'failed': {
      const forbidden = state.failure.errorCode === 'FORBIDDEN';
      return [
        messageNode(
          node,
          'failure',
          state.failure.message,
          forbidden ? { id: 'lock', color: 'charts.yellow' } : { id: 'error', color: 'charts.red' },
        ),
      ];
    }
    case 'loaded': {
      const rows = itemNodes(scope, state.data, extra);
      return rows.length > 0 ? rows : [emptyNode(node, state.data)];
    }
  }
}

function itemNodes(scope: Scope, data: GroupData, extra: GroupContext): ClusterNode[] {
  switch (data.group) {
    case 'CONFIGURATION':
      return data.response.entries.map((entry) => configNode(scope, entry));
    case 'WORKLOADS':
      return data.response.workloads.map((workload) =>
        workloadNode(scope, workload, extra.pending?.get(workloadKey(workload))),
      );
    case 'SECRETS':
      return data.response.secrets.map((secret) => secretNode(scope, secret));
    case 'SERVICES':
      return data.response.services.map((service) => serviceNode(scope, service));
    case 'EVENTS':
      return data.response.events.map((event, index) => eventNode(scope, event, index, extra.now));
    case 'REPLAYS':
      return data.response.replays.map((replay) => replayNode(scope, replay, extra.now));
  }
}

function emptyNode(node: GroupNode, data: GroupData): MessageNode {
  switch (data.group) {
    case 'CONFIGURATION':
      return messageNode(
        node,
        'empty',
        data.response.found
          ? 'The kubereplay-operator ConfigMap is empty'
          : `No kubereplay-operator ConfigMap in ${data.response.namespace}`,
        { id: 'info' },
      );
    case 'REPLAYS':
      if (!data.response.crdInstalled) {
        return messageNode(node, 'empty', 'The TrafficReplay CRD is not installed', {
          id: 'info',
        });
      }
      return messageNode(node, 'empty', 'No replays', { id: 'info' });
    default:
      return messageNode(node, 'empty', `No ${node.label.toLowerCase()}`, { id: 'info' });
  }
}

interface Summary {
  text: string;
  color?: Icon['color'];
  lines: string[];
}

function summarize(data: GroupData): Summary {
  switch (data.group) {
    case 'CONFIGURATION': {
      const { response } = data;
      const where = `kubereplay-operator in ${response.namespace}`;
      return response.found || response.overridesFound
        ? {
            text: `${plural(response.entries.length, 'key')} · ${response.namespace}`,
            lines: [`From the ConfigMap ${md(where)}.`],
          }
        : { text: 'not found', lines: [`No ConfigMap ${md(where)}.`] };
    }
    case 'WORKLOADS':
      return workloadSummary(data.response.workloads);
    case 'SECRETS':
      return { text: `${data.response.secrets.length}`, lines: ['Names and keys only.'] };
    case 'SERVICES':
      return { text: `${data.response.services.length}`, lines: [] };
    case 'EVENTS': {
      const warnings = data.response.events.filter((event) => event.type === 'Warning').length;
      const total = `${data.response.events.length}`;
      return warnings > 0
        ? { text: `${total} · ${plural(warnings, 'warning')}`, color: 'charts.red', lines: [] }
        : { text: total, lines: [] };
    }
    case 'REPLAYS':
      return data.response.crdInstalled
        ? { text: `${data.response.replays.length}`, lines: [] }
        : { text: 'CRD not installed', lines: ['The TrafficReplay CRD is not installed.'] };
  }
}

function workloadSummary(workloads: WorkloadDto[]): Summary {
  const alerts = workloads.filter((w) => w.sidecarHealth === 'ALERT').length;
  const cautions = workloads.filter((w) => w.sidecarHealth === 'CAUTION').length;
  const parts = [`${workloads.length}`];
  if (alerts > 0) {
    parts.push(plural(alerts, 'alert'));
  }
  if (cautions > 0) {
    parts.push(plural(cautions, 'caution'));
  }
  const color = alerts > 0 ? 'charts.red' : cautions > 0 ? 'charts.yellow' : undefined;
  return { text: parts.join(' · '), ...(color ? { color } : {}), lines: [] };
}

/** The view's staleness: its own answer's, or the connection's when that went stale later. */
function staleness(own: FreshnessDto, connection?: FreshnessDto): FreshnessDto | undefined {
  if (connection?.stale) {
    return connection;
  }
  return own.stale ? own : undefined;
}

function errorCodeText(code: ErrorCode | undefined): string {
  return code ? code.toLowerCase().replace(/_/g, ' ') : 'failed';
}

function messageNode(parent: GroupNode, suffix: string, label: string, icon: Icon): MessageNode {
  return {
    kind: 'message',
    id: `${parent.id}#${suffix}`,
    parentId: parent.id,
    label,
    tooltip: label,
    icon,
    collapse: 'none',
    contextValue: suffix === 'failure' ? 'kubereplay.error' : 'kubereplay.message',
  };
}
