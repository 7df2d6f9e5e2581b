import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Tooltip } from '../cluster/nodes';
import {
  portText,
  replayIcon,
  replayNode,
  secretKeyNodes,
  secretNode,
  serviceNode,
} from '../cluster/resources';
import type { ReplayDto } from '../rpc/protocol';

const SHOP = { context: 'admin', namespace: 'shop' };

function markdown(tooltip: Tooltip): string {
  return typeof tooltip === 'string' ? tooltip : tooltip.markdown;
}

describe('resource rows', () => {
  it('shows a secret by type and key names, its keys as children, never values', () => {
    const node = secretNode(SHOP, { name: 'db', type: 'Opaque', keys: ['password', 'user'] });
    assert.equal(node.description, 'Opaque · 2 keys');
    assert.equal(node.collapse, 'collapsed');
    assert.equal(node.contextValue, 'kubereplay.secret');
    assert.match(markdown(node.tooltip), /Keys: `password`, `user`/);
    assert.deepEqual(
      secretKeyNodes(node).map((key) => [key.label, key.icon.id]),
      [
        ['password', 'symbol-key'],
        ['user', 'symbol-key'],
      ],
    );
  });

  it('shows a service with its type, IP, ports and the workloads it selects', () => {
    const node = serviceNode(SHOP, {
      name: 'api',
      type: 'ClusterIP',
      clusterIP: '10.0.0.12',
      ports: [{ name: 'http', port: 80, targetPort: '8080', protocol: 'TCP' }],
      selector: { app: 'api' },
      workloads: [{ kind: 'Deployment', name: 'api' }],
    });
    assert.equal(node.description, 'ClusterIP · 10.0.0.12 · http 80→8080/TCP');
    assert.match(markdown(node.tooltip), /Selector: app=api/);
    assert.match(markdown(node.tooltip), /Workloads: Deployment/);
    assert.equal(
      portText({ port: 443, targetPort: '8443', protocol: 'TCP', nodePort: 30443 }),
      '443→8443/TCP (node 30443)',
    );
  });

  it('shows a replay by phase, progress and success rate, deletable', () => {
    const running: ReplayDto = {
      name: 'nightly',
      phase: 'Running',
      progress: 42.4,
      ready: false,
      workload: 'Deployment/api',
    };
    const node = replayNode(SHOP, running);
    assert.equal(node.description, 'Running · 42% · Deployment/api');
    assert.equal(node.contextValue, 'kubereplay.replay');
    assert.deepEqual(node.icon, { id: 'sync~spin', color: 'charts.blue' });
    const done: ReplayDto = {
      ...running,
      phase: 'Complete',
      progress: 100,
      successRate: 99.5,
      ready: true,
    };
    assert.equal(replayNode(SHOP, done).description, 'Complete · 100% matched · Deployment/api');
    assert.deepEqual(replayIcon(done), { id: 'pass', color: 'charts.green' });
    assert.deepEqual(replayIcon({ ...running, phase: 'Failed' }), {
      id: 'error',
      color: 'charts.red',
    });
    assert.deepEqual(replayIcon({ name: 'new', ready: false }), { id: 'circle-large-outline' });
  });
});
