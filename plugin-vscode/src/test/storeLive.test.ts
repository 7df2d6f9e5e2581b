import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { settle } from './fixtures';
import { StoreHarness } from './storeHarness';

describe('ClusterStore: live updates', () => {
  let h: StoreHarness;

  beforeEach(async () => {
    h = await StoreHarness.start();
  });

  it('watches the namespace expanded last, with its expanded views', async () => {
    await h.store.children(await h.namespace('default'));
    await h.store.children(await h.group('WORKLOADS'));
    await settle();
    assert.deepEqual(h.api.paramsOf('cluster/watch').at(-1), {
      context: 'admin',
      namespace: 'shop',
      views: ['WORKLOADS'],
    });
    const shop = await h.namespace('shop');
    h.store.collapsed(shop);
    await settle();
    assert.deepEqual(h.api.paramsOf('cluster/watch').at(-1), {
      context: 'admin',
      namespace: 'default',
      views: [],
    });
    h.store.collapsed(await h.context());
    await settle();
    assert.deepEqual(h.api.paramsOf('cluster/watch').at(-1), { views: [] });
  });

  it('sends a watch only when what is shown changes', async () => {
    await h.store.children(await h.group('WORKLOADS'));
    await settle();
    const sent = h.api.count('cluster/watch');
    await h.store.children(await h.group('WORKLOADS'));
    await settle();
    assert.equal(h.api.count('cluster/watch'), sent);
  });

  it('reloads just the views a didChange names, gathering quick changes into one reload', async () => {
    await h.store.children(await h.group('WORKLOADS'));
    await h.store.children(await h.group('REPLAYS'));
    const before = h.api.count('cluster/listWorkloads');
    h.changes.length = 0;
    for (let i = 0; i < 3; i++) {
      h.store.handleChange({
        changes: ['VIEWS'],
        context: 'admin',
        namespace: 'shop',
        views: ['WORKLOADS'],
      });
    }
    h.store.handleChange({
      changes: ['VIEWS'],
      context: 'admin',
      namespace: 'other',
      views: ['WORKLOADS'],
    });
    await settle(20);
    assert.equal(h.api.count('cluster/listWorkloads'), before + 1);
    assert.equal(h.api.count('cluster/listReplays'), 1);
    const refreshed = h.changes.flatMap((nodes) => nodes ?? []).map((node) => node.id);
    assert.deepEqual([...new Set(refreshed)], ['group:admin/shop/WORKLOADS']);
  });

  it('leaves views that are not shown for when they are expanded again', async () => {
    const workloads = await h.group('WORKLOADS');
    await h.store.children(workloads);
    h.store.collapsed(workloads);
    const before = h.api.count('cluster/listWorkloads');
    h.store.handleChange({
      changes: ['VIEWS'],
      context: 'admin',
      namespace: 'shop',
      views: ['WORKLOADS'],
    });
    await settle(20);
    assert.equal(h.api.count('cluster/listWorkloads'), before);
    await h.store.children(workloads);
    await settle();
    assert.equal(h.api.count('cluster/listWorkloads'), before + 1, 'expanding again reloads');
  });

  it('marks views stale while the API server is lost, and reloads them when it is back', async () => {
    await h.store.children(await h.group('WORKLOADS'));
    const since = new Date(2025, 10, 25, 17, 2).toISOString();
    h.changes.length = 0;
    h.store.handleChange({
      changes: ['CONNECTION'],
      context: 'admin',
      freshness: { stale: true, since, reason: 'API server unreachable' },
    });
    assert.ok(h.changed('group:admin/shop/WORKLOADS'));
    const stale = await h.group('WORKLOADS');
    assert.equal(stale.description, '1 · stale since 17:02');
    assert.equal(stale.icon.id, 'warning');
    const before = h.api.count('cluster/listWorkloads');
    h.store.handleChange({
      changes: ['CONNECTION'],
      context: 'admin',
      freshness: { stale: false },
    });
    await settle();
    assert.equal(h.api.count('cluster/listWorkloads'), before + 1);
    assert.equal((await h.group('WORKLOADS')).description, '1');
  });
});
