// Rows of the other views: configuration entries, secrets, services, events and replays.
import type {
  ConfigEntryDto,
  EventDto,
  ReplayDto,
  SecretDto,
  ServiceDto,
  ServicePortDto,
} from '../rpc/protocol';
import { ageText, clockText, md, plural } from './format';
import {
  groupId,
  type Icon,
  type ItemNode,
  type ReplayNode,
  type Scope,
  type SecretNode,
} from './nodes';

export function configNode(scope: Scope, entry: ConfigEntryDto): ItemNode {
  const overridden = entry.override !== undefined;
  const lines = [`**${md(entry.key)}** = \`${code(entry.effective)}\``];
  if (overridden) {
    lines.push(
      `$(warning) Overridden by the deprecated kubereplay-operator-overrides ConfigMap` +
        (entry.value !== undefined ? `; kubereplay-operator says \`${code(entry.value)}\`.` : '.'),
    );
  }
  return {
    kind: 'item',
    id: `config:${scope.context}/${scope.namespace}/${entry.key}`,
    parentId: groupId(scope, 'CONFIGURATION'),
    label: entry.key,
    description: overridden ? `${entry.effective} (override)` : entry.effective,
    tooltip: { markdown: lines.join('\n\n') },
    icon: overridden
      ? { id: 'symbol-property', color: 'charts.yellow' }
      : { id: 'symbol-property' },
    collapse: 'none',
    contextValue: overridden ? 'kubereplay.config.override' : 'kubereplay.config',
  };
}

/** A secret by name, type and keys; its keys are its children. Values never reach the client. */
export function secretNode(scope: Scope, secret: SecretDto): SecretNode {
  return {
    kind: 'secret',
    id: secretId(scope, secret.name),
    parentId: groupId(scope, 'SECRETS'),
    context: scope.context,
    namespace: scope.namespace,
    secret,
    label: secret.name,
    description: `${secret.type} · ${plural(secret.keys.length, 'key')}`,
    tooltip: {
      markdown:
        `**${md(secret.name)}** — ${md(secret.type)}\n\n` +
        (secret.keys.length > 0
          ? `Keys: ${secret.keys.map((key) => `\`${code(key)}\``).join(', ')}`
          : 'No keys') +
        '\n\nValues stay in the cluster: Kube Replay never reads them into the IDE.',
    },
    icon: { id: 'key' },
    collapse: secret.keys.length > 0 ? 'collapsed' : 'none',
    contextValue: 'kubereplay.secret',
  };
}

export function secretKeyNodes(node: SecretNode): ItemNode[] {
  return node.secret.keys.map((key) => ({
    kind: 'item',
    id: `${node.id}#${key}`,
    parentId: node.id,
    label: key,
    tooltip: `Key ${key} of secret ${node.secret.name}`,
    icon: { id: 'symbol-key' },
    collapse: 'none',
    contextValue: 'kubereplay.secretKey',
  }));
}

export function serviceNode(scope: Scope, service: ServiceDto): ItemNode {
  const ports = service.ports.map(portText);
  const selector = Object.entries(service.selector).map(([key, value]) => `${key}=${value}`);
  const workloads = service.workloads.map((ref) => `${ref.kind}/${ref.name}`);
  const description = [service.type, service.clusterIP, ports.join(', ')].filter(Boolean);
  return {
    kind: 'item',
    id: `service:${scope.context}/${scope.namespace}/${service.name}`,
    parentId: groupId(scope, 'SERVICES'),
    label: service.name,
    description: description.join(' · '),
    tooltip: {
      markdown: [
        `**${md(service.name)}** — ${md(service.type)}${service.clusterIP ? ` ${md(service.clusterIP)}` : ''}`,
        `Ports: ${ports.length > 0 ? md(ports.join(', ')) : 'none'}`,
        `Selector: ${selector.length > 0 ? md(selector.join(', ')) : 'none'}`,
        `Workloads: ${workloads.length > 0 ? md(workloads.join(', ')) : 'none selected'}`,
      ].join('\n\n'),
    },
    icon: { id: 'plug' },
    collapse: 'none',
    contextValue: 'kubereplay.service',
  };
}

/** `80→8080/TCP`, `http 80→http/TCP`, `443→8443/TCP (node 30443)`. */
export function portText(port: ServicePortDto): string {
  const name = port.name ? `${port.name} ` : '';
  const node = port.nodePort ? ` (node ${port.nodePort})` : '';
  return `${name}${port.port}→${port.targetPort}/${port.protocol}${node}`;
}

export function eventNode(scope: Scope, event: EventDto, index: number, now?: Date): ItemNode {
  const warning = event.type === 'Warning';
  const when = event.lastSeen ? ageText(event.lastSeen, now) : undefined;
  const parts = [`${event.objectKind}/${event.objectName}`];
  if (event.count > 1) {
    parts.push(`×${event.count}`);
  }
  if (when) {
    parts.push(when);
  }
  const lines = [
    `${warning ? '$(warning) ' : ''}**${md(event.reason)}** — ${md(event.type)} event on ${md(event.objectKind)} ${md(event.objectName)}`,
    md(event.message),
    `Seen ${plural(event.count, 'time')}` +
      (event.firstSeen ? `, first at ${clockText(event.firstSeen, now)}` : '') +
      (event.lastSeen ? `, last at ${clockText(event.lastSeen, now)}` : ''),
  ];
  if (event.workload) {
    lines.push(`Workload: ${md(event.workload.kind)} ${md(event.workload.name)}`);
  }
  return {
    kind: 'item',
    // Events have no stable name on the wire; their order (warnings first) is the server's.
    id: `event:${scope.context}/${scope.namespace}/${index}/${event.reason}/${event.objectName}`,
    parentId: groupId(scope, 'EVENTS'),
    label: event.reason,
    description: `${parts.join(' · ')} — ${event.message}`,
    tooltip: { markdown: lines.join('\n\n') },
    icon: warning ? { id: 'warning', color: 'charts.red' } : { id: 'info' },
    collapse: 'none',
    accessibilityLabel: `${event.type} event ${event.reason} on ${event.objectKind} ${event.objectName}: ${event.message}`,
    contextValue: warning ? 'kubereplay.event.warning' : 'kubereplay.event',
  };
}

export function replayNode(scope: Scope, replay: ReplayDto, now?: Date): ReplayNode {
  const parts = [replay.phase ?? 'no status yet'];
  if (replay.progress !== undefined && !finished(replay)) {
    parts.push(`${Math.round(replay.progress)}%`);
  }
  if (replay.successRate !== undefined) {
    parts.push(`${Math.round(replay.successRate)}% matched`);
  }
  if (replay.workload) {
    parts.push(replay.workload);
  }
  const lines = [
    `**${md(replay.name)}** — TrafficReplay in ${md(scope.namespace)}`,
    `Phase: ${md(replay.phase ?? 'none yet')}${replay.ready ? ' (ready)' : ''}`,
  ];
  const facts: [string, string | undefined][] = [
    ['Snapshot', replay.snapshotID],
    ['Mode', replay.mode],
    ['Workload', replay.workload],
    ['Started', replay.startedTime && clockText(replay.startedTime, now)],
    ['Finished', replay.finishedTime && clockText(replay.finishedTime, now)],
    ['Message', replay.message],
  ];
  for (const [name, value] of facts) {
    if (value) {
      lines.push(`${name}: ${md(value)}`);
    }
  }
  return {
    kind: 'replay',
    id: `replay:${scope.context}/${scope.namespace}/${replay.name}`,
    parentId: groupId(scope, 'REPLAYS'),
    context: scope.context,
    namespace: scope.namespace,
    replay,
    label: replay.name,
    description: parts.join(' · '),
    tooltip: { markdown: lines.join('\n\n') },
    icon: replayIcon(replay),
    collapse: 'none',
    contextValue: 'kubereplay.replay',
  };
}

const FAILED = new Set(['Failed', 'Error']);
const SUCCEEDED = new Set(['Complete', 'Completed', 'Succeeded']);

export function finished(replay: ReplayDto): boolean {
  return (
    replay.finishedTime !== undefined ||
    FAILED.has(replay.phase ?? '') ||
    SUCCEEDED.has(replay.phase ?? '')
  );
}

export function replayIcon(replay: ReplayDto): Icon {
  if (FAILED.has(replay.phase ?? '')) {
    return { id: 'error', color: 'charts.red' };
  }
  if (SUCCEEDED.has(replay.phase ?? '') || (replay.ready && finished(replay))) {
    return { id: 'pass', color: 'charts.green' };
  }
  if (!finished(replay) && replay.phase) {
    return { id: 'sync~spin', color: 'charts.blue' };
  }
  return { id: 'circle-large-outline' };
}

function secretId(scope: Scope, name: string): string {
  return `secret:${scope.context}/${scope.namespace}/${name}`;
}

/** Text inside backticks: a backtick would end the span early. */
function code(text: string): string {
  return text.replace(/`/g, "'");
}
