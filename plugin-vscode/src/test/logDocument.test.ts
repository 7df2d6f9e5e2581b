import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LogDocument, logPath, type LogTarget } from '../logs/logDocument';

const API: LogTarget = {
  context: 'admin',
  namespace: 'shop',
  kind: 'Deployment',
  name: 'api',
  sidecar: false,
};

function lines(doc: LogDocument): string[] {
  return doc.text().trimEnd().split('\n');
}

describe('LogDocument', () => {
  it('says what it follows, then the lines as they arrive', () => {
    const doc = new LogDocument(API, 100);
    assert.deepEqual(lines(doc), [
      '# Deployment api, app container · namespace shop · context admin',
      '# Starting to follow…',
    ]);
    doc.started('f1', ['api-1'], new Date(2025, 10, 25, 17, 2, 3));
    doc.append([{ pod: 'api-1', container: 'api', text: 'listening on :8080' }]);
    doc.append([{ pod: 'api-1', container: 'api', text: 'GET /health 200' }]);
    const text = lines(doc);
    assert.match(text[1] ?? '', /^# Following pods api-1 since 17:02:03 · Stop with/);
    assert.deepEqual(text.slice(2), ['listening on :8080', 'GET /health 200']);
    assert.equal(doc.following, true);
    assert.equal(doc.followId, 'f1');
  });

  it('prefixes each line with its pod when it follows several', () => {
    const doc = new LogDocument({ ...API, sidecar: true }, 100);
    doc.started('f1', ['api-1', 'api-2'], new Date());
    doc.append([
      { pod: 'api-1', container: 'kubereplay-sidecar', text: 'a' },
      { pod: 'api-2', container: 'kubereplay-sidecar', text: 'b' },
    ]);
    assert.match(lines(doc)[0] ?? '', /kubereplay sidecar/);
    assert.deepEqual(lines(doc).slice(2), ['[api-1] a', '[api-2] b']);
  });

  it('keeps the newest lines up to its cap and says how many it dropped', () => {
    const doc = new LogDocument(API, 3);
    doc.started('f1', ['api-1'], new Date());
    doc.append(['1', '2', '3', '4', '5'].map((text) => ({ pod: 'api-1', container: 'api', text })));
    assert.equal(doc.lineCount, 3);
    assert.deepEqual(lines(doc).slice(2), [
      '# … 2 earlier lines dropped (kubereplay.logs.maxLines)',
      '3',
      '4',
      '5',
    ]);
  });

  it('shows why the follow ended, and keeps the first reason', () => {
    const doc = new LogDocument(API, 10);
    doc.started('f1', ['api-1'], new Date(2025, 10, 25, 17, 2, 3));
    doc.ended('pod api-1 was deleted');
    doc.ended('stopped');
    assert.equal(doc.following, false);
    assert.equal(doc.followId, undefined);
    assert.deepEqual(lines(doc), [
      '# Deployment api, app container · namespace shop · context admin',
      '# Followed pods api-1 from 17:02:03',
      '# Ended: pod api-1 was deleted',
    ]);
  });

  it('shows why following could not start, and starts over clean', () => {
    const doc = new LogDocument(API, 10);
    doc.failed('forbidden: cannot get pods/log in namespace shop');
    assert.equal(
      lines(doc).at(-1),
      '# Could not follow the logs: forbidden: cannot get pods/log in namespace shop',
    );
    doc.restart();
    assert.equal(lines(doc).at(-1), '# Starting to follow…');
  });

  it('names its document after the workload, one segment per part', () => {
    assert.equal(logPath(API), '/admin/shop/Deployment/api.log');
    assert.equal(
      logPath({ ...API, context: 'arn:aws:eks:eu-west-1:1:cluster/shop', sidecar: true }),
      '/arn:aws:eks:eu-west-1:1:cluster%2Fshop/shop/Deployment/api (sidecar).log',
    );
  });
});
