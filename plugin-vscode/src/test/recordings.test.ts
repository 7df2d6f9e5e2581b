import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DesktopRecordings,
  startParams,
  validateListen,
  validateUpstream,
} from '../recordings/desktop';
import {
  pairDocumentText,
  pairPath,
  parsePairPath,
  reportSummary,
  reportText,
} from '../recordings/documents';
import { ImportWatcher, ProgressTracker } from '../recordings/imports';
import {
  deleteSnapshotConfirmation,
  exportFileName,
  pathOf,
  render,
  snapshotNode,
  statusIcon,
  validateName,
} from '../recordings/model';
import { RecordingsStore } from '../recordings/store';
import type {
  DidFinishImportParams,
  DidProgressParams,
  ImportReportDto,
  ListPairsParams,
  PairDto,
} from '../rpc/protocol';
import { first, scriptedApi, SNAPSHOT, SUMMARY, tooltipText } from './recordingsFixtures';

describe('the Recordings tree', () => {
  it('draws a snapshot with its counts, creation time and a tooltip with source, hosts, span', () => {
    const row = render(snapshotNode(SNAPSHOT));
    assert.equal(row.label, 'shop checkout');
    assert.equal(row.description, 'IN 12 · OUT 3 · 2026-11-25 17:02:03');
    assert.equal(row.contextValue, 'kubereplay.snapshot');
    assert.equal(row.collapse, 'collapsed');
    const tooltip = tooltipText(row.tooltip);
    assert.match(tooltip, /Source: har:checkout\.har/);
    assert.match(tooltip, /Hosts: api\.shop, payments\.shop/);
    assert.match(tooltip, /Time span: 2026-11-25 16:00:00 – 2026-11-25 16:05:00/);
    assert.match(tooltip, /Skipped on import: 2/);
  });

  it('goes snapshot → host → endpoint → pairs, asking for the endpoint’s pairs', async () => {
    const calls: ListPairsParams[] = [];
    const store = new RecordingsStore(scriptedApi([SUMMARY], 1, calls));
    const snapshot = first(await store.children());
    assert.equal(snapshot.kind, 'snapshot');
    const host = first(await store.children(snapshot));
    assert.equal(host.kind, 'host');
    assert.equal(render(host).label, 'api.shop');
    assert.equal(render(host).description, 'IN 12 · OUT 0');
    const endpoint = first(await store.children(host));
    const endpointRow = render(endpoint);
    assert.equal(endpointRow.label, 'GET /orders/{id}');
    assert.equal(endpointRow.description, '12 · p50 40 ms · p95 120 ms · max 15.0 s');
    const pairs = await store.children(endpoint);
    assert.equal(pairs.length, 1);
    const pair = first(pairs);
    assert.deepEqual(calls, [
      {
        snapshotId: 'snap-1',
        host: 'api.shop',
        method: 'GET',
        pathTemplate: '/orders/{id}',
        offset: 0,
        limit: 200,
      },
    ]);
    const pairRow = render(pair);
    assert.equal(pairRow.label, '404 GET /orders/17?x=1');
    assert.equal(pairRow.description, '42 ms · IN · 2026-11-25 16:01:00');
    assert.deepEqual(pairRow.icon, { id: 'warning', color: 'charts.yellow' });
    assert.equal(pairRow.collapse, 'none');
  });

  it('shows a failed request as an error row with the server’s message', async () => {
    const store = new RecordingsStore({
      ...scriptedApi([], 0),
      listSnapshots: () => Promise.reject(new Error('store is locked')),
    });
    const row = first(await store.children());
    assert.equal(row.kind, 'message');
    const rendered = render(row);
    assert.equal(rendered.description, 'store is locked');
    assert.deepEqual(rendered.icon, { id: 'error', color: 'errorForeground' });
  });

  it('has no rows without recordings, so the view shows its welcome content', async () => {
    const store = new RecordingsStore({
      ...scriptedApi([], 0),
      listSnapshots: () => Promise.resolve({ snapshots: [] }),
    });
    assert.deepEqual(await store.children(), []);
  });

  it('labels a pair by the path of its URL, the host being its parent row', () => {
    assert.equal(pathOf('https://api.shop:8443/a/b?c=1'), '/a/b?c=1');
    assert.equal(pathOf('http://api.shop'), '/');
    assert.equal(pathOf('/orders'), '/orders');
  });

  it('colours statuses by class', () => {
    assert.equal(statusIcon(200).color, 'charts.green');
    assert.equal(statusIcon(302).color, 'charts.blue');
    assert.equal(statusIcon(404).color, 'charts.yellow');
    assert.equal(statusIcon(503).color, 'charts.red');
    assert.equal(statusIcon(0).color, 'disabledForeground');
  });
});

describe('a pair document', () => {
  const pair: PairDto = {
    summary: { ...SUMMARY, status: 200, method: 'POST', url: 'https://api.shop/orders' },
    httpVersion: 'HTTP/1.1',
    statusMessage: 'OK',
    uuid: 'u-1',
    tags: { env: 'prod' },
    request: {
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      body: { size: 11, contentType: 'application/json', text: '{"a": 1}', prettyPrinted: true },
    },
    response: {
      headers: [{ name: 'Content-Type', value: 'image/png' }],
      body: { size: 4, contentType: 'image/png', base64: 'iVBORw==', prettyPrinted: false },
    },
  };

  it('shows request and response with start lines, headers and bodies; binary as base64', () => {
    const text = pairDocumentText(pair);
    assert.equal(
      text,
      [
        '# IN pair 7 · 2026-11-25 16:01:00 · 42 ms · api.shop',
        '# uuid u-1',
        '# tags env=prod',
        '',
        'POST https://api.shop/orders HTTP/1.1',
        'Content-Type: application/json',
        '',
        '{"a": 1}',
        '',
        '###',
        '',
        'HTTP/1.1 200 OK',
        'Content-Type: image/png',
        '',
        '# binary, image/png, 4 bytes, base64:',
        'iVBORw==',
        '',
      ].join('\n'),
    );
  });

  it('lists tags by name, so a pair reads the same each time it opens', () => {
    const text = pairDocumentText({ ...pair, tags: { resourceType: 'fetch', page: 'page_1' } });
    assert.match(text, /^# tags page=page_1, resourceType=fetch$/m);
  });

  it('says when no response was recorded, and leaves out empty bodies', () => {
    const text = pairDocumentText({
      ...pair,
      summary: { ...pair.summary, status: 0 },
      uuid: undefined,
      tags: {},
      request: { headers: [], body: { size: 0, prettyPrinted: false } },
    });
    assert.match(
      text,
      /POST https:\/\/api\.shop\/orders HTTP\/1\.1\n\n###\n\n# no response was recorded\n$/,
    );
  });

  it('is named by a path that gives back the snapshot and pair ids', () => {
    const path = pairPath('snap/1', SUMMARY);
    assert.equal(path, '/snap%2F1/7 GET api.shop.http');
    assert.deepEqual(parsePairPath(path), { snapshotId: 'snap/1', pairId: 7 });
    assert.equal(parsePairPath('/nothing'), undefined);
  });
});

describe('an import report', () => {
  const report: ImportReportDto = {
    snapshot: SNAPSHOT,
    format: 'har',
    hosts: [
      { host: 'api.shop', inCount: 12, outCount: 0 },
      { host: 'payments.shop', inCount: 0, outCount: 3 },
    ],
    skipped: [{ entry: 'entry 4 (GET wss://api.shop/ws)', reason: 'WebSocket upgrade' }],
    skippedCount: 2,
    unresolvedVariables: ['baseUrl'],
    bytesRead: 2048,
    elapsedMillis: 120,
    warnings: [
      {
        entry: 'line 9',
        message:
          'GET http://api.shop/feed: response body kept gzip-coded, not checked for credentials: gzip expands past the 64 MiB decoding limit',
      },
    ],
    warningCount: 1,
  };

  it('reads as counts per host, skipped entries with reasons and unresolved variables', () => {
    const text = reportText(report);
    assert.match(text, /^Import report: shop checkout\n/);
    assert.match(text, /Format: {4}har/);
    assert.match(text, /Pairs: {5}IN 12 · OUT 3/);
    assert.match(text, /Read: {6}2\.0 KB in 120 ms/);
    assert.match(text, / {2}payments\.shop {2}IN 0 · OUT 3/);
    assert.match(
      text,
      / {2}entry 4 \(GET wss:\/\/api\.shop\/ws\): WebSocket upgrade\n {2}… and 1 more/,
    );
    assert.match(text, /Unresolved variables:\n {2}\{\{baseUrl\}\}/);
  });

  it('lists the entries imported with warnings, naming the request', () => {
    assert.match(
      reportText(report),
      /Imported with warnings:\n {2}line 9: GET http:\/\/api\.shop\/feed: response body kept gzip-coded, not checked for credentials: gzip expands past the 64 MiB decoding limit\n/,
    );
  });

  it('sums up in one line', () => {
    assert.equal(reportSummary(report), 'Imported shop checkout: IN 12 · OUT 3, 2 skipped.');
  });
});

describe('import progress', () => {
  const progress = (done: number, total: number, message = 'Reading'): DidProgressParams => ({
    operationId: 'op',
    done,
    total,
    message,
  });

  it('turns done/total into increments that add up to 100', () => {
    const tracker = new ProgressTracker();
    const steps = [progress(25, 100), progress(25, 100), progress(60, 100), progress(100, 100)].map(
      (params) => tracker.step(params),
    );
    assert.deepEqual(
      steps.map((step) => step.increment),
      [25, undefined, 35, 40],
    );
    assert.equal(steps[0]?.message, 'Reading (25/100)');
  });

  it('has no increment when the total is unknown', () => {
    assert.deepEqual(new ProgressTracker().step(progress(300, 0, '')), { message: '300' });
  });

  it('routes notifications to their import, also those that arrive before it is watched', () => {
    const watcher = new ImportWatcher();
    const seen: string[] = [];
    watcher.progress(progress(1, 2));
    watcher.watch('op', {
      progress: (params) => seen.push(`progress ${params.done}`),
      finished: (params: DidFinishImportParams) =>
        seen.push(`finished ${params.error?.code ?? 'ok'}`),
    });
    watcher.progress({ ...progress(2, 2), operationId: 'other' });
    watcher.progress(progress(2, 2));
    watcher.finished({ operationId: 'op' });
    watcher.finished({ operationId: 'op' });
    assert.deepEqual(seen, ['progress 1', 'progress 2', 'finished ok']);
  });

  it('ends running imports with an error when the server stops', () => {
    const watcher = new ImportWatcher();
    let error: string | undefined;
    watcher.watch('op', {
      progress: () => undefined,
      finished: (params) => (error = params.error?.message),
    });
    watcher.serverStopped();
    assert.match(error ?? '', /server stopped/);
  });
});

describe('recording commands', () => {
  it('suggests a file name from the recording’s name', () => {
    assert.equal(exportFileName(SNAPSHOT, 'har'), 'shop-checkout.har');
    assert.equal(exportFileName({ ...SNAPSHOT, name: '///' }, 'jsonl'), 'recording.jsonl');
  });

  it('requires a name and asks before deleting', () => {
    assert.equal(validateName('  '), 'A name is required.');
    assert.equal(validateName('x'), undefined);
    const confirmation = deleteSnapshotConfirmation(SNAPSHOT);
    assert.equal(confirmation.message, 'Delete the recording shop checkout?');
    assert.match(confirmation.detail, /15 pairs \(IN 12 · OUT 3\)/);
    assert.equal(confirmation.confirm, 'Delete');
  });
});

describe('desktop recordings', () => {
  it('checks the listen address and the upstream URL', () => {
    assert.equal(validateListen('127.0.0.1:8081'), undefined);
    assert.match(validateListen('8081') ?? '', /host:port/);
    assert.match(validateListen('localhost:70000') ?? '', /host:port/);
    assert.equal(validateUpstream('http://localhost:8080'), undefined);
    assert.match(validateUpstream('localhost:8080') ?? '', /URL/);
  });

  it('asks for a forward proxy when there is no upstream, and drops an empty name', () => {
    assert.deepEqual(startParams(' 127.0.0.1:8081 ', 'http://localhost:8080', ' '), {
      listen: '127.0.0.1:8081',
      upstream: 'http://localhost:8080',
      forward: false,
      name: undefined,
    });
    assert.equal(startParams('127.0.0.1:3128', undefined, 'deps').forward, true);
  });

  it('sends the keys of the redaction setting with a recording', () => {
    assert.deepEqual(
      startParams('127.0.0.1:0', 'http://localhost:8080', 'x', ['card_number']).redactKeys,
      ['card_number'],
    );
    assert.equal(
      startParams('127.0.0.1:0', 'http://localhost:8080', 'x', []).redactKeys,
      undefined,
    );
  });

  it('counts what the server records and says so in the status bar', () => {
    const desktop = new DesktopRecordings();
    let changes = 0;
    desktop.onDidChange(() => changes++);
    assert.equal(desktop.statusText(), undefined);
    desktop.started({ recordingId: 'r1', address: '127.0.0.1:8081', snapshotId: 's1' }, false);
    assert.equal(desktop.recorded({ recordingId: 'r1', pairs: 3, lastRequest: 'GET /a' }), true);
    assert.equal(desktop.recorded({ recordingId: 'other', pairs: 9, lastRequest: '' }), false);
    assert.equal(desktop.statusText(), '$(record) Recording on 127.0.0.1:8081: 3 pairs');
    assert.match(desktop.statusTooltip(), /Reverse proxy 127\.0\.0\.1:8081: 3 pairs, last GET \/a/);
    desktop.stopped('r1');
    assert.equal(desktop.statusText(), undefined);
    assert.equal(changes, 3);
  });
});
