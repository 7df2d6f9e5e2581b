import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clusterNodes,
  contextNodes,
  errorNode,
  stateKey,
  type ClustersState,
} from '../cluster/model';
import type { ContextNode, MessageNode, Tooltip } from '../cluster/nodes';
import type { KubeContextDto, ListContextsResponse } from '../rpc/protocol';

function plain(tooltip: Tooltip | undefined): string {
  assert.equal(typeof tooltip, 'string', 'a plain-text tooltip');
  return tooltip as string;
}

const dev: KubeContextDto = {
  name: 'dev',
  cluster: 'dev-cluster',
  server: 'https://127.0.0.1:6443',
  user: 'dev-admin',
  authKind: 'CLIENT_CERTIFICATE',
  namespace: 'shop',
  current: true,
  sourceFile: '/home/me/.kube/a.yaml',
};
const staging: KubeContextDto = {
  name: 'staging',
  cluster: 'staging-cluster',
  user: 'ci',
  authKind: 'EXEC',
  namespace: 'default',
  current: false,
  sourceFile: '/home/me/.kube/a.yaml',
};
const response: ListContextsResponse = {
  contexts: [dev, staging],
  currentContext: 'dev',
  kubeconfigFiles: ['/home/me/.kube/a.yaml'],
};

describe('contextNodes', () => {
  it('labels each context with its name, in server order', () => {
    assert.deepEqual(
      contextNodes(response).map((node) => node.label),
      ['dev', 'staging'],
    );
  });

  it('describes a context by namespace and cluster and marks the current one', () => {
    const [current, other] = contextNodes(response) as [ContextNode, ContextNode];
    assert.equal(current.description, 'shop · dev-cluster (current)');
    assert.equal(current.current, true);
    assert.deepEqual(current.icon, { id: 'circle-large-filled', color: 'charts.green' });
    assert.equal(current.contextValue, 'kubereplay.context.current');
    assert.equal(current.collapse, 'collapsed');
    assert.equal(other.description, 'default · staging-cluster');
    assert.equal(other.current, false);
    assert.deepEqual(other.icon, { id: 'circle-large-outline' });
  });

  it('marks the current context named by the response even without the flag', () => {
    const nodes = contextNodes({ ...response, contexts: [{ ...dev, current: false }, staging] });
    assert.equal(nodes[0]?.current, true);
  });

  it('puts server, user, auth kind and source file in the tooltip', () => {
    const [current] = contextNodes(response);
    assert.equal(
      plain(current?.tooltip),
      [
        'dev (current context)',
        'Server: https://127.0.0.1:6443',
        'User: dev-admin (client certificate)',
        'Namespace: shop',
        'Cluster: dev-cluster',
        'Defined in: /home/me/.kube/a.yaml',
      ].join('\n'),
    );
  });

  it('says when the cluster entry of a context is missing', () => {
    const [, other] = contextNodes(response);
    assert.match(plain(other?.tooltip), /Server: unknown \(no cluster entry 'staging-cluster'\)/);
    assert.match(plain(other?.tooltip), /User: ci \(exec plugin\)/);
  });

  it('tells screen readers which context is current', () => {
    const [current] = contextNodes(response);
    assert.equal(
      current?.accessibilityLabel,
      'dev, namespace shop, cluster dev-cluster, current context',
    );
  });

  it('keeps ids unique even if a name came twice', () => {
    const ids = contextNodes({ ...response, contexts: [dev, dev] }).map((node) => node.id);
    assert.equal(new Set(ids).size, 2);
  });
});

describe('errorNode', () => {
  it('shows a malformed kubeconfig message as-is and opens the file on click', () => {
    const node = errorNode({
      message: '/home/me/.kube/broken.yaml: line 3: mapping values are not allowed here',
      errorCode: 'KUBECONFIG_MALFORMED',
      subject: '/home/me/.kube/broken.yaml',
    });
    assert.equal(
      node.label,
      '/home/me/.kube/broken.yaml: line 3: mapping values are not allowed here',
    );
    assert.equal(node.description, 'KUBECONFIG_MALFORMED');
    assert.deepEqual(node.icon, { id: 'error', color: 'errorForeground' });
    assert.deepEqual(node.action, { kind: 'openFile', file: '/home/me/.kube/broken.yaml' });
    assert.match(plain(node.tooltip), /File: \/home\/me\/.kube\/broken.yaml/);
  });

  it('offers a restart when the server is down', () => {
    const node = errorNode({
      message: 'The Kube Replay server exited with code 1.',
      serverDown: true,
    });
    assert.deepEqual(node.action, { kind: 'restartServer' });
    assert.equal(node.description, undefined);
  });

  it('leads to the output for other failures', () => {
    const node = errorNode({
      message: 'no kubeconfig',
      errorCode: 'KUBECONFIG_NOT_FOUND',
      subject: '/x',
    });
    assert.deepEqual(node.action, { kind: 'showOutput' });
  });
});

describe('clusterNodes', () => {
  it('shows one loading row while loading', () => {
    const nodes = clusterNodes({ kind: 'loading' });
    assert.equal(nodes.length, 1);
    assert.equal((nodes[0] as MessageNode).icon.id, 'loading~spin');
    assert.equal(stateKey({ kind: 'loading' }), 'loading');
  });

  it('shows no rows when there are no contexts, so the welcome content appears', () => {
    const state: ClustersState = {
      kind: 'loaded',
      response: { contexts: [], kubeconfigFiles: [] },
    };
    assert.deepEqual(clusterNodes(state), []);
    assert.equal(stateKey(state), 'empty');
  });

  it('shows one error row when the request failed', () => {
    const state = { kind: 'failed', failure: { message: 'boom' } } as const;
    assert.deepEqual(
      clusterNodes(state).map((node) => node.label),
      ['boom'],
    );
    assert.equal(stateKey(state), 'failed');
  });

  it('shows the contexts once loaded', () => {
    const state = { kind: 'loaded', response } as const;
    assert.equal(clusterNodes(state).length, 2);
    assert.equal(stateKey(state), 'loaded');
  });
});
