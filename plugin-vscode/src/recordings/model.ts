// The rows of the Recordings view and the texts it opens, as plain data free of the vscode
// module so they can be unit-tested; recordingsTree.ts turns them into TreeItems.
import type {
  BodyDto,
  DidProgressParams,
  EndpointDto,
  HostEndpointsDto,
  ImportReportDto,
  MessageDto,
  PairDto,
  PairSummaryDto,
  SnapshotDto,
} from '../rpc/protocol';
import type { Collapse, Icon } from '../cluster/nodes';

/** How many pairs an endpoint row lists at most. */
export const PAIRS_PAGE = 200;

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
  endpoint: EndpointDto;
}

export interface PairNode {
  kind: 'pair';
  id: string;
  snapshotId: string;
  pair: PairSummaryDto;
}

export interface MessageNode {
  kind: 'message';
  id: string;
  label: string;
  detail?: string;
  error: boolean;
}

export type RecordingNode = SnapshotNode | HostNode | EndpointNode | PairNode | MessageNode;

/** A row as the view draws it. */
export interface RenderedRow {
  label: string;
  description?: string;
  tooltip: string;
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
  return host.endpoints.map((endpoint) => ({
    kind: 'endpoint',
    id: `endpoint:${snapshotId}:${host.host}:${endpoint.method} ${endpoint.pathTemplate}`,
    snapshotId,
    host: host.host,
    endpoint,
  }));
}

export function pairNodes(snapshotId: string, pairs: PairSummaryDto[]): PairNode[] {
  return pairs.map((pair) => ({
    kind: 'pair',
    id: `pair:${snapshotId}:${pair.pairId}`,
    snapshotId,
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

/** The row under an endpoint that says some pairs are not listed. */
export function morePairsNode(
  endpointId: string,
  shown: number,
  total: number,
): MessageNode | undefined {
  return total > shown
    ? messageNode(
        `${endpointId}:more`,
        `${total - shown} more not shown`,
        `the first ${shown} of ${total}`,
      )
    : undefined;
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

export function snapshotTooltip(snapshot: SnapshotDto): string {
  const lines = [
    snapshot.name,
    `Source: ${snapshot.source}`,
    `Created: ${shortTime(snapshot.created)}`,
    `Pairs: ${directionCounts(snapshot.inCount, snapshot.outCount)}`,
    `Hosts: ${snapshot.hosts.length > 0 ? snapshot.hosts.join(', ') : 'none'}`,
  ];
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

export function render(node: RecordingNode): RenderedRow {
  switch (node.kind) {
    case 'snapshot': {
      const { snapshot } = node;
      return {
        label: snapshot.name,
        description: `${directionCounts(snapshot.inCount, snapshot.outCount)} · ${shortTime(snapshot.created)}`,
        tooltip: snapshotTooltip(snapshot),
        icon: { id: 'record' },
        contextValue: 'kubereplay.snapshot',
        collapse: 'collapsed',
      };
    }
    case 'host':
      return {
        label: node.host.host,
        description: directionCounts(node.host.inCount, node.host.outCount),
        tooltip: `${node.host.host}\n${node.host.endpoints.length} endpoints`,
        icon: { id: 'server' },
        contextValue: 'kubereplay.recordedHost',
        collapse: 'collapsed',
      };
    case 'endpoint': {
      const { endpoint } = node;
      const count = endpoint.inCount + endpoint.outCount;
      const summary = latency(endpoint);
      return {
        label: `${endpoint.method} ${endpoint.pathTemplate}`,
        description: [`${count}`, summary].filter((part) => part !== undefined).join(' · '),
        tooltip: [
          `${endpoint.method} ${node.host}${endpoint.pathTemplate}`,
          `Pairs: ${directionCounts(endpoint.inCount, endpoint.outCount)}`,
          ...(summary ? [`Latency: ${summary}`] : []),
        ].join('\n'),
        icon: { id: 'symbol-method' },
        contextValue: 'kubereplay.endpoint',
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
        contextValue: 'kubereplay.pair',
        collapse: 'none',
      };
    }
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

/** The path of a pair's virtual document: `/<snapshot>/<pairId> GET example.com.http`. */
export function pairPath(snapshotId: string, pair: PairSummaryDto): string {
  const name = `${pair.pairId} ${pair.method} ${pair.host}`.replace(/[/\\?#%]/g, '_');
  return `/${encodeURIComponent(snapshotId)}/${name}.http`;
}

/** The snapshot id and pair id a document path names, as pairPath writes them. */
export function parsePairPath(path: string): { snapshotId: string; pairId: number } | undefined {
  const match = /^\/([^/]+)\/(\d+)[ .]/.exec(path);
  return match?.[1] && match[2]
    ? { snapshotId: decodeURIComponent(match[1]), pairId: Number(match[2]) }
    : undefined;
}

function bodyText(body: BodyDto): string[] {
  if (body.size === 0 && !body.text && !body.base64) {
    return [];
  }
  if (body.text !== undefined) {
    return ['', body.text];
  }
  const type = body.contentType ? `${body.contentType}, ` : '';
  return ['', `# binary, ${type}${body.size} bytes, base64:`, body.base64 ?? ''];
}

function headerLines(message: MessageDto): string[] {
  return message.headers.map((header) => `${header.name}: ${header.value}`);
}

/** A pair as the text of its read-only document: request, then response, as HTTP reads. */
export function pairDocumentText(pair: PairDto): string {
  const { summary } = pair;
  const version = pair.httpVersion ?? 'HTTP/1.1';
  const lines = [
    `# ${summary.direction} pair ${summary.pairId} · ${shortTime(summary.timestamp)} · ${millis(summary.durationMillis)} · ${summary.host}`,
  ];
  if (pair.uuid) {
    lines.push(`# uuid ${pair.uuid}`);
  }
  const tags = Object.entries(pair.tags);
  if (tags.length > 0) {
    lines.push(`# tags ${tags.map(([key, value]) => `${key}=${value}`).join(', ')}`);
  }
  lines.push('', `${summary.method} ${summary.url} ${version}`, ...headerLines(pair.request));
  lines.push(...bodyText(pair.request.body));
  lines.push('', '###', '');
  if (summary.status > 0) {
    const message = pair.statusMessage ? ` ${pair.statusMessage}` : '';
    lines.push(`${version} ${summary.status}${message}`, ...headerLines(pair.response));
    lines.push(...bodyText(pair.response.body));
  } else {
    lines.push('# no response was recorded');
  }
  return lines.join('\n') + '\n';
}

/** An import report as a readable text document. */
export function reportText(report: ImportReportDto): string {
  const { snapshot } = report;
  const lines = [
    `Import report: ${snapshot.name}`,
    '',
    `Format:    ${report.format}`,
    `Snapshot:  ${snapshot.id}`,
    `Pairs:     ${directionCounts(snapshot.inCount, snapshot.outCount)}`,
    `Skipped:   ${report.skippedCount}`,
    `Read:      ${bytes(report.bytesRead)} in ${millis(report.elapsedMillis)}`,
    '',
    'Hosts:',
  ];
  if (report.hosts.length === 0) {
    lines.push('  (none)');
  }
  for (const host of report.hosts) {
    lines.push(`  ${host.host}  ${directionCounts(host.inCount, host.outCount)}`);
  }
  if (report.skippedCount > 0) {
    lines.push('', 'Skipped entries:');
    for (const skipped of report.skipped) {
      lines.push(`  ${skipped.entry}: ${skipped.reason}`);
    }
    if (report.skippedCount > report.skipped.length) {
      lines.push(`  … and ${report.skippedCount - report.skipped.length} more`);
    }
  }
  if (report.unresolvedVariables.length > 0) {
    lines.push('', 'Unresolved variables:');
    for (const variable of report.unresolvedVariables) {
      lines.push(`  {{${variable}}}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The one-line summary of a finished import, for the information message. */
export function reportSummary(report: ImportReportDto): string {
  const { snapshot } = report;
  const skipped = report.skippedCount > 0 ? `, ${report.skippedCount} skipped` : '';
  return `Imported ${snapshot.name}: ${directionCounts(snapshot.inCount, snapshot.outCount)}${skipped}.`;
}

/** A progress report for withProgress: the increment since the last one, in percent. */
export interface ProgressStep {
  message: string;
  increment?: number;
}

/** Turns traffic/didProgress notifications into withProgress steps. */
export class ProgressTracker {
  private percent = 0;

  step(params: DidProgressParams): ProgressStep {
    const done = params.total > 0 ? `${params.done}/${params.total}` : `${params.done}`;
    const message = params.message ? `${params.message} (${done})` : done;
    if (params.total <= 0) {
      return { message };
    }
    const percent = Math.min(100, Math.max(0, (params.done / params.total) * 100));
    const increment = percent - this.percent;
    if (increment <= 0) {
      return { message };
    }
    this.percent = percent;
    return { message, increment };
  }
}

/** The formats the import quick pick offers; `guess` sends none and the server decides. */
export const IMPORT_FORMATS = [
  'guess',
  'har',
  'postman',
  'jsonl',
  'wiremock',
  'speedscale',
] as const;
export const EXPORT_FORMATS = ['jsonl', 'har'] as const;

/** The import format to send for a quick pick answer. */
export function importFormat(picked: string | undefined): string | undefined {
  return picked && picked !== 'guess' ? picked : undefined;
}

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
