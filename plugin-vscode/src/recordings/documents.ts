// The read-only documents of the Recordings view: a recorded pair as HTTP reads, an import
// report; free of the vscode module.
import type {
  BodyDto,
  ImportReportDto,
  MessageDto,
  PairDto,
  PairSummaryDto,
} from '../rpc/protocol';
import { bytes, directionCounts, millis, shortTime } from './model';

/** The path of a pair's virtual document: `/<snapshot>/<pairId> GET example.com.http`. */
export function pairPath(
  snapshotId: string,
  pair: Pick<PairSummaryDto, 'pairId' | 'method' | 'host'>,
): string {
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
  const tags = Object.entries(pair.tags).sort(([a], [b]) => a.localeCompare(b));
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
  if (report.warningCount > 0) {
    lines.push('', 'Imported with warnings:');
    for (const warning of report.warnings) {
      lines.push(`  ${warning.entry}: ${warning.message}`);
    }
    if (report.warningCount > report.warnings.length) {
      lines.push(`  … and ${report.warningCount - report.warnings.length} more`);
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
