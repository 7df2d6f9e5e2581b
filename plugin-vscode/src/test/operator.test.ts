import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Tooltip } from '../cluster/nodes';
import { operatorNode, operatorText } from '../cluster/operator';
import type { ClusterDto } from '../rpc/protocol';

const INSTALLED: ClusterDto = {
  context: 'prod',
  clusterName: 'shop-eu',
  status: 'INSTALLED',
  operatorNamespace: 'kubereplay',
  operatorVersion: '0.1.0',
  latestVersion: '0.2.0',
  upgradeAvailable: true,
};

function markdown(tooltip: Tooltip): string {
  return typeof tooltip === 'string' ? tooltip : tooltip.markdown;
}

describe('operatorNode', () => {
  it('shows the version and namespace, with an upgrade indicator when a newer one is known', () => {
    const node = operatorNode(INSTALLED);
    assert.equal(node.label, 'Operator');
    assert.equal(node.description, '0.1.0 in kubereplay · 0.2.0 available');
    assert.deepEqual(node.icon, { id: 'arrow-circle-up', color: 'charts.yellow' });
    assert.equal(node.id, 'operator:prod');
    assert.equal(node.parentId, 'context:prod');
    assert.equal(node.contextValue, 'kubereplay.operator.upgradable');
    assert.match(markdown(node.tooltip), /cluster shop\\-eu/);
    assert.match(
      markdown(node.tooltip),
      /\$\(arrow-circle-up\) Version 0\\\.2\\\.0 is available\./,
    );
  });

  it('is green when up to date', () => {
    const node = operatorNode({ ...INSTALLED, latestVersion: '0.1.0', upgradeAvailable: false });
    assert.equal(node.description, '0.1.0 in kubereplay');
    assert.deepEqual(node.icon, { id: 'package', color: 'charts.green' });
    assert.match(markdown(node.tooltip), /Up to date\./);
  });

  it('says why there is no operator to show', () => {
    const base = {
      context: 'dev',
      clusterName: 'dev',
      latestVersion: '0.1.0',
      upgradeAvailable: false,
    };
    const missing = operatorNode({
      ...base,
      status: 'NOT_INSTALLED',
      message: 'no Deployment found',
    });
    assert.equal(missing.description, 'not installed');
    assert.deepEqual(missing.icon, { id: 'circle-slash' });
    assert.match(markdown(missing.tooltip), /not installed: no Deployment found/);
    assert.match(markdown(missing.tooltip), /injection and remote replays need the operator/);
    assert.equal(operatorText({ ...base, status: 'FORBIDDEN' }), 'forbidden');
    const away = operatorNode({ ...base, status: 'UNREACHABLE' });
    assert.equal(away.description, 'cluster unreachable');
    assert.deepEqual(away.icon, { id: 'debug-disconnect', color: 'charts.red' });
  });
});
