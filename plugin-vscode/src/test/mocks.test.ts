import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render, snapshotNode } from '../recordings/model';
import { environmentText, RunningMocks, settingsPathIn, startMocksParams } from '../mocks/running';
import { MOCKS } from './mocksFixtures';
import { SNAPSHOT, tooltipText } from './recordingsFixtures';

describe('running mocks', () => {
  it('follows start, stop and list, telling listeners each time', () => {
    const running = new RunningMocks();
    let changes = 0;
    const undo = running.onDidChange(() => changes++);
    const other = { ...MOCKS, id: 'mocks-2', snapshotId: 'snap-2', address: '127.0.0.1:5000' };

    running.started(MOCKS);
    running.started(other);
    assert.deepEqual(running.ofSnapshot(SNAPSHOT.id), [MOCKS]);
    running.stopped('mocks-1');
    assert.deepEqual(running.ofSnapshot(SNAPSHOT.id), []);
    assert.deepEqual(running.all, [other]);
    running.stopped('mocks-1'); // already gone: nothing to tell
    running.listed([MOCKS]);
    assert.deepEqual(running.all, [MOCKS]);
    running.clear();
    assert.deepEqual(running.all, []);
    assert.equal(changes, 5);
    undo();
    running.started(MOCKS);
    assert.equal(changes, 5);
  });

  it('asks for any free loopback port and passes the workspace settings file when there is one', () => {
    assert.deepEqual(startMocksParams('snap-1'), { snapshot: 'snap-1' });
    const files = new Set(['/work/b/kubereplay.json']);
    const settings = settingsPathIn(['/work/a', '/work/b/'], (file) => files.has(file));
    assert.equal(settings, '/work/b/kubereplay.json');
    assert.deepEqual(startMocksParams('snap-1', settings), {
      snapshot: 'snap-1',
      settingsPath: '/work/b/kubereplay.json',
    });
    assert.equal(
      settingsPathIn(['/work/a'], () => false),
      undefined,
    );
  });

  it('writes the environment as shell exports, quoting values a shell would split or expand', () => {
    assert.equal(
      environmentText(MOCKS),
      [
        '# Kube Replay mocks of shop checkout, listening on 127.0.0.1:41234',
        "export HTTP_PROXY='http://127.0.0.1:41234'",
        "export HTTPS_PROXY='http://127.0.0.1:41234'",
        "export JAVA_TOOL_OPTIONS='-Dhttp.proxyHost=127.0.0.1 -Dx='\\''quoted'\\'''",
        '',
      ].join('\n'),
    );
  });

  it('shows on its snapshot row where the mocks listen, with their own icon and Stop Mocks', () => {
    const node = snapshotNode({ ...SNAPSHOT, state: 'COMPLETE' });
    const idle = render(node);
    assert.equal(idle.contextValue, 'kubereplay.snapshot');
    assert.doesNotMatch(idle.description ?? '', /mocks/);

    const mocked = render(node, [MOCKS]);
    assert.equal(
      mocked.description,
      'mocks on 127.0.0.1:41234 · IN 12 · OUT 3 · 2026-11-25 17:02:03',
    );
    assert.equal(mocked.contextValue, 'kubereplay.snapshot.mocked');
    assert.deepEqual(mocked.icon, { id: 'server-process', color: 'charts.green' });
    assert.match(tooltipText(mocked.tooltip), /Mocks: 127\.0\.0\.1:41234$/);
  });
});
