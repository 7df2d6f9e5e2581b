// The rows of the Recordings view as plain data, free of the vscode module so they can be
// unit-tested; recordingsView.ts turns them into TreeItems.
import type {
  EndpointDto,
  HostEndpointsDto,
  PairSummaryDto,
  SnapshotDto,
  SnapshotState,
} from '../rpc/protocol';
import { md, plural } from '../cluster/format';
import type { Collapse, Icon, Tooltip } from '../cluster/nodes';
import { chartLines, histogramTotal, sparkline } from './latency';
import { loadMoreLabel, loadMoreTooltip } from './paging';
import { pairCounts, reclassifyContext, type PairCounts } from './reclassify';

export interface SnapshotNode {
  kind: 'snapshot';
  id: string;
  snapshot: SnapshotDto;
}

export interface HostNode {
  kind: 'host';
  id: string;
  snapshotId: string;
  host: HostEndpointsDto;
}

export interface EndpointNode {
  kind: 'endpoint';
  id: string;
  snapshotId: string;
  host: string;
  /** The counts of the whole host, which the host commands act on. */
  hostCounts: PairCounts;
  endpoint: EndpointDto;
}

export interface PairNode {
  kind: 'pair';
  id: string;
  snapshotId: string;
  hostCounts: PairCounts;
  pair: PairSummaryDto;
}

/** The row under an endpoint that loads its next page of pairs. */
export interface MoreNode {
  kind: 'more';
  id: string;
  endpoint: EndpointNode;
  shown: number;
  total: number;
}

export interface MessageNode {
  kind: 'message';
  id: string;
  label: string;
  detail?: string;
  error: boolean;
}

export type RecordingNode =
  SnapshotNode | HostNode | EndpointNode | PairNode | MoreNode | MessageNode;

/** A row as the view draws it. */
export interface RenderedRow {
  label: string;
  description?: string;
  /** Plain text, or Markdown (an endpoint's, with its latency chart). */
  tooltip: Tooltip;
  icon: Icon;
  contextValue: string;
  collapse: Collapse;
}

export function snapshotNode(snapshot: SnapshotDto): SnapshotNode {
  return { kind: 'snapshot', id: `snapshot:${snapshot.id}`, snapshot };
}

export function hostNodes(snapshotId: string, hosts: HostEndpointsDto[]): HostNode[] {
  return hosts.map((host) => ({
    kind: 'host',
    id: `host:${snapshotId}:${host.host}`,
    snapshotId,
    host,
  }));
}

export function endpointNodes(snapshotId: string, host: HostEndpointsDto): EndpointNode[] {
  const hostCounts = { inCount: host.inCount, outCount: host.outCount };
  return host.endpoints.map((endpoint) => ({
    kind: 'endpoint',
    id: `endpoint:${snapshotId}:${host.host}:${endpoint.method} ${endpoint.pathTemplate}`,
    snapshotId,
    host: host.host,
    hostCounts,
    endpoint,
  }));
}

export function pairNodes(endpoint: EndpointNode, pairs: PairSummaryDto[]): PairNode[] {
  return pairs.map((pair) => ({
    kind: 'pair',
    id: `pair:${endpoint.snapshotId}:${pair.pairId}`,
    snapshotId: endpoint.snapshotId,
    hostCounts: endpoint.hostCounts,
    pair,
  }));
}

export function messageNode(
  id: string,
  label: string,
  detail?: string,
  error = false,
): MessageNode {
  return { kind: 'message', id: `message:${id}`, label, detail, error };
}

export function directionCounts(inCount: number, outCount: number): string {
  return `IN ${inCount} · OUT ${outCount}`;
}

/** A timestamp as `2026-11-25 17:02:03` (UTC, as the server sends it). */
export function shortTime(iso: string | undefined): string {
  if (!iso) {
    return '';
  }
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}

export function millis(value: number): string {
  if (value >= 10_000) {
    return `${(value / 1000).toFixed(1)} s`;
  }
  return `${Math.round(value)} ms`;
}

export function bytes(value: number): string {
  if (value < 1024) {
    return `${value} B`;
  }
  if (value < 1024 * 1024) {
    return `${(value / 1024).toFixed(1)} KB`;
  }
  return `${(value / (1024 * 1024)).toFixed(1)} MB`;
}

/** A URL without its scheme and host, which the rows above already name. */
export function pathOf(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/';
}

/** The icon of a response status: 2xx green, 3xx blue, 4xx yellow, 5xx red, none grey. */
export function statusIcon(status: number): Icon {
  if (status <= 0) {
    return { id: 'circle-outline', color: 'disabledForeground' };
  }
  if (status < 300) {
    return { id: 'pass', color: 'charts.green' };
  }
  if (status < 400) {
    return { id: 'arrow-right', color: 'charts.blue' };
  }
  if (status < 500) {
    return { id: 'warning', color: 'charts.yellow' };
  }
  return { id: 'error', color: 'charts.red' };
}

function latency(endpoint: EndpointDto): string | undefined {
  const parts: string[] = [];
  if (endpoint.medianMillis !== undefined) {
    parts.push(`p50 ${millis(endpoint.medianMillis)}`);
  }
  if (endpoint.p95Millis !== undefined) {
    parts.push(`p95 ${millis(endpoint.p95Millis)}`);
  }
  if (endpoint.maxMillis !== undefined) {
    parts.push(`max ${millis(endpoint.maxMillis)}`);
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The endpoint row's description: its pair count, percentiles and latency sparkline. */
export function endpointDescription(endpoint: EndpointDto): string {
  const spark = endpoint.latency ? sparkline(endpoint.latency) : '';
  return [`${endpoint.inCount + endpoint.outCount}`, latency(endpoint), spark]
    .filter((part) => part !== undefined && part.trim() !== '')
    .join(' · ');
}

/**
 * The endpoint row's tooltip, in Markdown: the endpoint, its pairs and, when durations were
 * recorded, a bar chart of how they spread with the percentiles under it.
 */
export function endpointTooltip(host: string, endpoint: EndpointDto): string {
  const summary = latency(endpoint);
  const lines = [
    md(`${endpoint.method} ${host}${endpoint.pathTemplate}`),
    md(`Pairs: ${directionCounts(endpoint.inCount, endpoint.outCount)}`),
  ];
  const histogram = endpoint.latency;
  if (histogram) {
    const timed = plural(histogramTotal(histogram), 'pair');
    lines.push(
      ['```text', ...chartLines(histogram), '```'].join('\n'),
      md(summary ? `Latency: ${summary} (${timed})` : `Latency of ${timed}`),
    );
  } else if (summary) {
    lines.push(md(`Latency: ${summary}`));
  }
  return lines.join('\n\n');
}

/** How a snapshot's state shows: its icon, a word before its counts, a line in its tooltip. */
export interface StateMark {
  icon: Icon;
  word?: string;
  explanation?: string;
}

export function stateMark(state: SnapshotState | undefined): StateMark {
  switch (state) {
    case 'RECORDING':
      return {
        icon: { id: 'circle-large-filled', color: 'charts.red' },
        word: 'recording…',
        explanation:
          'Recording: pairs are still arriving; refresh for the latest counts, stop the recording to seal it.',
      };
    case 'INTERRUPTED':
      return {
        icon: { id: 'warning', color: 'charts.yellow' },
        word: 'interrupted',
        explanation:
          'Interrupted: the server went away while this was recording. It holds the pairs that arrived before that; later traffic was not recorded.',
      };
    default:
      return { icon: { id: 'record' } };
  }
}

export function snapshotTooltip(snapshot: SnapshotDto): string {
  const mark = stateMark(snapshot.state);
  const lines = [snapshot.name];
  if (mark.explanation) {
    lines.push(mark.explanation, '');
  }
  lines.push(
    `Source: ${snapshot.source}`,
    `Created: ${shortTime(snapshot.created)}`,
    `Pairs: ${directionCounts(snapshot.inCount, snapshot.outCount)}`,
    `Hosts: ${snapshot.hosts.length > 0 ? snapshot.hosts.join(', ') : 'none'}`,
  );
  if (snapshot.firstTimestamp || snapshot.lastTimestamp) {
    lines.push(
      `Time span: ${shortTime(snapshot.firstTimestamp)} – ${shortTime(snapshot.lastTimestamp)}`,
    );
  }
  if (snapshot.skippedCount > 0) {
    lines.push(`Skipped on import: ${snapshot.skippedCount}`);
  }
  lines.push(`Id: ${snapshot.id}`);
  return lines.join('\n');
}

/** Where a snapshot's running mocks listen, as its row shows them. */
export interface MocksMark {
  address: string;
}

/**
 * A row as the view draws it; a snapshot whose mocks run says where they listen, with a
 * distinct icon and a context value that offers Stop Mocks.
 */
export function render(node: RecordingNode, mocks: readonly MocksMark[] = []): RenderedRow {
  switch (node.kind) {
    case 'snapshot': {
      const { snapshot } = node;
      const mark = stateMark(snapshot.state);
      const counts = directionCounts(snapshot.inCount, snapshot.outCount);
      const mocked =
        mocks.length > 0
          ? `mocks on ${mocks.map((running) => running.address).join(', ')}`
          : undefined;
      const tooltip = snapshotTooltip(snapshot);
      return {
        label: snapshot.name,
        description: [mark.word, mocked, counts, shortTime(snapshot.created)]
          .filter((part) => part !== undefined)
          .join(' · '),
        tooltip: mocked ? `${tooltip}\nMocks: ${mocked.slice('mocks on '.length)}` : tooltip,
        icon: mocked && !mark.word ? { id: 'server-process', color: 'charts.green' } : mark.icon,
        contextValue: mocked ? 'kubereplay.snapshot.mocked' : 'kubereplay.snapshot',
        collapse: 'collapsed',
      };
    }
    case 'host':
      return {
        label: node.host.host,
        description: directionCounts(node.host.inCount, node.host.outCount),
        tooltip: [
          node.host.host,
          `${node.host.endpoints.length} endpoints`,
          `Pairs: ${directionCounts(node.host.inCount, node.host.outCount)}`,
          'IN pairs are replayed as tests, OUT pairs are served as mocks.',
        ].join('\n'),
        icon: { id: 'server' },
        contextValue: `kubereplay.recordedHost${reclassifyContext(node.host)}`,
        collapse: 'collapsed',
      };
    case 'endpoint': {
      const { endpoint } = node;
      return {
        label: `${endpoint.method} ${endpoint.pathTemplate}`,
        description: endpointDescription(endpoint),
        tooltip: { markdown: endpointTooltip(node.host, endpoint) },
        icon: { id: 'symbol-method' },
        contextValue: `kubereplay.endpoint${reclassifyContext(node.hostCounts, endpoint)}`,
        collapse: 'collapsed',
      };
    }
    case 'pair': {
      const { pair } = node;
      const status = pair.status > 0 ? String(pair.status) : 'no response';
      return {
        label: `${status} ${pair.method} ${pathOf(pair.url)}`,
        description: `${millis(pair.durationMillis)} · ${pair.direction} · ${shortTime(pair.timestamp)}`,
        tooltip: [
          `${pair.method} ${pair.url}`,
          `Status: ${status}`,
          `Direction: ${pair.direction}`,
          `Time: ${shortTime(pair.timestamp)}, ${millis(pair.durationMillis)}`,
          `Request ${bytes(pair.requestBytes)}, response ${bytes(pair.responseBytes)}`,
        ].join('\n'),
        icon: statusIcon(pair.status),
        contextValue: `kubereplay.pair${reclassifyContext(node.hostCounts, pairCounts(pair))}`,
        collapse: 'none',
      };
    }
    case 'more':
      return {
        label: loadMoreLabel(node.shown, node.total),
        tooltip: loadMoreTooltip(node.shown, node.total),
        icon: { id: 'fold-down' },
        contextValue: 'kubereplay.morePairs',
        collapse: 'none',
      };
    case 'message':
      return {
        label: node.label,
        description: node.detail,
        tooltip: node.detail ? `${node.label}\n${node.detail}` : node.label,
        icon: node.error ? { id: 'error', color: 'errorForeground' } : { id: 'info' },
        contextValue: 'kubereplay.recordingMessage',
        collapse: 'none',
      };
  }
}

export const EXPORT_FORMATS = ['jsonl', 'har'] as const;

/** A file name to suggest for an export. */
export function exportFileName(snapshot: SnapshotDto, format: string): string {
  const base =
    snapshot.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'recording';
  return `${base}.${format}`;
}

/** Checks a new snapshot name; a message when it cannot be used. */
export function validateName(name: string): string | undefined {
  return name.trim().length === 0 ? 'A name is required.' : undefined;
}

export interface Confirmation {
  message: string;
  detail: string;
  confirm: string;
}

export function deleteSnapshotConfirmation(snapshot: SnapshotDto): Confirmation {
  return {
    message: `Delete the recording ${snapshot.name}?`,
    detail: `Its ${snapshot.inCount + snapshot.outCount} pairs (${directionCounts(snapshot.inCount, snapshot.outCount)}) are deleted from the store. This cannot be undone.`,
    confirm: 'Delete',
  };
}
