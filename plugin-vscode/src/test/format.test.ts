import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ageText,
  clockText,
  cpuText,
  md,
  memoryText,
  requestsText,
  staleText,
} from '../cluster/format';

describe('format', () => {
  it('writes CPU and memory as kubectl does', () => {
    assert.equal(cpuText(250), '250m');
    assert.equal(cpuText(1000), '1');
    assert.equal(cpuText(1500), '1.5');
    assert.equal(cpuText(0), 'none');
    assert.equal(memoryText(128 * 1024 * 1024), '128Mi');
    assert.equal(memoryText(1.5 * 1024 * 1024 * 1024), '1.5Gi');
    assert.equal(memoryText(512 * 1024), '512Ki');
    assert.equal(requestsText({ cpuMillis: 0, memoryBytes: 0 }), 'none');
  });

  it('says since when data is stale in local time, with the day when it is not today', () => {
    const since = new Date(2025, 10, 25, 17, 2, 30);
    const sameDay = new Date(2025, 10, 25, 18, 0, 0);
    assert.equal(
      staleText({ stale: true, since: since.toISOString() }, sameDay),
      'stale since 17:02',
    );
    assert.equal(clockText(since.toISOString(), new Date(2025, 10, 26, 9, 0)), '25 Nov 17:02');
    assert.equal(staleText({ stale: true }), 'stale');
  });

  it('says how long ago something happened', () => {
    const now = new Date('2025-11-25T12:00:00Z');
    assert.equal(ageText('2025-11-25T11:59:30Z', now), '30 s ago');
    assert.equal(ageText('2025-11-25T11:55:00Z', now), '5 min ago');
    assert.equal(ageText('2025-11-25T09:00:00Z', now), '3 h ago');
    assert.equal(ageText('2025-11-20T12:00:00Z', now), '5 d ago');
  });

  it('escapes Markdown in names and messages from the cluster', () => {
    assert.equal(md('a_b *c* [d](e)'), 'a\\_b \\*c\\* \\[d\\]\\(e\\)');
  });
});
