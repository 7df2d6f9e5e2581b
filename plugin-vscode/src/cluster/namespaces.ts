// The second level of the Clusters view: the namespaces of a context.
import type { ListNamespacesResponse } from '../rpc/protocol';
import { md } from './format';
import { contextId, namespaceId, type NamespaceNode } from './nodes';

/**
 * The namespaces of a context, the preferred one (the context's namespace, or the one the user
 * switched to) first and expanded, then those the user opened by name. A fallback answer (the
 * user may not list namespaces) is marked on the namespaces it holds.
 */
export function namespaceNodes(
  context: string,
  response: ListNamespacesResponse,
  preferred: string,
  added: readonly string[] = [],
): NamespaceNode[] {
  const all = [...response.namespaces, ...added.filter((n) => !response.namespaces.includes(n))];
  const names = all.includes(preferred)
    ? [preferred, ...all.filter((name) => name !== preferred)]
    : all;
  return names.map((namespace) => {
    const first = namespace === preferred;
    const lines = [`**${md(namespace)}** — namespace in ${md(context)}`];
    if (first) {
      lines.push('', 'The namespace this context works in.');
    }
    let description: string | undefined;
    let icon: NamespaceNode['icon'] = { id: 'symbol-namespace' };
    if (response.fallback && response.namespaces.includes(namespace)) {
      description = 'cannot list namespaces';
      icon = { id: 'warning', color: 'charts.yellow' };
      lines.push(
        '',
        `$(warning) ${md(response.message ?? 'forbidden: cannot list namespaces')}`,
        '',
        'Only the namespace of the context is shown. **Switch Namespace…** opens another by name.',
      );
    }
    return {
      kind: 'namespace',
      id: namespaceId({ context, namespace }),
      parentId: contextId(context),
      context,
      namespace,
      label: namespace,
      ...(description ? { description } : {}),
      tooltip: { markdown: lines.join('\n') },
      icon,
      collapse: first ? 'expanded' : 'collapsed',
      accessibilityLabel: `namespace ${namespace} of ${context}${description ? `, ${description}` : ''}`,
      contextValue: 'kubereplay.namespace',
    };
  });
}
