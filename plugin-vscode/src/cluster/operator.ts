// The first row under a context: the kubereplay operator there, as cluster/listClusters says.
import type { ClusterDto } from '../rpc/protocol';
import { md } from './format';
import { contextId, type Icon, type ItemNode } from './nodes';

export function operatorNode(cluster: ClusterDto): ItemNode {
  const description = operatorText(cluster);
  return {
    kind: 'item',
    id: `operator:${cluster.context}`,
    parentId: contextId(cluster.context),
    label: 'Operator',
    description,
    tooltip: { markdown: operatorTooltip(cluster) },
    icon: operatorIcon(cluster),
    collapse: 'none',
    accessibilityLabel: `kubereplay operator of ${cluster.context}: ${description}`,
    contextValue: cluster.upgradeAvailable
      ? 'kubereplay.operator.upgradable'
      : 'kubereplay.operator',
  };
}

/** `0.1.0 in kubereplay`, `0.1.0 in kubereplay · 0.2.0 available`, `not installed`, ... */
export function operatorText(cluster: ClusterDto): string {
  switch (cluster.status) {
    case 'INSTALLED': {
      const version = cluster.operatorVersion ?? 'unknown version';
      const where = cluster.operatorNamespace ? ` in ${cluster.operatorNamespace}` : '';
      const upgrade = cluster.upgradeAvailable ? ` · ${cluster.latestVersion} available` : '';
      return `${version}${where}${upgrade}`;
    }
    case 'NOT_INSTALLED':
      return 'not installed';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'UNREACHABLE':
      return 'cluster unreachable';
  }
}

/** Green when installed and current, yellow with an arrow when an upgrade is known. */
export function operatorIcon(cluster: ClusterDto): Icon {
  switch (cluster.status) {
    case 'INSTALLED':
      return cluster.upgradeAvailable
        ? { id: 'arrow-circle-up', color: 'charts.yellow' }
        : { id: 'package', color: 'charts.green' };
    case 'NOT_INSTALLED':
      return { id: 'circle-slash' };
    case 'FORBIDDEN':
      return { id: 'lock', color: 'charts.yellow' };
    case 'UNREACHABLE':
      return { id: 'debug-disconnect', color: 'charts.red' };
  }
}

function operatorTooltip(cluster: ClusterDto): string {
  const lines = [`**kubereplay operator** — cluster ${md(cluster.clusterName)}`];
  if (cluster.status === 'INSTALLED') {
    lines.push(
      `Version ${md(cluster.operatorVersion ?? 'unknown')}` +
        (cluster.operatorNamespace ? ` in namespace ${md(cluster.operatorNamespace)}` : ''),
      cluster.upgradeAvailable
        ? `$(arrow-circle-up) Version ${md(cluster.latestVersion)} is available.`
        : 'Up to date.',
    );
  } else {
    lines.push(`${md(operatorText(cluster))}${cluster.message ? `: ${md(cluster.message)}` : ''}`);
    if (cluster.status === 'NOT_INSTALLED') {
      lines.push(
        'The cluster can still be browsed; injection and remote replays need the operator.',
      );
    }
  }
  return lines.join('\n\n');
}
