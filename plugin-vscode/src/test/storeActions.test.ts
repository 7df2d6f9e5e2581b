import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { ReplayNode } from '../cluster/nodes';
import type { SetWorkloadFlagParams, WorkloadResponse } from '../rpc/protocol';
import { FRESH, rpcError, settle, workload } from './fixtures';
import { StoreHarness } from './storeHarness';

describe('ClusterStore: toggles and deletes', () => {
  let h: StoreHarness;

  beforeEach(async () => {
    h = await StoreHarness.start();
  });

  it('toggles injection: a spinner while it goes, then the workload as the server answers', async () => {
    let answer: (value: WorkloadResponse) => void = () => undefined;
    h.api.on(
      'cluster/setInjection',
      () => new Promise<WorkloadResponse>((resolve) => (answer = resolve)),
    );
    const row = await h.workloadRow();
    const toggled = h.store.toggle(row, 'injection');
    assert.equal((await h.workloadRow()).description, '2/2 · turning injection on…');
    const params = h.api.paramsOf('cluster/setInjection')[0] as SetWorkloadFlagParams;
    assert.deepEqual(params, {
      context: 'admin',
      namespace: 'shop',
      workload: { kind: 'Deployment', name: 'api' },
      enabled: true,
    });
    answer({ workload: workload({ injected: true, sidecarHealth: 'ALERT' }) });
    await toggled;
    const after = await h.workloadRow();
    assert.equal(after.description, '2/2 · injected');
    assert.deepEqual(after.icon, { id: 'error', color: 'charts.red' });
    assert.equal(after.contextValue, 'kubereplay.workload.injected');
  });

  it('turns TLS out off when it is on, from the state last loaded', async () => {
    h.api.on('cluster/listWorkloads', {
      workloads: [workload({ tlsOut: true })],
      freshness: FRESH,
    });
    h.api.on('cluster/setTlsOut', (params: unknown) => ({
      workload: workload({ tlsOut: (params as SetWorkloadFlagParams).enabled }),
    }));
    await h.store.toggle(await h.workloadRow(), 'tlsOut');
    assert.equal((h.api.paramsOf('cluster/setTlsOut')[0] as SetWorkloadFlagParams).enabled, false);
    assert.equal((await h.workloadRow()).description, '2/2');
  });

  it('keeps the toggled answer over an older reload that ends after it', async () => {
    const row = await h.workloadRow();
    let late: (value: unknown) => void = () => undefined;
    h.api.on('cluster/listWorkloads', () => new Promise((resolve) => (late = resolve)));
    h.store.handleChange({
      changes: ['VIEWS'],
      context: 'admin',
      namespace: 'shop',
      views: ['WORKLOADS'],
    });
    await settle(10);
    h.api.on('cluster/setInjection', { workload: workload({ injected: true }) });
    await h.store.toggle(row, 'injection');
    late({ workloads: [workload()], freshness: FRESH });
    await settle();
    assert.equal((await h.workloadRow()).description, '2/2 · injected');
  });

  it('puts the row back and rethrows when a toggle fails', async () => {
    h.api.on('cluster/setInjection', () => {
      throw rpcError('FORBIDDEN', 'forbidden: cannot patch deployments in namespace shop');
    });
    await assert.rejects(h.store.toggle(await h.workloadRow(), 'injection'), {
      name: 'RpcError',
      errorCode: 'FORBIDDEN',
    });
    assert.equal((await h.workloadRow()).description, '2/2');
  });

  it('deletes a replay and reloads the replays', async () => {
    const [row] = await h.store.children(await h.group('REPLAYS'));
    h.api.on('cluster/deleteReplay', { deleted: true });
    h.api.on('cluster/listReplays', { replays: [], crdInstalled: true, freshness: FRESH });
    assert.equal(await h.store.deleteReplay(row as ReplayNode), true);
    assert.deepEqual(h.api.paramsOf('cluster/deleteReplay'), [
      { context: 'admin', namespace: 'shop', name: 'nightly' },
    ]);
    await settle();
    assert.deepEqual(
      (await h.store.children(await h.group('REPLAYS'))).map((r) => r.label),
      ['No replays'],
    );
  });
});
