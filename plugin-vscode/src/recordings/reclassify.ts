// Marking recorded pairs as outbound (mocks) or inbound (tests); free of the vscode module.
// Two scopes: the host commands mark every pair of the row's host (on a host, an endpoint or a
// pair row); the endpoint commands mark only the pairs of one endpoint (the endpoint row's, or
// the pair row's method and path template), leaving the host's other endpoints as they are.
import type {
  PairDirection,
  PairSummaryDto,
  ReclassifyParams,
  ReclassifyResponse,
} from '../rpc/protocol';
import { directionCounts, type RecordingNode } from './model';

/** How many pairs of a host, an endpoint or a single pair are IN and OUT. */
export interface PairCounts {
  inCount: number;
  outCount: number;
}

/** What a mark command acts on: every pair of the row's host, or of the row's endpoint. */
export type ReclassifyScope = 'host' | 'endpoint';

/** A pair's direction as counts: a pair row offers to move its endpoint to the other direction. */
export function pairCounts(pair: PairSummaryDto): PairCounts {
  return { inCount: pair.direction === 'IN' ? 1 : 0, outCount: pair.direction === 'OUT' ? 1 : 0 };
}

/**
 * What a row's contextValue ends with, so its menu offers only the moves that change
 * something: `.toOut` while the host has IN pairs, `.toIn` while it has OUT pairs; with the
 * counts of the row's endpoint (or pair), `.endpointToOut` and `.endpointToIn` the same way.
 */
export function reclassifyContext(host: PairCounts, endpoint?: PairCounts): string {
  const moves = [
    host.inCount > 0 ? '.toOut' : '',
    host.outCount > 0 ? '.toIn' : '',
    endpoint && endpoint.inCount > 0 ? '.endpointToOut' : '',
    endpoint && endpoint.outCount > 0 ? '.endpointToIn' : '',
  ];
  return moves.join('');
}

const WORDS: Record<PairDirection, string> = {
  OUT: 'outbound (mock)',
  IN: 'inbound (test)',
};

/**
 * The request that marks the host of a host, endpoint or pair row, or the endpoint of an
 * endpoint or pair row; none for other rows.
 */
export function reclassifyParams(
  node: RecordingNode | undefined,
  direction: PairDirection,
  scope: ReclassifyScope = 'host',
): ReclassifyParams | undefined {
  if (scope === 'endpoint') {
    switch (node?.kind) {
      case 'endpoint': {
        const { method, pathTemplate } = node.endpoint;
        return { snapshotId: node.snapshotId, host: node.host, method, pathTemplate, direction };
      }
      case 'pair': {
        const { host, method, pathTemplate } = node.pair;
        return { snapshotId: node.snapshotId, host, method, pathTemplate, direction };
      }
      default:
        return undefined;
    }
  }
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

/** What a request marks, as the user reads it: `shop.example.test` or `POST shop.example.test/api/login`. */
export function reclassifiedTarget(params: ReclassifyParams): string {
  if (!params.pathTemplate) {
    return params.host;
  }
  return `${params.method ? `${params.method} ` : ''}${params.host}${params.pathTemplate}`;
}

/** What the user is told once the server has reclassified a host or an endpoint. */
export function reclassifiedMessage(params: ReclassifyParams, answer: ReclassifyResponse): string {
  const { snapshot } = answer;
  const target = reclassifiedTarget(params);
  const counts = directionCounts(snapshot.inCount, snapshot.outCount);
  if (answer.changed === 0) {
    return `${target} is already ${WORDS[params.direction]}: nothing changed (${snapshot.name}: ${counts}).`;
  }
  const pairs = answer.changed === 1 ? '1 pair' : `${answer.changed} pairs`;
  return `Marked ${target} as ${WORDS[params.direction]}: ${pairs} changed; ${snapshot.name} now has ${counts}.`;
}
