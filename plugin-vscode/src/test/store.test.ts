import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { rpcError, settle } from './fixtures';
import { StoreHarness } from './storeHarness';

describe('ClusterStore: the rows', () => {
  let h: StoreHarness;

  beforeEach(async () => {
    h = await StoreHarness.start();
  });

  it('walks context, namespace and view down to the workloads, asking the server lazily', async () => {
    assert.equal(h.api.count('cluster/listNamespaces'), 0);
    const rows = await h.store.children(await h.group('WORKLOADS'));
    assert.deepEqual(
      rows.map((row) => [row.label, row.description]),
      [['api', '2/2']],
    );
    assert.deepEqual(h.api.paramsOf('cluster/listNamespaces'), [{ context: 'admin' }]);
    assert.deepEqual(h.api.paramsOf('cluster/listWorkloads'), [
      { context: 'admin', namespace: 'shop' },
    ]);
    assert.equal(h.api.count('cluster/listSecrets'), 0, 'views load when expanded');
  });

  it('redraws a view row the view already holds from what has been answered since', async () => {
    const workloads = await h.group('WORKLOADS');
    assert.equal(workloads.description, undefined);
    await h.store.children(workloads);
    assert.equal(h.store.render(workloads).description, '1');
  });

  it("shows the context's operator first, with its namespaces, without redrawing the context", async () => {
    h.changes.length = 0;
    const rows = await h.store.children(await h.context());
    assert.deepEqual(h.api.paramsOf('cluster/listClusters'), [{ contexts: ['admin'] }]);
    assert.deepEqual(
      rows.map((row) => [row.label, row.description]),
      [
        ['Operator', 'not installed'],
        ['default', undefined],
        ['shop', undefined],
      ],
    );
    assert.deepEqual(h.changes, []);
  });

  it('shows the namespaces alone when the operator lookup fails', async () => {
    h.api.on('cluster/listClusters', () => {
      throw rpcError('INTERNAL_ERROR', 'boom');
    });
    const rows = await h.store.children(await h.context());
    assert.deepEqual(
      rows.map((row) => row.label),
      ['default', 'shop'],
    );
  });

  it('shows a forbidden view on its own row; the others still load', async () => {
    const [secretsRow] = await h.store.children(await h.group('SECRETS'));
    assert.equal(secretsRow?.label, 'forbidden: cannot list secrets in namespace shop');
    const secrets = await h.group('SECRETS');
    assert.equal(secrets.description, 'forbidden');
    assert.equal((await h.workloadRow()).label, 'api');
  });

  it('switches a context to a namespace, shown first from then on', async () => {
    const { row, redrawn } = await h.store.switchTo('admin', 'shop');
    assert.equal(row?.id, 'ns:admin/shop');
    assert.equal(row.collapse, 'expanded');
    assert.equal(redrawn, false, 'a listed namespace needs no redraw to be revealed');
    assert.deepEqual(
      (await h.store.children(await h.context())).map((r) => r.label),
      ['Operator', 'shop', 'default'],
    );
  });

  it('adds a namespace typed by name when the user may not list namespaces', async () => {
    await h.store.children(await h.context('viewer'));
    h.changes.length = 0;
    const { row, redrawn } = await h.store.switchTo('viewer', 'payments');
    assert.equal(row?.id, 'ns:viewer/payments');
    assert.equal(redrawn, true);
    assert.ok(h.changed('context:viewer'));
    assert.deepEqual(
      (await h.store.children(await h.context('viewer'))).map((r) => [r.label, r.description]),
      [
        ['payments', undefined],
        ['default', 'cannot list namespaces'],
      ],
    );
    assert.equal(h.store.preferredNamespace('viewer'), 'payments');
  });

  it('shows why namespaces cannot be listed, and tries again on the next expansion', async () => {
    h.api.on('cluster/listNamespaces', () => {
      throw rpcError('CLUSTER_UNREACHABLE', 'cannot reach https://127.0.0.1:6443');
    });
    const admin = await h.context();
    const rows = await h.store.children(admin);
    assert.deepEqual(
      rows.map((row) => [row.id, row.label]),
      [
        ['operator:admin', 'Operator'],
        ['context:admin#error', 'cannot reach https://127.0.0.1:6443'],
      ],
    );
    h.store.collapsed(admin);
    await h.store.children(admin);
    assert.equal(h.api.count('cluster/listNamespaces'), 2);
  });

  it('starts over when the kubeconfig changes', async () => {
    await h.store.children(await h.group('WORKLOADS'));
    h.store.handleChange({ changes: ['CONTEXTS'] });
    await settle();
    assert.equal(h.api.count('cluster/listContexts'), 2);
    await h.store.children(await h.group('WORKLOADS'));
    assert.equal(h.api.count('cluster/listNamespaces'), 2);
  });
});
