// Workload rows: readiness, injection, TLS out, sidecar health, requests and pod problems.
import type { HealthLevel, WorkloadDto } from '../rpc/protocol';
import { md, requestsText } from './format';
import { groupId, workloadKey, type Icon, type Scope, type WorkloadNode } from './nodes';

/** Which toggle a request is changing, shown on the row until the server answers. */
export type Toggle = 'injection' | 'tlsOut';

export function workloadId(scope: Scope, workload: { kind: string; name: string }): string {
  return `workload:${scope.context}/${scope.namespace}/${workloadKey(workload)}`;
}

export function workloadNode(scope: Scope, workload: WorkloadDto, pending?: Toggle): WorkloadNode {
  const description = workloadDescription(workload);
  const busy = pending ? pendingText(workload, pending) : undefined;
  return {
    kind: 'workload',
    id: workloadId(scope, workload),
    parentId: groupId(scope, 'WORKLOADS'),
    context: scope.context,
    namespace: scope.namespace,
    workload,
    label: workload.name,
    description: busy ? `${description} · ${busy}` : description,
    tooltip: { markdown: workloadTooltip(scope, workload) },
    icon: busy ? { id: 'loading~spin' } : healthIcon(workload.sidecarHealth),
    collapse: 'none',
    accessibilityLabel:
      `${workload.kind} ${workload.name}, ${description}, ` +
      `sidecar health ${healthText(workload.sidecarHealth)}`,
    contextValue: workload.injected ? 'kubereplay.workload.injected' : 'kubereplay.workload',
  };
}

/** `2/2 · injected · TLS out`; other kinds than Deployment say theirs first. */
export function workloadDescription(workload: WorkloadDto): string {
  const parts = [`${workload.ready}/${workload.desired}`];
  if (workload.kind !== 'Deployment') {
    parts.unshift(workload.kind);
  }
  if (workload.injected) {
    parts.push('injected');
  }
  if (workload.tlsOut) {
    parts.push('TLS out');
  }
  const reasons = [...new Set(workload.problems.map((problem) => problem.reason))];
  if (reasons.length > 0) {
    parts.push(reasons.join(', '));
  }
  return parts.join(' · ');
}

export function healthIcon(health: HealthLevel): Icon {
  switch (health) {
    case 'OK':
      return { id: 'pass', color: 'charts.green' };
    case 'CAUTION':
      return { id: 'warning', color: 'charts.yellow' };
    case 'ALERT':
      return { id: 'error', color: 'charts.red' };
  }
}

export function healthText(health: HealthLevel): string {
  return health === 'OK' ? 'ok' : health.toLowerCase();
}

export function workloadTooltip(scope: Scope, workload: WorkloadDto): string {
  const icon = healthIcon(workload.sidecarHealth).id;
  const parts = [
    `**${md(workload.name)}** — ${workload.kind} in ${md(scope.namespace)} (${md(scope.context)})`,
    `Ready: ${workload.ready}/${workload.desired} pods`,
    `Sidecar injection: ${onOff(workload.injected)} · TLS out: ${onOff(workload.tlsOut)}`,
    `$(${icon}) Sidecar health: **${healthText(workload.sidecarHealth)}**` +
      bullets(workload.healthReasons.map(md)),
    `Requests: app ${requestsText(workload.appRequests)}; sidecar ${requestsText(workload.sidecarRequests)}`,
  ];
  if (workload.problems.length > 0) {
    parts.push(
      'Problems:' +
        bullets(
          workload.problems.map(
            (problem) =>
              `${md(problem.pod)}${problem.container ? ` (${md(problem.container)})` : ''}: ` +
              `**${md(problem.reason)}**${problem.message ? ` — ${md(problem.message)}` : ''}`,
          ),
        ),
    );
  }
  return parts.join('\n\n');
}

/** What the row says while a toggle is on its way: `turning injection on…`. */
export function pendingText(workload: WorkloadDto, toggle: Toggle): string {
  return toggle === 'injection'
    ? `turning injection ${onOff(!workload.injected)}…`
    : `turning TLS out ${onOff(!workload.tlsOut)}…`;
}

function onOff(value: boolean): string {
  return value ? 'on' : 'off';
}

function bullets(lines: string[]): string {
  return lines.length === 0 ? '' : `\n${lines.map((line) => `- ${line}`).join('\n')}`;
}
