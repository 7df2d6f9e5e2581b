import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { namespaceNodes } from '../cluster/namespaces';
import type { Tooltip } from '../cluster/nodes';

function markdown(tooltip: Tooltip): string {
  return typeof tooltip === 'string' ? tooltip : tooltip.markdown;
}

describe('namespaceNodes', () => {
  const listed = { namespaces: ['default', 'kube-system', 'shop'], fallback: false };

  it("puts the context's namespace first and expanded, the others collapsed", () => {
    const nodes = namespaceNodes('admin', listed, 'shop');
    assert.deepEqual(
      nodes.map((node) => [node.label, node.collapse]),
      [
        ['shop', 'expanded'],
        ['default', 'collapsed'],
        ['kube-system', 'collapsed'],
      ],
    );
    const [first] = nodes;
    assert.ok(first);
    assert.equal(first.id, 'ns:admin/shop');
    assert.equal(first.parentId, 'context:admin');
    assert.deepEqual(first.icon, { id: 'symbol-namespace' });
    assert.equal(first.description, undefined);
  });

  it('marks the fallback namespace when listing namespaces is forbidden', () => {
    const [node] = namespaceNodes(
      'viewer',
      {
        namespaces: ['default'],
        fallback: true,
        message: "forbidden: cannot list namespaces; showing the context's namespace",
      },
      'default',
    );
    assert.ok(node);
    assert.equal(node.description, 'cannot list namespaces');
    assert.deepEqual(node.icon, { id: 'warning', color: 'charts.yellow' });
    assert.match(markdown(node.tooltip), /forbidden: cannot list namespaces/);
  });

  it('adds namespaces opened by name, unmarked', () => {
    const nodes = namespaceNodes('viewer', { namespaces: ['default'], fallback: true }, 'shop', [
      'shop',
    ]);
    assert.deepEqual(
      nodes.map((node) => [node.label, node.description]),
      [
        ['shop', undefined],
        ['default', 'cannot list namespaces'],
      ],
    );
  });
});
