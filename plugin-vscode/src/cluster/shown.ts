// What the Clusters view shows expanded, and the cluster/watch that keeps it live.
import type { ClusterView, WatchParams } from '../rpc/protocol';
import { contextId, groupId, GROUPS, namespaceId, type GroupKind, type Scope } from './nodes';

/**
 * The expanded contexts, namespaces and groups. The server keeps one namespace live per client,
 * so the namespace expanded last (and still shown) is the one watched, with its expanded views.
 */
export class Shown {
  private readonly expanded = new Set<string>();
  /** Expanded namespaces, the most recent last. */
  private recent: Scope[] = [];

  expandContext(context: string): void {
    this.expanded.add(contextId(context));
  }

  expandNamespace(scope: Scope): void {
    this.expanded.add(namespaceId(scope));
    this.recent = [...this.recent.filter((s) => !sameScope(s, scope)), scope];
  }

  expandGroup(scope: Scope, group: GroupKind): void {
    this.expanded.add(groupId(scope, group));
  }

  /** Forgets an expanded row; its rows stay expanded for when it is expanded again. */
  collapse(id: string): void {
    this.expanded.delete(id);
    this.recent = this.recent.filter((scope) => namespaceId(scope) !== id);
  }

  clear(): void {
    this.expanded.clear();
    this.recent = [];
  }

  /** Whether a row is expanded and all the rows above it are too. */
  shows(scope: Scope, group?: GroupKind): boolean {
    return (
      this.expanded.has(contextId(scope.context)) &&
      this.expanded.has(namespaceId(scope)) &&
      (group === undefined || this.expanded.has(groupId(scope, group)))
    );
  }

  /** The namespace in focus: the one expanded last that is still shown. */
  focus(): Scope | undefined {
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const scope = this.recent[i];
      if (scope && this.shows(scope)) {
        return scope;
      }
    }
    return undefined;
  }

  /** The cluster/watch the view wants: the focus namespace and its expanded views. */
  plan(): WatchParams | undefined {
    const focus = this.focus();
    if (!focus) {
      return undefined;
    }
    const views = GROUPS.filter(
      (group): group is ClusterView => group !== 'CONFIGURATION' && this.shows(focus, group),
    );
    return { context: focus.context, namespace: focus.namespace, views };
  }
}

export function sameScope(a: Scope, b: Scope): boolean {
  return a.context === b.context && a.namespace === b.namespace;
}

/** A key that is equal for equal watches; `none` for watching nothing. */
export function watchKey(params: WatchParams | undefined): string {
  return params ? `${params.context}/${params.namespace}:${params.views.join(',')}` : 'none';
}
