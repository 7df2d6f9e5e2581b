// The Clusters view's state: what the server answered, what is shown, what is live. Free of the
// vscode module; clustersTree.ts renders its rows and forwards the view's events to it.
import { toRpcError } from '../rpc/errors';
import {
  Requests,
  type DidChangeClusterParams,
  type FreshnessDto,
  type ListNamespacesResponse,
  type WorkloadDto,
} from '../rpc/protocol';
import { ContextLoads, type ContextLoadsOptions } from './contextLoads';
import { dataKey, GroupLoads, type ClusterApi } from './groupLoads';
import { groupChildren, groupNode, type GroupContext } from './groups';
import { LiveSync, type LiveSyncOptions } from './liveSync';
import { clusterNodes, type ClustersState } from './model';
import {
  contextId,
  GROUPS,
  workloadKey,
  type ClusterNode,
  type GroupKind,
  type GroupNode,
  type NamespaceNode,
  type ReplayNode,
  type Scope,
  type WorkloadNode,
} from './nodes';
import { secretKeyNodes } from './resources';
import { Shown } from './shown';
import type { Toggle } from './workloads';

export type { ClusterApi } from './groupLoads';

export interface StoreOptions extends ContextLoadsOptions, LiveSyncOptions {
  /** Whether the server is down, so a failure says so rather than blaming the request. */
  serverDown?: () => boolean;
  now?: () => Date;
}

/** Told which rows changed; `undefined`: everything. */
export type ChangeListener = (nodes: ClusterNode[] | undefined) => void;

export class ClusterStore {
  private contexts: ClustersState = { kind: 'loading' };
  private generation = 0;
  private readonly contextLoads: ContextLoads;
  private readonly connection = new Map<string, FreshnessDto>();
  private readonly pending = new Map<string, Map<string, Toggle>>();
  private readonly shown = new Shown();
  private readonly groups: GroupLoads;
  private readonly live: LiveSync;
  /** The row objects last handed out, by id: the view knows rows by identity. */
  private readonly latest = new Map<string, ClusterNode>();
  private readonly listeners: ChangeListener[] = [];

  constructor(
    private readonly api: ClusterApi,
    private readonly options: StoreOptions = {},
  ) {
    this.contextLoads = new ContextLoads(api, options);
    this.groups = new GroupLoads(api, (key) => {
      this.fire(this.groupRows(key));
    });
    this.live = new LiveSync(api, this.shown, this.groups, options);
  }

  onDidChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  get contextsState(): ClustersState {
    return this.contexts;
  }

  /** The rows under a row (the contexts under none), loading what they need first. */
  async children(node?: ClusterNode): Promise<ClusterNode[]> {
    const rows = await this.rowsUnder(node);
    for (const row of rows) {
      this.latest.set(row.id, row);
    }
    return rows;
  }

  /**
   * A row as it looks now. The view redraws a changed row from the object it already holds, so
   * rows whose looks depend on answers that come later (a view's count and state) are drawn
   * again from the current state.
   */
  render(node: ClusterNode): ClusterNode {
    return node.kind === 'group' ? this.groupRow(node, node.group) : node;
  }

  /** A row by id as last handed out, if it is still shown. */
  shownRow(id: string): ClusterNode | undefined {
    return this.latest.get(id);
  }

  /** The row above a row, as last handed out. */
  parent(node: ClusterNode): ClusterNode | undefined {
    return node.parentId === undefined ? undefined : this.latest.get(node.parentId);
  }

  private async rowsUnder(node?: ClusterNode): Promise<ClusterNode[]> {
    if (!node) {
      return clusterNodes(this.contexts);
    }
    switch (node.kind) {
      case 'context':
        this.shown.expandContext(node.context);
        return this.contextLoads.rows(node.context, this.kubeconfigNamespace(node.context));
      case 'namespace':
        this.shown.expandNamespace(node);
        this.live.scheduleWatch();
        return GROUPS.map((group) => this.groupRow(node, group));
      case 'group': {
        this.shown.expandGroup(node, node.group);
        this.live.scheduleWatch();
        const scope = { context: node.context, namespace: node.namespace };
        const before = this.groups.state(scope, node.group).kind;
        if (before === 'idle' || before === 'loading') {
          await this.groups.load(scope, node.group);
        } else if (!this.groups.isFresh(scope, node.group)) {
          void this.groups.load(scope, node.group); // shows what it has, then the answer
        }
        return groupChildren(node, this.groups.state(scope, node.group), this.extra(scope));
      }
      case 'secret':
        return secretKeyNodes(node);
      default:
        return [];
    }
  }

  /** The view expanded a row (children() also tells, but not which was expanded last). */
  expanded(node: ClusterNode): void {
    if (node.kind === 'context') {
      this.shown.expandContext(node.context);
    } else if (node.kind === 'namespace') {
      this.shown.expandNamespace(node);
    } else if (node.kind === 'group') {
      this.shown.expandGroup(node, node.group);
    }
    this.live.scheduleWatch();
  }

  /** The view collapsed a row: what it hid stops being live and reloads when shown again. */
  collapsed(node: ClusterNode): void {
    this.shown.collapse(node.id);
    if (node.kind === 'group') {
      this.groups.hide(node, node.group);
    } else if (node.kind === 'context' || node.kind === 'namespace') {
      const namespace = node.kind === 'namespace' ? node.namespace : undefined;
      for (const { scope, group } of this.groups.loaded(node.context, namespace)) {
        this.groups.hide(scope, group);
      }
      if (node.kind === 'context') {
        this.contextLoads.forgetFailure(node.context); // expanding again tries again
      }
    }
    this.live.scheduleWatch();
  }

  /** Asks the server for the contexts again; a later refresh wins over an earlier one. */
  async refreshContexts(): Promise<void> {
    const generation = ++this.generation;
    this.setContexts({ kind: 'loading' });
    let next: ClustersState;
    try {
      next = { kind: 'loaded', response: await this.api.send(Requests.clusterListContexts, {}) };
    } catch (error) {
      const failure = toRpcError(error);
      const serverDown = this.options.serverDown?.() ?? false;
      if (!serverDown) {
        this.log(`cluster/listContexts failed: ${failure.message}`);
      }
      next = {
        kind: 'failed',
        failure: {
          message: failure.message,
          errorCode: failure.errorCode,
          subject: failure.subject,
          serverDown,
        },
      };
    }
    if (generation === this.generation) {
      this.setContexts(next);
    }
  }

  /** Forgets everything the server said (a new server, the refresh button) and asks again. */
  async reload(): Promise<void> {
    this.clearCaches();
    await this.refreshContexts();
  }

  /** Shows the contexts as loading or failed without asking the server (it is starting or down). */
  showContexts(state: ClustersState): void {
    this.generation++;
    this.clearCaches();
    this.setContexts(state);
  }

  /** Reloads what is under a row. */
  async refresh(node: ClusterNode): Promise<void> {
    if (node.kind === 'context') {
      this.contextLoads.forget(node.context);
      this.groups.clear(node.context);
      this.fire([node]);
    } else if (node.kind === 'namespace') {
      this.groups.clear(node.context, node.namespace);
      this.fire([node]);
    } else if (node.kind === 'group') {
      await this.groups.load(node, node.group, true);
    } else {
      const parent = this.parent(node);
      if (parent) {
        await this.refresh(parent);
      }
    }
  }

  /** Routes a cluster/didChange notification to the rows it concerns. */
  handleChange(params: DidChangeClusterParams): void {
    if (params.changes.includes('CONTEXTS')) {
      void this.reload();
      return;
    }
    if (params.changes.includes('CONNECTION') && params.context && params.freshness) {
      this.connectionChanged(params.context, params.freshness);
    }
    if (params.changes.includes('VIEWS') && params.context && params.namespace) {
      const scope = { context: params.context, namespace: params.namespace };
      this.live.viewsChanged(scope, params.views ?? []);
    }
  }

  private connectionChanged(context: string, freshness: FreshnessDto): void {
    if (freshness.stale) {
      this.connection.set(context, freshness);
    } else {
      this.connection.delete(context);
      for (const { scope, group } of this.groups.loaded(context)) {
        if (this.groups.isFresh(scope, group)) {
          void this.groups.load(scope, group, true);
        }
      }
    }
    this.fire(this.rowsOf((node) => node.kind === 'group' && node.context === context));
  }

  /** Flips injection or TLS out; the row shows the workload as the server answers it. */
  async toggle(node: WorkloadNode, which: Toggle): Promise<WorkloadDto> {
    const scope = { context: node.context, namespace: node.namespace };
    const current = this.groups.workload(scope, node.workload) ?? node.workload;
    const key = dataKey(scope, 'WORKLOADS');
    const pending = this.pending.get(key) ?? new Map<string, Toggle>();
    this.pending.set(key, pending);
    pending.set(workloadKey(current), which);
    this.fire(this.groupRows(key));
    try {
      const params = {
        ...scope,
        workload: { kind: current.kind, name: current.name },
        enabled: which === 'injection' ? !current.injected : !current.tlsOut,
      };
      const answer = await this.api.send(
        which === 'injection' ? Requests.clusterSetInjection : Requests.clusterSetTlsOut,
        params,
      );
      pending.delete(workloadKey(current));
      this.groups.updateWorkload(scope, answer.workload);
      return answer.workload;
    } catch (error) {
      throw toRpcError(error);
    } finally {
      if (pending.delete(workloadKey(current))) {
        this.fire(this.groupRows(key));
      }
    }
  }

  /** Deletes a replay and reloads the replays; false when it was already gone. */
  async deleteReplay(node: ReplayNode): Promise<boolean> {
    const answer = await this.api.send(Requests.clusterDeleteReplay, {
      context: node.context,
      namespace: node.namespace,
      name: node.replay.name,
    });
    void this.groups.load(node, 'REPLAYS', true);
    return answer.deleted;
  }

  /** The namespaces of a context, for the namespace picker. */
  namespacesOf(context: string): Promise<ListNamespacesResponse> {
    return this.contextLoads.namespacesOf(context);
  }

  /** The namespace a context opens on: the one the user switched to, else the kubeconfig's. */
  preferredNamespace(context: string): string {
    return this.contextLoads.preferredNamespace(context, this.kubeconfigNamespace(context));
  }

  /**
   * Makes a namespace the one a context opens on (first in its list, expanded, from the next
   * redraw on) and answers its row for the view to reveal. A namespace not in the list (the
   * user may not list them) is added to it; `redrawn` says the context is redrawn for that.
   */
  async switchTo(
    context: string,
    namespace: string,
  ): Promise<{ row: NamespaceNode | undefined; redrawn: boolean }> {
    const redrawn = await this.contextLoads.prefer(context, namespace);
    if (redrawn) {
      const contextRow = this.latest.get(contextId(context));
      this.fire(contextRow ? [contextRow] : undefined);
    }
    const rows = await this.contextLoads.namespaceRows(context, this.kubeconfigNamespace(context));
    for (const row of rows) {
      this.latest.set(row.id, row);
    }
    const row = rows.find(
      (r): r is NamespaceNode => r.kind === 'namespace' && r.namespace === namespace,
    );
    return { row, redrawn };
  }

  dispose(): void {
    this.live.dispose();
    this.listeners.length = 0;
  }

  private kubeconfigNamespace(context: string): string | undefined {
    return this.contexts.kind === 'loaded'
      ? this.contexts.response.contexts.find((c) => c.name === context)?.namespace
      : undefined;
  }

  private groupRow(scope: Scope, group: GroupKind): GroupNode {
    return groupNode(scope, group, this.groups.state(scope, group), this.extra(scope));
  }

  private extra(scope: Scope): GroupContext {
    const pending = this.pending.get(dataKey(scope, 'WORKLOADS'));
    return {
      connection: this.connection.get(scope.context),
      ...(pending ? { pending } : {}),
      ...(this.options.now ? { now: this.options.now() } : {}),
    };
  }

  /** The group rows showing a view's data (Configuration: one per namespace of the context). */
  private groupRows(key: string): ClusterNode[] {
    return this.rowsOf((node) => node.kind === 'group' && dataKey(node, node.group) === key);
  }

  private rowsOf(accept: (node: ClusterNode) => boolean): ClusterNode[] {
    return [...this.latest.values()].filter(accept);
  }

  private setContexts(state: ClustersState): void {
    this.contexts = state;
    this.fire(undefined);
  }

  private clearCaches(): void {
    this.contextLoads.forget();
    this.live.forgetWatch();
    this.connection.clear();
    this.groups.clear();
    this.shown.clear();
    this.latest.clear();
  }

  private fire(nodes: ClusterNode[] | undefined): void {
    if (nodes?.length === 0) {
      return;
    }
    for (const listener of this.listeners) {
      listener(nodes);
    }
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}
