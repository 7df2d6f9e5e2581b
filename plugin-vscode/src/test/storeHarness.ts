// A ClusterStore over a scripted server, and ways to reach its rows as the view would.
import assert from 'node:assert/strict';
import type {
  ClusterNode,
  ContextNode,
  GroupKind,
  GroupNode,
  NamespaceNode,
  WorkloadNode,
} from '../cluster/nodes';
import { ClusterStore } from '../cluster/store';
import type { ListContextsResponse, ScopeParams } from '../rpc/protocol';
import { FakeApi, FRESH, rpcError, workload } from './fixtures';

export const CONTEXTS: ListContextsResponse = {
  contexts: [
    {
      name: 'admin',
      cluster: 'kubereplay',
      server: 'https://127.0.0.1:6443',
      user: 'admin',
      authKind: 'CLIENT_CERTIFICATE',
      namespace: 'default',
      current: true,
      sourceFile: '/tmp/kubeconfig',
    },
    {
      name: 'viewer',
      cluster: 'kubereplay',
      user: 'viewer',
      authKind: 'TOKEN',
      namespace: 'default',
      current: false,
      sourceFile: '/tmp/kubeconfig',
    },
  ],
  currentContext: 'admin',
  kubeconfigFiles: ['/tmp/kubeconfig'],
};

/** admin may list everything but secrets; viewer may not list namespaces. */
export function server(): FakeApi {
  return new FakeApi({
    'cluster/listContexts': CONTEXTS,
    'cluster/listClusters': {
      clusters: [
        {
          context: 'admin',
          clusterName: 'kubereplay',
          status: 'NOT_INSTALLED',
          latestVersion: '0.1.0',
          upgradeAvailable: false,
        },
      ],
    },
    'cluster/listNamespaces': (params: unknown) =>
      (params as ScopeParams).context === 'admin'
        ? { namespaces: ['default', 'shop'], fallback: false }
        : { namespaces: ['default'], fallback: true, message: 'forbidden: cannot list namespaces' },
    'cluster/listWorkloads': { workloads: [workload()], freshness: FRESH },
    'cluster/listSecrets': () => {
      throw rpcError('FORBIDDEN', 'forbidden: cannot list secrets in namespace shop');
    },
    'cluster/listReplays': {
      replays: [{ name: 'nightly', phase: 'Complete', ready: true }],
      crdInstalled: true,
      freshness: FRESH,
    },
    'cluster/watch': (params: unknown) => params,
  });
}

/** A store as the extension makes it, with short delays and a fixed clock. */
export class StoreHarness {
  readonly api = server();
  readonly store = new ClusterStore(this.api, {
    refreshDelayMs: 1,
    watchDelayMs: 1,
    now: () => new Date(2025, 10, 25, 17, 30),
  });
  /** Every change the store announced, in order. */
  readonly changes: (ClusterNode[] | undefined)[] = [];

  static async start(): Promise<StoreHarness> {
    const harness = new StoreHarness();
    harness.store.onDidChange((nodes) => harness.changes.push(nodes));
    await harness.store.refreshContexts();
    return harness;
  }

  /** Whether a change announced since `from` named the row with this id. */
  changed(id: string, from = 0): boolean {
    return this.changes.slice(from).some((nodes) => nodes?.some((n) => n.id === id));
  }

  async context(name = 'admin'): Promise<ContextNode> {
    const rows = await this.store.children();
    const row = rows.find((r): r is ContextNode => r.kind === 'context' && r.context === name);
    assert.ok(row, `context ${name}`);
    return row;
  }

  async namespace(name: string, under = 'admin'): Promise<NamespaceNode> {
    const rows = await this.store.children(await this.context(under));
    const row = rows.find(
      (r): r is NamespaceNode => r.kind === 'namespace' && r.namespace === name,
    );
    assert.ok(row, `namespace ${name}`);
    return row;
  }

  async group(kind: GroupKind, ns = 'shop'): Promise<GroupNode> {
    const rows = await this.store.children(await this.namespace(ns));
    const row = rows.find((r): r is GroupNode => r.kind === 'group' && r.group === kind);
    assert.ok(row, `group ${kind}`);
    return row;
  }

  async workloadRow(): Promise<WorkloadNode> {
    const [row] = await this.store.children(await this.group('WORKLOADS'));
    assert.equal(row?.kind, 'workload');
    return row;
  }
}
