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
import { Commands } from '../commands';
import { appendPage, loadMoreLabel, NO_PAIRS } from '../recordings/paging';
import { reclassifiedMessage, reclassifyParams } from '../recordings/reclassify';
import { RecordingsStore } from '../recordings/store';
import type { HostEndpointsDto, ListPairsParams, PairSummaryDto } from '../rpc/protocol';
import { first, scriptedApi, SNAPSHOT, SUMMARY, tooltipText } from './recordingsFixtures';

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
    assert.match(tooltipText(render(row).tooltip), /Click to load the next 200\./);

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

interface Manifest {
  contributes: {
    commands: { command: string; title: string }[];
    menus: Record<string, { command: string; when: string; group?: string }[]>;
  };
}

function manifest(): Manifest {
  return JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
  ) as Manifest;
}

function rowMenu(command: string) {
  const entry = manifest().contributes.menus['view/item/context']?.find(
    (item) => item.command === command,
  );
  assert.ok(entry, `${command} is in the rows' context menu`);
  return entry;
}

function menuPattern(command: string): RegExp {
  const match = /viewItem =~ \/(.+)\/$/.exec(rowMenu(command).when);
  assert.ok(match?.[1], `${command} has a viewItem pattern`);
  return new RegExp(match[1]);
}

const ENDPOINT_MARKS = {
  OUT: Commands.markEndpointOutbound,
  IN: Commands.markEndpointInbound,
} as const;
const HOST_MARKS = { OUT: Commands.markOutbound, IN: Commands.markInbound } as const;

/** Which of the commands' moves a row's menu offers: `OUT`, `IN`, `OUTIN` or none. */
function offers(marks: { OUT: string; IN: string }, node: RecordingNode): string {
  const context = render(node).contextValue;
  const toOut = menuPattern(marks.OUT);
  const toIn = menuPattern(marks.IN);
  return [toOut.test(context) ? 'OUT' : '', toIn.test(context) ? 'IN' : ''].join('');
}

describe('marking a host as outbound or inbound', () => {
  it('offers on host, endpoint and pair rows only the moves that change the host', () => {
    const inbound = first(hostNodes('snap-1', [{ ...MIXED, inCount: 5, outCount: 0 }]));
    assert.equal(offers(HOST_MARKS, inbound), 'OUT');
    const outbound = first(hostNodes('snap-1', [{ ...MIXED, inCount: 0, outCount: 5 }]));
    assert.equal(offers(HOST_MARKS, outbound), 'IN');
    const mixed = first(hostNodes('snap-1', [MIXED]));
    assert.equal(offers(HOST_MARKS, mixed), 'OUTIN');
    // An endpoint whose pairs are all OUT still offers both: the host commands mark the whole host.
    const charges = first(endpointNodes('snap-1', MIXED));
    assert.equal(offers(HOST_MARKS, charges), 'OUTIN');
    assert.equal(offers(HOST_MARKS, first(pairNodes(charges, [SUMMARY]))), 'OUTIN');
    assert.equal(offers(HOST_MARKS, snapshotNode(SNAPSHOT)), '');
  });

  it('asks the server to mark the host of the row', () => {
    const host = first(hostNodes('snap-1', [MIXED]));
    const endpoint: EndpointNode = first(endpointNodes('snap-1', MIXED));
    const pair = first(pairNodes(endpoint, [{ ...SUMMARY, host: 'payments.shop' }]));
    const expected = { snapshotId: 'snap-1', host: 'payments.shop', direction: 'OUT' };
    assert.deepEqual(reclassifyParams(host, 'OUT'), expected);
    assert.deepEqual(reclassifyParams(endpoint, 'OUT', 'host'), expected);
    assert.deepEqual(reclassifyParams(pair, 'OUT', 'host'), expected);
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

describe('marking one endpoint as outbound or inbound', () => {
  const MIXED_ENDPOINT = { method: 'PUT', pathTemplate: '/carts/{id}', inCount: 1, outCount: 1 };
  const host: HostEndpointsDto = {
    ...MIXED,
    inCount: 3,
    outCount: 4,
    endpoints: [...MIXED.endpoints, MIXED_ENDPOINT],
  };

  it('offers on an endpoint row only the moves that change that endpoint', () => {
    const [charges, health, carts] = endpointNodes('snap-1', host);
    assert.ok(charges && health && carts);
    // All OUT: only the way in, though the host also has IN pairs.
    assert.equal(offers(ENDPOINT_MARKS, charges), 'IN');
    assert.equal(offers(HOST_MARKS, charges), 'OUTIN');
    assert.equal(offers(ENDPOINT_MARKS, health), 'OUT');
    assert.equal(offers(ENDPOINT_MARKS, carts), 'OUTIN');
    assert.equal(render(charges).contextValue, 'kubereplay.endpoint.toOut.toIn.endpointToIn');
    assert.equal(render(health).contextValue, 'kubereplay.endpoint.toOut.toIn.endpointToOut');
  });

  it('offers on a pair row the move of its endpoint to the other direction', () => {
    const carts = first(endpointNodes('snap-1', host), 2);
    const [inbound, outbound] = pairNodes(carts, [
      { ...SUMMARY, pairId: 1, direction: 'IN' },
      { ...SUMMARY, pairId: 2, direction: 'OUT' },
    ]);
    assert.ok(inbound && outbound);
    assert.equal(offers(ENDPOINT_MARKS, inbound), 'OUT');
    assert.equal(offers(ENDPOINT_MARKS, outbound), 'IN');
    assert.equal(render(outbound).contextValue, 'kubereplay.pair.toOut.toIn.endpointToIn');
  });

  it('offers no endpoint move on host and snapshot rows', () => {
    assert.equal(offers(ENDPOINT_MARKS, first(hostNodes('snap-1', [host]))), '');
    assert.equal(offers(ENDPOINT_MARKS, snapshotNode(SNAPSHOT)), '');
  });

  it('keeps the host and the endpoint moves apart in the menus', () => {
    const hostToOut = menuPattern(Commands.markOutbound);
    const hostToIn = menuPattern(Commands.markInbound);
    const endpointToOut = menuPattern(Commands.markEndpointOutbound);
    const endpointToIn = menuPattern(Commands.markEndpointInbound);
    assert.equal(hostToOut.test('kubereplay.endpoint.endpointToOut'), false);
    assert.equal(hostToIn.test('kubereplay.pair.endpointToIn'), false);
    assert.equal(endpointToOut.test('kubereplay.endpoint.toOut'), false);
    assert.equal(endpointToIn.test('kubereplay.pair.toIn'), false);
    assert.equal(endpointToOut.test('kubereplay.recordedHost.endpointToOut'), false);
    assert.equal(endpointToOut.test('kubereplay.endpoint.toIn.endpointToOut'), true);
  });

  it('contributes titles that say what is marked, only as row menus, endpoint first', () => {
    const { commands, menus } = manifest().contributes;
    const title = (command: string) => commands.find((item) => item.command === command)?.title;
    assert.equal(title(Commands.markOutbound), 'Mark Host as Outbound (Mock)');
    assert.equal(title(Commands.markInbound), 'Mark Host as Inbound (Test)');
    assert.equal(title(Commands.markEndpointOutbound), 'Mark Endpoint as Outbound (Mock)');
    assert.equal(title(Commands.markEndpointInbound), 'Mark Endpoint as Inbound (Test)');
    for (const command of [...Object.values(HOST_MARKS), ...Object.values(ENDPOINT_MARKS)]) {
      assert.match(rowMenu(command).when, /^view == kubereplay\.recordings && /);
      const palette = menus['commandPalette']?.find((item) => item.command === command);
      assert.equal(palette?.when, 'false', `${command} needs a row: not in the palette`);
    }
    assert.deepEqual(
      [
        Commands.markEndpointOutbound,
        Commands.markEndpointInbound,
        Commands.markOutbound,
        Commands.markInbound,
      ].map((command) => rowMenu(command).group),
      ['3_direction@1', '3_direction@2', '3_direction@3', '3_direction@4'],
    );
  });

  it('asks the server to mark the endpoint of an endpoint or a pair row', () => {
    const endpoint = first(endpointNodes('snap-1', MIXED));
    assert.deepEqual(reclassifyParams(endpoint, 'IN', 'endpoint'), {
      snapshotId: 'snap-1',
      host: 'payments.shop',
      method: 'POST',
      pathTemplate: '/charges',
      direction: 'IN',
    });
    // A pair names its own endpoint.
    const pair = first(pairNodes(endpoint, [{ ...SUMMARY, host: 'payments.shop' }]));
    assert.deepEqual(reclassifyParams(pair, 'OUT', 'endpoint'), {
      snapshotId: 'snap-1',
      host: 'payments.shop',
      method: 'GET',
      pathTemplate: '/orders/{id}',
      direction: 'OUT',
    });
    assert.equal(
      reclassifyParams(first(hostNodes('snap-1', [MIXED])), 'OUT', 'endpoint'),
      undefined,
    );
    assert.equal(reclassifyParams(snapshotNode(SNAPSHOT), 'OUT', 'endpoint'), undefined);
    assert.equal(reclassifyParams(undefined, 'OUT', 'endpoint'), undefined);
  });

  it('names the endpoint in what the user is told', () => {
    const params = {
      snapshotId: 'snap-1',
      host: 'shop.example.test',
      method: 'POST',
      pathTemplate: '/api/login',
      direction: 'OUT',
    } as const;
    assert.equal(
      reclassifiedMessage(params, {
        changed: 1,
        snapshot: { ...SNAPSHOT, name: 'chromium-shop.har', inCount: 7, outCount: 1 },
      }),
      'Marked POST shop.example.test/api/login as outbound (mock): 1 pair changed; chromium-shop.har now has IN 7 · OUT 1.',
    );
    assert.equal(
      reclassifiedMessage({ ...params, direction: 'IN' }, { changed: 0, snapshot: SNAPSHOT }),
      'POST shop.example.test/api/login is already inbound (test): nothing changed (shop checkout: IN 12 · OUT 3).',
    );
  });
});

describe('a recording’s state', () => {
  it('marks a recording that is still recording', () => {
    const row = render(snapshotNode({ ...SNAPSHOT, state: 'RECORDING' }));
    assert.equal(row.description, 'recording… · IN 12 · OUT 3 · 2026-11-25 17:02:03');
    assert.deepEqual(row.icon, { id: 'circle-large-filled', color: 'charts.red' });
    assert.match(tooltipText(row.tooltip), /^shop checkout\nRecording: pairs are still arriving/);
  });

  it('warns about an interrupted recording and says what it holds', () => {
    const row = render(snapshotNode({ ...SNAPSHOT, state: 'INTERRUPTED' }));
    assert.equal(row.description, 'interrupted · IN 12 · OUT 3 · 2026-11-25 17:02:03');
    assert.deepEqual(row.icon, { id: 'warning', color: 'charts.yellow' });
    assert.match(
      tooltipText(row.tooltip),
      /the server went away while this was recording\. It holds the pairs that arrived before that/,
    );
  });

  it('draws a complete recording plainly', () => {
    const row = render(snapshotNode(SNAPSHOT));
    assert.equal(row.description, 'IN 12 · OUT 3 · 2026-11-25 17:02:03');
    assert.deepEqual(row.icon, { id: 'record' });
    assert.doesNotMatch(tooltipText(row.tooltip), /Recording:|Interrupted:/);
  });
});
