// The data behind the group rows: one load at a time per view, newer answers win, and a
// reload asked for while one runs is run again afterwards.
import type { RequestType } from 'vscode-jsonrpc';
import { toRpcError } from '../rpc/errors';
import { Requests, type ErrorDataDto, type WorkloadDto } from '../rpc/protocol';
import type { GroupData, GroupState } from './groups';
import { groupId, workloadKey, type GroupKind, type Scope } from './nodes';

/** What the view needs of the server; the session in the extension, a fake in the tests. */
export interface ClusterApi {
  send<P, R>(type: RequestType<P, R, ErrorDataDto>, params: P): Promise<R>;
}

interface Entry {
  scope: Scope;
  group: GroupKind;
  state: GroupState;
  /** Bumped by each load and each local update: an answer for an older version is dropped. */
  version: number;
  /** Loaded while shown; false once hidden, so showing it again reloads it. */
  fresh: boolean;
  inflight?: Promise<void> | undefined;
  again: boolean;
}

/**
 * The key of a view's data. The operator's configuration belongs to the context (the server reads
 * it from the operator's namespace), so every namespace's Configuration row shares it.
 */
export function dataKey(scope: Scope, group: GroupKind): string {
  return group === 'CONFIGURATION' ? `config:${scope.context}` : groupId(scope, group);
}

export class GroupLoads {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly api: ClusterApi,
    /** Told after a view's state changed, with the view's data key. */
    private readonly changed: (key: string) => void,
  ) {}

  state(scope: Scope, group: GroupKind): GroupState {
    return this.entries.get(dataKey(scope, group))?.state ?? { kind: 'idle' };
  }

  isFresh(scope: Scope, group: GroupKind): boolean {
    return this.entries.get(dataKey(scope, group))?.fresh ?? false;
  }

  /**
   * Loads a view. While a load runs, another caller gets the same promise; with `again` the view
   * loads once more afterwards, for a change the running load may have missed.
   */
  load(scope: Scope, group: GroupKind, again = false): Promise<void> {
    const entry = this.entry(scope, group);
    if (entry.inflight) {
      entry.again ||= again;
      return entry.inflight;
    }
    const version = ++entry.version;
    if (entry.state.kind === 'idle') {
      entry.state = { kind: 'loading' };
    }
    const run = async () => {
      let next: GroupState;
      try {
        next = { kind: 'loaded', data: await this.fetch(scope, group) };
      } catch (error) {
        const failure = toRpcError(error);
        next = {
          kind: 'failed',
          failure: { message: failure.message, errorCode: failure.errorCode },
        };
      }
      entry.inflight = undefined;
      if (entry.version === version) {
        entry.state = next;
        entry.fresh = true;
      }
      this.changed(dataKey(scope, group));
      if (entry.again) {
        entry.again = false;
        await this.load(scope, group);
      }
    };
    entry.inflight = run();
    return entry.inflight;
  }

  /** Marks a view as hidden: showing it again reloads it. */
  hide(scope: Scope, group: GroupKind): void {
    const entry = this.entries.get(dataKey(scope, group));
    if (entry) {
      entry.fresh = false;
    }
  }

  /** Every loaded view of a context (and namespace), for reloads and stale markers. */
  loaded(context: string, namespace?: string): { scope: Scope; group: GroupKind }[] {
    return [...this.entries.values()]
      .filter((entry) => entry.scope.context === context)
      .filter((entry) => namespace === undefined || entry.scope.namespace === namespace)
      .filter((entry) => entry.state.kind !== 'idle')
      .map(({ scope, group }) => ({ scope, group }));
  }

  /** Puts a workload as the server answered a toggle into the loaded Workloads view. */
  updateWorkload(scope: Scope, workload: WorkloadDto): void {
    const entry = this.entries.get(dataKey(scope, 'WORKLOADS'));
    if (entry?.state.kind !== 'loaded' || entry.state.data.group !== 'WORKLOADS') {
      return;
    }
    const { response } = entry.state.data;
    const key = workloadKey(workload);
    const found = response.workloads.some((w) => workloadKey(w) === key);
    const workloads = found
      ? response.workloads.map((w) => (workloadKey(w) === key ? workload : w))
      : [...response.workloads, workload];
    entry.version++;
    entry.state = {
      kind: 'loaded',
      data: { group: 'WORKLOADS', response: { ...response, workloads } },
    };
    this.changed(dataKey(scope, 'WORKLOADS'));
  }

  /** A workload as last loaded, to toggle from its current state. */
  workload(scope: Scope, ref: { kind: string; name: string }): WorkloadDto | undefined {
    const state = this.state(scope, 'WORKLOADS');
    if (state.kind !== 'loaded' || state.data.group !== 'WORKLOADS') {
      return undefined;
    }
    return state.data.response.workloads.find((w) => workloadKey(w) === workloadKey(ref));
  }

  /** Forgets views: all, a context's or one namespace's. */
  clear(context?: string, namespace?: string): void {
    for (const [key, entry] of this.entries) {
      if (
        context === undefined ||
        (entry.scope.context === context &&
          (namespace === undefined ||
            entry.group === 'CONFIGURATION' ||
            entry.scope.namespace === namespace))
      ) {
        this.entries.delete(key);
      }
    }
  }

  private entry(scope: Scope, group: GroupKind): Entry {
    const key = dataKey(scope, group);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { scope, group, state: { kind: 'idle' }, version: 0, fresh: false, again: false };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private async fetch(scope: Scope, group: GroupKind): Promise<GroupData> {
    const params = { context: scope.context, namespace: scope.namespace };
    switch (group) {
      case 'CONFIGURATION':
        // The operator's namespace, wherever the row is.
        return {
          group,
          response: await this.api.send(Requests.clusterGetConfiguration, {
            context: scope.context,
          }),
        };
      case 'WORKLOADS':
        return { group, response: await this.api.send(Requests.clusterListWorkloads, params) };
      case 'SECRETS':
        return { group, response: await this.api.send(Requests.clusterListSecrets, params) };
      case 'SERVICES':
        return { group, response: await this.api.send(Requests.clusterListServices, params) };
      case 'EVENTS':
        return { group, response: await this.api.send(Requests.clusterListEvents, params) };
      case 'REPLAYS':
        return { group, response: await this.api.send(Requests.clusterListReplays, params) };
    }
  }
}
