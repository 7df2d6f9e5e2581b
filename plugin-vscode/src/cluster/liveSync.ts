// Keeps what the view shows live: sends cluster/watch when what is shown changes, and reloads
// the views a cluster/didChange names, gathered over a short while.
import { toRpcError } from '../rpc/errors';
import { Requests, type ClusterView } from '../rpc/protocol';
import { dataKey, type ClusterApi, type GroupLoads } from './groupLoads';
import type { GroupKind, Scope } from './nodes';
import { watchKey, type Shown } from './shown';

export interface LiveSyncOptions {
  /** How long expansions are gathered before cluster/watch is sent. */
  watchDelayMs?: number;
  /** How long cluster/didChange notifications are gathered before the views reload. */
  refreshDelayMs?: number;
  log?: (line: string) => void;
}

export class LiveSync {
  private watched = 'none';
  private watchTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private dirty = new Map<string, { scope: Scope; group: GroupKind }>();

  constructor(
    private readonly api: ClusterApi,
    private readonly shown: Shown,
    private readonly groups: GroupLoads,
    private readonly options: LiveSyncOptions = {},
  ) {}

  /** The watch last sent, as a key (`none` when nothing is watched). */
  get watching(): string {
    return this.watched;
  }

  /** Sends cluster/watch soon, if what is shown has changed by then. */
  scheduleWatch(): void {
    this.watchTimer ??= setTimeout(() => {
      this.watchTimer = undefined;
      void this.sendWatch();
    }, this.options.watchDelayMs ?? 50);
  }

  /** The server watches nothing for this client any more (it is new). */
  forgetWatch(): void {
    this.watched = 'none';
  }

  /** Reloads soon the views that changed, those still shown; the others on their next showing. */
  viewsChanged(scope: Scope, views: readonly ClusterView[]): void {
    for (const group of views) {
      this.dirty.set(dataKey(scope, group), { scope, group });
    }
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = undefined;
      const dirty = [...this.dirty.values()];
      this.dirty = new Map();
      for (const { scope: where, group } of dirty) {
        if (this.groups.isFresh(where, group) && this.shown.shows(where, group)) {
          void this.groups.load(where, group, true);
        } else {
          this.groups.hide(where, group);
        }
      }
    }, this.options.refreshDelayMs ?? 150);
  }

  dispose(): void {
    clearTimeout(this.watchTimer);
    clearTimeout(this.refreshTimer);
  }

  private async sendWatch(): Promise<void> {
    const plan = this.shown.plan();
    const key = watchKey(plan);
    if (key === this.watched) {
      return;
    }
    this.watched = key;
    try {
      await this.api.send(Requests.clusterWatch, plan ?? { views: [] });
    } catch (error) {
      this.options.log?.(`cluster/watch ${key} failed: ${toRpcError(error).message}`);
      if (this.watched === key) {
        this.watched = 'none';
      }
    }
  }
}
