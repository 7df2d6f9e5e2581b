// What the view knows of each context: its namespaces, its operator, and the namespace it
// opens on. Each is asked of the server once, when the context is first expanded.
import { toRpcError } from '../rpc/errors';
import { Requests, type ClusterDto, type ListNamespacesResponse } from '../rpc/protocol';
import type { ClusterApi } from './groupLoads';
import { errorNode, type Failure } from './model';
import { namespaceNodes } from './namespaces';
import { contextId, type ClusterNode } from './nodes';
import { operatorNode } from './operator';

export type NamespacesState =
  { kind: 'loaded'; response: ListNamespacesResponse } | { kind: 'failed'; failure: Failure };

export interface ContextLoadsOptions {
  log?: (line: string) => void;
  /** The namespace the user switched to, per context; kept by the extension. */
  preferred?: Record<string, string>;
  onPreferredChange?: (preferred: Record<string, string>) => void;
}

export class ContextLoads {
  private readonly operators = new Map<string, Promise<ClusterDto | undefined>>();
  private readonly namespaces = new Map<string, Promise<NamespacesState>>();
  private readonly preferred: Map<string, string>;
  private readonly added = new Map<string, string[]>();
  /** Contexts whose namespaces could not be listed. */
  private readonly failed = new Set<string>();

  constructor(
    private readonly api: ClusterApi,
    private readonly options: ContextLoadsOptions = {},
  ) {
    this.preferred = new Map(Object.entries(options.preferred ?? {}));
  }

  /**
   * The rows under a context: its operator, then its namespaces. The operator row comes with
   * the namespaces rather than on the context row later: redrawing the context while the view
   * expands rows under it would lose their children.
   */
  async rows(context: string, kubeconfigNamespace: string | undefined): Promise<ClusterNode[]> {
    const [operator, namespaces] = await Promise.all([
      this.operator(context),
      this.namespaceRows(context, kubeconfigNamespace),
    ]);
    return operator ? [operatorNode(operator), ...namespaces] : namespaces;
  }

  async namespaceRows(
    context: string,
    kubeconfigNamespace: string | undefined,
  ): Promise<ClusterNode[]> {
    const state = await this.loadNamespaces(context);
    if (state.kind === 'failed') {
      const row = errorNode(state.failure);
      return [{ ...row, id: `${contextId(context)}#error`, parentId: contextId(context) }];
    }
    return namespaceNodes(
      context,
      state.response,
      this.preferredNamespace(context, kubeconfigNamespace),
      this.added.get(context),
    );
  }

  /** The namespaces of a context, for the namespace picker; rejects with the server's reason. */
  async namespacesOf(context: string): Promise<ListNamespacesResponse> {
    const state = await this.loadNamespaces(context);
    if (state.kind === 'failed') {
      throw new Error(state.failure.message);
    }
    return state.response;
  }

  /** The namespace a context opens on: the one the user switched to, else the kubeconfig's. */
  preferredNamespace(context: string, kubeconfigNamespace: string | undefined): string {
    return this.preferred.get(context) ?? kubeconfigNamespace ?? 'default';
  }

  /**
   * Makes a namespace the one a context opens on; one the context does not list (the user may
   * not list namespaces) is added to its list. True when it was added.
   */
  async prefer(context: string, namespace: string): Promise<boolean> {
    this.preferred.set(context, namespace);
    this.options.onPreferredChange?.(Object.fromEntries(this.preferred));
    const state = await this.loadNamespaces(context);
    const added = this.added.get(context) ?? [];
    if (
      state.kind !== 'loaded' ||
      state.response.namespaces.includes(namespace) ||
      added.includes(namespace)
    ) {
      return false;
    }
    this.added.set(context, [...added, namespace]);
    return true;
  }

  /** Forgets what the server said of a context (all when none is given), to ask again. */
  forget(context?: string): void {
    if (context === undefined) {
      this.operators.clear();
      this.namespaces.clear();
      this.failed.clear();
    } else {
      this.failed.delete(context);
      this.operators.delete(context);
      this.namespaces.delete(context);
    }
  }

  /** Forgets a context whose namespaces could not be listed, so expanding it again retries. */
  forgetFailure(context: string): void {
    if (this.failed.delete(context)) {
      this.forget(context);
    }
  }

  private loadNamespaces(context: string): Promise<NamespacesState> {
    let load = this.namespaces.get(context);
    if (!load) {
      load = this.api.send(Requests.clusterListNamespaces, { context }).then(
        (response): NamespacesState => ({ kind: 'loaded', response }),
        (error: unknown): NamespacesState => {
          const failure = toRpcError(error);
          this.failed.add(context);
          return {
            kind: 'failed',
            failure: { message: failure.message, errorCode: failure.errorCode },
          };
        },
      );
      this.namespaces.set(context, load);
    }
    return load;
  }

  /** The operator of a context; undefined when the server could not say. */
  private operator(context: string): Promise<ClusterDto | undefined> {
    let asked = this.operators.get(context);
    if (!asked) {
      asked = this.api.send(Requests.clusterListClusters, { contexts: [context] }).then(
        (response) => response.clusters.find((c) => c.context === context),
        (error: unknown) => {
          this.options.log?.(
            `cluster/listClusters for ${context} failed: ${toRpcError(error).message}`,
          );
          return undefined;
        },
      );
      this.operators.set(context, asked);
    }
    return asked;
  }
}
