// The items of the Switch Context and Switch Namespace pickers.
import type { ListContextsResponse, ListNamespacesResponse } from '../rpc/protocol';

export interface PickItem {
  label: string;
  description?: string;
  detail?: string;
  /** The value picked: a context or namespace name. */
  value: string;
  picked?: boolean;
}

/** The contexts, the current one first and marked. */
export function contextItems(response: ListContextsResponse): PickItem[] {
  const items = response.contexts.map((context): PickItem => {
    const current = context.current || context.name === response.currentContext;
    return {
      label: current
        ? `$(circle-large-filled) ${context.name}`
        : `$(circle-large-outline) ${context.name}`,
      description: `${context.namespace} · ${context.cluster}${current ? ' (current)' : ''}`,
      detail: context.server ?? undefined,
      value: context.name,
      ...(current ? { picked: true } : {}),
    };
  });
  return [...items.filter((item) => item.picked), ...items.filter((item) => !item.picked)];
}

/** The namespaces of a context, the one it opens on first. */
export function namespaceItems(response: ListNamespacesResponse, preferred: string): PickItem[] {
  const names = [
    ...(response.namespaces.includes(preferred) ? [preferred] : []),
    ...response.namespaces.filter((name) => name !== preferred),
  ];
  return names.map((name) => ({
    label: `$(symbol-namespace) ${name}`,
    value: name,
    ...(name === preferred ? { description: 'shown first', picked: true } : {}),
  }));
}

/**
 * What a typed name means when it matches no item: a namespace to open by name, which a user who
 * may not list namespaces needs. Kubernetes names are lower-case DNS labels.
 */
export function typedNamespace(typed: string, items: readonly PickItem[]): string | undefined {
  const name = typed.trim();
  if (name === '' || items.some((item) => item.value === name)) {
    return undefined;
  }
  return /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name) ? name : undefined;
}
