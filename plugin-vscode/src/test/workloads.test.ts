import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Tooltip } from '../cluster/nodes';
import { healthIcon, workloadDescription, workloadNode } from '../cluster/workloads';
import { workload } from './fixtures';

const SHOP = { context: 'admin', namespace: 'shop' };

function markdown(tooltip: Tooltip): string {
  assert.equal(typeof tooltip, 'object', 'a Markdown tooltip');
  return (tooltip as { markdown: string }).markdown;
}

describe('workloadNode', () => {
  it('describes readiness, injection and TLS out as "2/2 · injected · TLS out"', () => {
    const node = workloadNode(SHOP, workload({ injected: true, tlsOut: true }));
    assert.equal(node.label, 'api');
    assert.equal(node.description, '2/2 · injected · TLS out');
    assert.equal(node.id, 'workload:admin/shop/Deployment/api');
    assert.equal(node.parentId, 'group:admin/shop/WORKLOADS');
    assert.equal(node.collapse, 'none');
  });

  it('names kinds other than Deployment and lists pod problems once each', () => {
    const sts = workload({
      kind: 'StatefulSet',
      name: 'db',
      ready: 0,
      desired: 3,
      problems: [
        { pod: 'db-0', container: 'db', reason: 'CrashLoopBackOff' },
        { pod: 'db-1', container: 'db', reason: 'CrashLoopBackOff' },
        { pod: 'db-2', reason: 'Pending', message: '0/3 nodes are available' },
      ],
    });
    assert.equal(workloadDescription(sts), 'StatefulSet · 0/3 · CrashLoopBackOff, Pending');
  });

  it('colours the icon by sidecar health: green, yellow, red', () => {
    assert.deepEqual(healthIcon('OK'), { id: 'pass', color: 'charts.green' });
    assert.deepEqual(healthIcon('CAUTION'), { id: 'warning', color: 'charts.yellow' });
    assert.deepEqual(healthIcon('ALERT'), { id: 'error', color: 'charts.red' });
    const node = workloadNode(SHOP, workload({ sidecarHealth: 'ALERT' }));
    assert.deepEqual(node.icon, { id: 'error', color: 'charts.red' });
  });

  it('says in its context value whether the sidecar is injected, for the menus', () => {
    assert.equal(workloadNode(SHOP, workload()).contextValue, 'kubereplay.workload');
    assert.equal(
      workloadNode(SHOP, workload({ injected: true })).contextValue,
      'kubereplay.workload.injected',
    );
  });

  it('puts health reasons, problems and requests in a Markdown tooltip', () => {
    const node = workloadNode(
      SHOP,
      workload({
        injected: true,
        sidecarHealth: 'CAUTION',
        healthReasons: ['sidecar in pod api-1 restarted 4 times'],
        sidecarRequests: { cpuMillis: 100, memoryBytes: 64 * 1024 * 1024 },
        problems: [{ pod: 'api-1', container: 'api', reason: 'OOMKilled', message: 'killed' }],
      }),
    );
    const text = markdown(node.tooltip);
    assert.match(text, /^\*\*api\*\* — Deployment in shop \(admin\)/);
    assert.match(text, /Ready: 2\/2 pods/);
    assert.match(text, /Sidecar injection: on · TLS out: off/);
    assert.match(
      text,
      /\$\(warning\) Sidecar health: \*\*caution\*\*\n- sidecar in pod api\\-1 restarted 4 times/,
    );
    assert.match(text, /Requests: app 250m CPU · 128Mi memory; sidecar 100m CPU · 64Mi memory/);
    assert.match(text, /- api\\-1 \(api\): \*\*OOMKilled\*\* — killed/);
  });

  it('shows a toggle on its way with a spinner until the server answers', () => {
    const node = workloadNode(SHOP, workload(), 'injection');
    assert.equal(node.description, '2/2 · turning injection on…');
    assert.deepEqual(node.icon, { id: 'loading~spin' });
    const tls = workloadNode(SHOP, workload({ tlsOut: true }), 'tlsOut');
    assert.equal(tls.description, '2/2 · TLS out · turning TLS out off…');
  });

  it('tells screen readers the kind, state and health', () => {
    const node = workloadNode(SHOP, workload({ injected: true }));
    assert.equal(node.accessibilityLabel, 'Deployment api, 2/2 · injected, sidecar health ok');
  });
});
