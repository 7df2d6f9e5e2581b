// Recordings the view-model tests build their rows from, and a scripted stand-in for the server.
import assert from 'node:assert/strict';
import type { Tooltip } from '../cluster/nodes';
import type { RecordingsApi } from '../recordings/store';
import type { ListPairsParams, PairSummaryDto, SnapshotDto } from '../rpc/protocol';

export const SNAPSHOT: SnapshotDto = {
  id: 'snap-1',
  name: 'shop checkout',
  source: 'har:checkout.har',
  created: '2026-11-25T17:02:03.123Z',
  inCount: 12,
  outCount: 3,
  hosts: ['api.shop', 'payments.shop'],
  firstTimestamp: '2026-11-25T16:00:00Z',
  lastTimestamp: '2026-11-25T16:05:00Z',
  skippedCount: 2,
  state: 'COMPLETE',
};

export const SUMMARY: PairSummaryDto = {
  pairId: 7,
  direction: 'IN',
  timestamp: '2026-11-25T16:01:00Z',
  durationMillis: 42,
  host: 'api.shop',
  method: 'GET',
  url: '/orders/17?x=1',
  pathTemplate: '/orders/{id}',
  status: 404,
  requestBytes: 0,
  responseBytes: 20,
};

/** The first row, failing the test when there is none. */
export function first<T>(rows: T[], index = 0): T {
  const row = rows[index];
  assert.ok(row, `no row ${index}`);
  return row;
}

/** A row's tooltip as text: plain, or the Markdown source. */
export function tooltipText(tooltip: Tooltip): string {
  return typeof tooltip === 'string' ? tooltip : tooltip.markdown;
}

export function scriptedApi(
  pairs: PairSummaryDto[],
  total: number,
  calls: ListPairsParams[] = [],
): RecordingsApi {
  return {
    listSnapshots: () => Promise.resolve({ snapshots: [SNAPSHOT] }),
    listEndpoints: () =>
      Promise.resolve({
        snapshot: SNAPSHOT,
        hosts: [
          {
            host: 'api.shop',
            inCount: 12,
            outCount: 0,
            endpoints: [
              {
                method: 'GET',
                pathTemplate: '/orders/{id}',
                inCount: 12,
                outCount: 0,
                medianMillis: 40,
                p95Millis: 120,
                maxMillis: 15_000,
              },
            ],
          },
        ],
      }),
    listPairs: (params) => {
      calls.push(params);
      return Promise.resolve({ pairs, total });
    },
  };
}
