// The live mock log as plain data, fed by replay/didMatch; free of the vscode module.
import { shortTime } from '../recordings/model';
import type { DidMatchParams, DifferenceDto, MatchDto, NearMissDto } from '../rpc/protocol';

/** The misses kept per mocks; older ones are dropped and counted as not shown. */
export const MAX_MISSES = 200;

/** The requests one recorded pair answered: `METHOD url → pair N`. */
export interface HitGroup {
  kind: 'hit';
  /** Grows with each update, so the log shows the latest first. */
  seq: number;
  method: string;
  url: string;
  pairId: number;
  status: number;
  count: number;
  lastTime: string;
}

/** A request that matched no recorded call, with the closest ones and what differed. */
export interface Miss {
  kind: 'miss';
  seq: number;
  time: string;
  method: string;
  url: string;
  status: number;
  nearest: NearMissDto[];
}

export type LogEntry = HitGroup | Miss;

interface Log {
  hits: Map<string, HitGroup>;
  misses: Miss[];
  /** Requests the server counted but did not send, and misses dropped here. */
  notShown: number;
}

export class MockLog {
  private readonly logs = new Map<string, Log>();
  private seq = 0;

  /** Adds a batch; returns whether anything changed. */
  matched(params: DidMatchParams): boolean {
    const log = this.logOf(params.mocksId);
    for (const match of params.matches) {
      this.add(log, match);
    }
    log.notShown += params.unsent;
    return params.matches.length > 0 || params.unsent > 0;
  }

  private logOf(mocksId: string): Log {
    let log = this.logs.get(mocksId);
    if (!log) {
      log = { hits: new Map(), misses: [], notShown: 0 };
      this.logs.set(mocksId, log);
    }
    return log;
  }

  private add(log: Log, match: MatchDto): void {
    const seq = ++this.seq;
    // A miss has no pair (JSON may carry it as null).
    if (typeof match.pairId !== 'number') {
      log.misses.push({ kind: 'miss', seq, ...match });
      if (log.misses.length > MAX_MISSES) {
        log.misses.shift();
        log.notShown++;
      }
      return;
    }
    const key = `${match.method} ${match.url} ${match.pairId}`;
    const group = log.hits.get(key);
    if (group) {
      group.seq = seq;
      group.count++;
      group.status = match.status;
      group.lastTime = match.time;
    } else {
      log.hits.set(key, {
        kind: 'hit',
        seq,
        method: match.method,
        url: match.url,
        pairId: match.pairId,
        status: match.status,
        count: 1,
        lastTime: match.time,
      });
    }
  }

  /** The log of one mocks, latest first. */
  entries(mocksId: string): LogEntry[] {
    const log = this.logs.get(mocksId);
    if (!log) {
      return [];
    }
    return [...log.hits.values(), ...log.misses].sort((a, b) => b.seq - a.seq);
  }

  counts(mocksId: string): { hits: number; misses: number; notShown: number } {
    const log = this.logs.get(mocksId);
    let hits = 0;
    log?.hits.forEach((group) => (hits += group.count));
    return { hits, misses: log?.misses.length ?? 0, notShown: log?.notShown ?? 0 };
  }

  miss(mocksId: string, seq: number): Miss | undefined {
    return this.logs.get(mocksId)?.misses.find((miss) => miss.seq === seq);
  }

  forget(mocksId: string): void {
    this.logs.delete(mocksId);
  }

  /** Forgets the logs of every mocks but these, e.g. those still running. */
  retain(mocksIds: readonly string[]): void {
    [...this.logs.keys()]
      .filter((id) => !mocksIds.includes(id))
      .forEach((id) => this.logs.delete(id));
  }
}

/** One difference as a line: `body amount: expected 3350, got 9999`. */
export function differenceText(difference: DifferenceDto): string {
  const part = difference.part.toLowerCase();
  const where = difference.where ? `${part} ${difference.where}` : part;
  const { expected, actual } = difference;
  if (typeof expected !== 'string') {
    return `${where}: not recorded, got ${actual ?? 'none'}`;
  }
  if (typeof actual !== 'string') {
    return `${where}: expected ${expected}, missing`;
  }
  return `${where}: expected ${expected}, got ${actual}`;
}

/** The text of a missed request's document, shown beside its closest recorded pair. */
export function missDocumentText(miss: Miss, snapshotName: string): string {
  const lines = [
    `# Missed request · ${shortTime(miss.time)}`,
    `# answered ${miss.status} by the mocks of ${snapshotName}`,
    '',
    `${miss.method} ${miss.url}`,
    '',
  ];
  if (miss.nearest.length === 0) {
    lines.push('# No recorded call comes close.');
  }
  miss.nearest.forEach((near, index) => {
    lines.push(
      index === 0 ? '# Closest recorded call, opened beside:' : `# Next closest, #${index + 1}:`,
      `#   pair ${near.pairId} ${near.method} ${near.url}`,
      '# What differed:',
      ...near.differences.map((difference) => `#   ${differenceText(difference)}`),
      '',
    );
  });
  return lines.join('\n') + '\n';
}
