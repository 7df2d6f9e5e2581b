import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  endpointNodes,
  hostNodes,
  pairNodes,
  render,
  snapshotNode,
  type EndpointNode,
  type RecordingNode,
} from '../recordings/model';
import { appendPage, loadMoreLabel, NO_PAIRS } from '../recordings/paging';
import { reclassifiedMessage, reclassifyParams } from '../recordings/reclassify';
import { RecordingsStore } from '../recordings/store';
import type { HostEndpointsDto, ListPairsParams, PairSummaryDto } from '../rpc/protocol';
import { first, scriptedApi, SNAPSHOT, SUMMARY } from './recordingsFixtures';

function pairs(count: number, from = 1): PairSummaryDto[] {
  return Array.from({ length: count }, (_, index) => ({ ...SUMMARY, pairId: from + index }));
}

/** An endpoint row whose server holds `total` pairs and answers pages as the real one does. */
async function endpointWith(total: number, calls: ListPairsParams[]) {
  const all = pairs(total);
  const store = new RecordingsStore({
    ...scriptedApi([], 0),
    listPairs: (params) => {
      calls.push(params);
      const page = all.slice(params.offset, params.offset + params.limit);
      return Promise.resolve({ pairs: page, total });
    },
  });
  const snapshot = first(await store.children());
  const host = first(await store.children(snapshot));
  const endpoint = first(await store.children(host));
  return { store, endpoint };
}

function more(rows: RecordingNode[]) {
  const last = rows[rows.length - 1];
  return last?.kind === 'more' ? last : undefined;
}

describe('an endpoint with more pairs than a page', () => {
  it('lists the first page and a row that loads the next one, appending it', async () => {
    const calls: ListPairsParams[] = [];
    const { store, endpoint } = await endpointWith(450, calls);
    let rows = await store.children(endpoint);
    assert.equal(rows.length, 201);
    const row = more(rows);
    assert.ok(row);
    assert.equal(render(row).label, 'Load more (200 of 450)');
    assert.match(render(row).tooltip, /Click to load the next 200\./);

    await store.loadMore(row);
    rows = await store.children(endpoint);
    assert.equal(rows.filter((node) => node.kind === 'pair').length, 400);
    const second = more(rows);
    assert.ok(second);
    assert.equal(render(second).label, 'Load more (400 of 450)');

    await store.loadMore(second);
    rows = await store.children(endpoint);
    assert.equal(rows.length, 450, 'all pairs and no more row');
    assert.equal(more(rows), undefined);
    assert.equal(new Set(rows.map((node) => node.id)).size, 450, 'every row has its own id');
    assert.deepEqual(
      calls.map((call) => [call.offset, call.limit]),
      [
        [0, 200],
        [200, 200],
        [400, 200],
      ],
    );
  });

  it('keeps as many pairs loaded after a refresh as the user had loaded', async () => {
    const calls: ListPairsParams[] = [];
    const { store, endpoint } = await endpointWith(450, calls);
    const row = more(await store.children(endpoint));
    assert.ok(row);
    await store.loadMore(row);
    calls.length = 0;
    store.invalidate();
    const rows = await store.children(endpoint);
    assert.equal(rows.filter((node) => node.kind === 'pair').length, 400);
    assert.equal(render(rows[400] ?? row).label, 'Load more (400 of 450)');
    assert.deepEqual(
      calls.map((call) => call.offset),
      [0, 200],
    );
  });

  it('asks the server again only after a refresh', async () => {
    const calls: ListPairsParams[] = [];
    const { store, endpoint } = await endpointWith(3, calls);
    await store.children(endpoint);
    await store.children(endpoint);
    assert.equal(calls.length, 1);
    store.invalidate();
    await store.children(endpoint);
    assert.equal(calls.length, 2);
  });

  it('lists a pair once when the recording grew between two pages, and stops at an empty page', () => {
    const loaded = appendPage(NO_PAIRS, { pairs: pairs(200), total: 300 });
    // Two pairs arrived before the first: the next page starts with the last two seen.
    const next = appendPage(loaded, { pairs: pairs(100, 199), total: 302 });
    assert.equal(next.pairs.length, 298);
    assert.equal(new Set(next.pairs.map((pair) => pair.pairId)).size, 298);
    assert.equal(next.total, 302);
    // Pairs deleted meanwhile: nothing at the offset, so nothing more to load.
    assert.deepEqual(appendPage(next, { pairs: [], total: 302 }).total, 298);
  });

  it('writes large counts with separators', () => {
    assert.equal(loadMoreLabel(1200, 12345), 'Load more (1,200 of 12,345)');
  });
});

const MIXED: HostEndpointsDto = {
  host: 'payments.shop',
  inCount: 2,
  outCount: 3,
  endpoints: [
    { method: 'POST', pathTemplate: '/charges', inCount: 0, outCount: 3 },
    { method: 'GET', pathTemplate: '/health', inCount: 2, outCount: 0 },
  ],
};

function menuPattern(command: string): RegExp {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
  ) as { contributes: { menus: Record<string, { command: string; when: string }[]> } };
  const entry = manifest.contributes.menus['view/item/context']?.find(
    (item) => item.command === command,
  );
  const match = /viewItem =~ \/(.+)\/$/.exec(entry?.when ?? '');
  assert.ok(match?.[1], `${command} has a viewItem pattern`);
  return new RegExp(match[1]);
}

describe('marking a host as outbound or inbound', () => {
  const toOut = menuPattern('kubereplay.markOutbound');
  const toIn = menuPattern('kubereplay.markInbound');
  const offers = (node: RecordingNode) => {
    const context = render(node).contextValue;
    return [toOut.test(context) ? 'OUT' : '', toIn.test(context) ? 'IN' : ''].join('');
  };

  it('offers on host, endpoint and pair rows only the moves that change the host', () => {
    const inbound = first(hostNodes('snap-1', [{ ...MIXED, inCount: 5, outCount: 0 }]));
    assert.equal(offers(inbound), 'OUT');
    const outbound = first(hostNodes('snap-1', [{ ...MIXED, inCount: 0, outCount: 5 }]));
    assert.equal(offers(outbound), 'IN');
    const mixed = first(hostNodes('snap-1', [MIXED]));
    assert.equal(offers(mixed), 'OUTIN');
    // An endpoint whose pairs are all OUT still offers both: the server marks the whole host.
    const charges = first(endpointNodes('snap-1', MIXED));
    assert.equal(offers(charges), 'OUTIN');
    assert.equal(offers(first(pairNodes(charges, [SUMMARY]))), 'OUTIN');
    assert.equal(offers(snapshotNode(SNAPSHOT)), '');
  });

  it('asks the server to mark the host of the row', () => {
    const host = first(hostNodes('snap-1', [MIXED]));
    const endpoint: EndpointNode = first(endpointNodes('snap-1', MIXED));
    const pair = first(pairNodes(endpoint, [{ ...SUMMARY, host: 'payments.shop' }]));
    const expected = { snapshotId: 'snap-1', host: 'payments.shop', direction: 'OUT' };
    assert.deepEqual(reclassifyParams(host, 'OUT'), expected);
    assert.deepEqual(reclassifyParams(endpoint, 'OUT'), expected);
    assert.deepEqual(reclassifyParams(pair, 'OUT'), expected);
    assert.equal(reclassifyParams(snapshotNode(SNAPSHOT), 'IN'), undefined);
    assert.equal(reclassifyParams(undefined, 'IN'), undefined);
  });

  it('says how many pairs changed and the recording’s new counts', () => {
    const params = { snapshotId: 'snap-1', host: 'payments.shop', direction: 'OUT' } as const;
    assert.equal(
      reclassifiedMessage(params, {
        changed: 2,
        snapshot: { ...SNAPSHOT, inCount: 10, outCount: 5 },
      }),
      'Marked payments.shop as outbound (mock): 2 pairs changed; shop checkout now has IN 10 · OUT 5.',
    );
    assert.equal(
      reclassifiedMessage({ ...params, direction: 'IN' }, { changed: 0, snapshot: SNAPSHOT }),
      'payments.shop is already inbound (test): nothing changed (shop checkout: IN 12 · OUT 3).',
    );
  });
});

describe('a recording’s state', () => {
  it('marks a recording that is still recording', () => {
    const row = render(snapshotNode({ ...SNAPSHOT, state: 'RECORDING' }));
    assert.equal(row.description, 'recording… · IN 12 · OUT 3 · 2026-11-25 17:02:03');
    assert.deepEqual(row.icon, { id: 'circle-large-filled', color: 'charts.red' });
    assert.match(row.tooltip, /^shop checkout\nRecording: pairs are still arriving/);
  });

  it('warns about an interrupted recording and says what it holds', () => {
    const row = render(snapshotNode({ ...SNAPSHOT, state: 'INTERRUPTED' }));
    assert.equal(row.description, 'interrupted · IN 12 · OUT 3 · 2026-11-25 17:02:03');
    assert.deepEqual(row.icon, { id: 'warning', color: 'charts.yellow' });
    assert.match(
      row.tooltip,
      /the server went away while this was recording\. It holds the pairs that arrived before that/,
    );
  });

  it('draws a complete recording plainly', () => {
    const row = render(snapshotNode(SNAPSHOT));
    assert.equal(row.description, 'IN 12 · OUT 3 · 2026-11-25 17:02:03');
    assert.deepEqual(row.icon, { id: 'record' });
    assert.doesNotMatch(row.tooltip, /Recording:|Interrupted:/);
  });
});
