import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { differenceText, MAX_MISSES, missDocumentText, MockLog } from '../mocks/mockLog';
import { children, mocksNodes, renderMock, type MockNode } from '../mocks/rows';
import type { MatchDto } from '../rpc/protocol';
import { MOCKS } from './mocksFixtures';
import { first } from './recordingsFixtures';

const URL = 'http://payments.example.test/v1/charges';

function hit(time: string, pairId = 3): MatchDto {
  return { time, method: 'POST', url: URL, pairId, status: 201, nearest: [] };
}

function miss(time: string, amount = '9999'): MatchDto {
  return {
    time,
    method: 'POST',
    url: URL,
    status: 599,
    nearest: [
      {
        pairId: 3,
        method: 'POST',
        url: 'https://payments.example.test/v1/charges',
        differences: [{ part: 'BODY', where: 'amount', expected: '3350', actual: amount }],
      },
      {
        pairId: 4,
        method: 'POST',
        url: 'https://payments.example.test/v1/refunds',
        differences: [
          { part: 'PATH', where: '', expected: '/v1/refunds', actual: '/v1/charges' },
          { part: 'HEADER', where: 'Idempotency-Key', expected: 'k1' },
        ],
      },
    ],
  };
}

function labels(rows: MockNode[], log: MockLog): string[] {
  return rows.map((row) => {
    const rendered = renderMock(row, log);
    return rendered.description ? `${rendered.label} | ${rendered.description}` : rendered.label;
  });
}

function logRows(log: MockLog): MockNode[] {
  const mocks = first(mocksNodes([MOCKS]));
  return children(first(children(mocks, log), 1), log);
}

describe('the mock log', () => {
  it('groups hits by endpoint and pair and keeps misses apart, latest first', () => {
    const log = new MockLog();
    log.matched({ mocksId: MOCKS.id, matches: [hit('2026-12-08T04:31:00Z')], unsent: 0 });
    log.matched({
      mocksId: MOCKS.id,
      matches: [miss('2026-12-08T04:31:01Z'), hit('2026-12-08T04:31:02Z')],
      unsent: 0,
    });

    assert.deepEqual(log.counts(MOCKS.id), { hits: 2, misses: 1, notShown: 0 });
    assert.deepEqual(labels(logRows(log), log), [
      'POST payments.example.test/v1/charges → pair 3 | 201 · 2× · last 04:31:02',
      'POST payments.example.test/v1/charges | miss · 599 · closest pair 3, 1 difference',
    ]);
    const mocksRow = renderMock(first(mocksNodes([MOCKS])), log);
    assert.equal(mocksRow.description, '127.0.0.1:41234 · 2 hits · 1 miss');
  });

  it('explains a miss by each difference from its closest recorded call, then the others', () => {
    const log = new MockLog();
    log.matched({ mocksId: MOCKS.id, matches: [miss('2026-12-08T04:31:01Z')], unsent: 0 });
    const missRow = first(logRows(log));
    assert.equal(renderMock(missRow, log).icon.color, 'charts.red');

    const under = children(missRow, log);
    assert.deepEqual(labels(under, log), [
      'body amount: expected 3350, got 9999',
      'closest: pair 3 POST payments.example.test/v1/charges',
      'also close: pair 4 POST payments.example.test/v1/refunds | 2 differences',
    ]);
    assert.deepEqual(labels(children(first(under, 2), log), log), [
      'path: expected /v1/refunds, got /v1/charges',
      'header Idempotency-Key: expected k1, missing',
    ]);
  });

  it('counts requests the server did not send, and misses dropped past the bound, as not shown', () => {
    const log = new MockLog();
    const many = Array.from({ length: MAX_MISSES + 5 }, (_, index) =>
      miss('2026-12-08T04:31:01Z', String(index)),
    );
    log.matched({ mocksId: MOCKS.id, matches: many, unsent: 7 });

    assert.deepEqual(log.counts(MOCKS.id), { hits: 0, misses: MAX_MISSES, notShown: 12 });
    const rows = logRows(log);
    assert.equal(labels(rows, log).at(-1), '12 more not shown');
    // The latest miss is kept, the first ones went.
    const latest = first(rows);
    assert.equal(latest.kind, 'miss');
    assert.equal(latest.miss.nearest[0]?.differences[0]?.actual, String(MAX_MISSES + 4));
  });

  it('says there is nothing yet, and forgets the logs of mocks no longer running', () => {
    const log = new MockLog();
    assert.deepEqual(labels(logRows(log), log), [
      'No requests yet: run your app with the environment above',
    ]);
    log.matched({ mocksId: MOCKS.id, matches: [hit('2026-12-08T04:31:00Z')], unsent: 0 });
    log.matched({ mocksId: 'other', matches: [hit('2026-12-08T04:31:00Z')], unsent: 0 });
    log.retain(['other']);
    assert.deepEqual(log.entries(MOCKS.id), []);
    assert.equal(log.entries('other').length, 1);
  });

  it('words each kind of difference', () => {
    assert.equal(
      differenceText({ part: 'METHOD', where: '', expected: 'GET', actual: 'POST' }),
      'method: expected GET, got POST',
    );
    assert.equal(
      differenceText({ part: 'QUERY', where: 'page', actual: '2' }),
      'query page: not recorded, got 2',
    );
    assert.equal(
      differenceText({ part: 'BODY', where: '$.amount', expected: '3350', actual: '9999' }),
      'body $.amount: expected 3350, got 9999',
    );
  });

  it('writes the missed request as a document naming the closest call and what differed', () => {
    const log = new MockLog();
    log.matched({ mocksId: MOCKS.id, matches: [miss('2026-12-08T04:31:01Z')], unsent: 0 });
    const entry = first(log.entries(MOCKS.id));
    assert.equal(entry.kind, 'miss');
    const text = missDocumentText(entry, 'shop');
    assert.match(text, /^POST http:\/\/payments\.example\.test\/v1\/charges$/m);
    assert.match(
      text,
      /^# Missed request · 2026-12-08 04:31:01\n# answered 599 by the mocks of shop$/m,
    );
    assert.match(
      text,
      /^# Closest recorded call, opened beside:\n# {3}pair 3 POST https:\/\/payments\.example\.test\/v1\/charges\n# What differed:\n# {3}body amount: expected 3350, got 9999$/m,
    );
    assert.match(text, /^# Next closest, #2:\n# {3}pair 4 /m);
  });
});
