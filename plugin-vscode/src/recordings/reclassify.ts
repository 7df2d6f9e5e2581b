// Marking a recorded host's pairs as outbound (mocks) or inbound (tests); free of the vscode
// module. The server reclassifies a whole host, so an endpoint or a pair row acts on its host.
import type { PairDirection, ReclassifyParams, ReclassifyResponse } from '../rpc/protocol';
import { directionCounts, type RecordingNode } from './model';

export interface HostCounts {
  inCount: number;
  outCount: number;
}

/**
 * What a row's contextValue ends with, so its menu offers only the moves that change
 * something: `.toOut` while the host has IN pairs, `.toIn` while it has OUT pairs.
 */
export function reclassifyContext(counts: HostCounts): string {
  return `${counts.inCount > 0 ? '.toOut' : ''}${counts.outCount > 0 ? '.toIn' : ''}`;
}

const WORDS: Record<PairDirection, string> = {
  OUT: 'outbound (mock)',
  IN: 'inbound (test)',
};

/** The request that marks the host of a host, endpoint or pair row; none for other rows. */
export function reclassifyParams(
  node: RecordingNode | undefined,
  direction: PairDirection,
): ReclassifyParams | undefined {
  switch (node?.kind) {
    case 'host':
      return { snapshotId: node.snapshotId, host: node.host.host, direction };
    case 'endpoint':
      return { snapshotId: node.snapshotId, host: node.host, direction };
    case 'pair':
      return { snapshotId: node.snapshotId, host: node.pair.host, direction };
    default:
      return undefined;
  }
}

/** What the user is told once the server has reclassified a host. */
export function reclassifiedMessage(params: ReclassifyParams, answer: ReclassifyResponse): string {
  const { snapshot } = answer;
  const counts = directionCounts(snapshot.inCount, snapshot.outCount);
  if (answer.changed === 0) {
    return `${params.host} is already ${WORDS[params.direction]}: nothing changed (${snapshot.name}: ${counts}).`;
  }
  const pairs = answer.changed === 1 ? '1 pair' : `${answer.changed} pairs`;
  return `Marked ${params.host} as ${WORDS[params.direction]}: ${pairs} changed; ${snapshot.name} now has ${counts}.`;
}
