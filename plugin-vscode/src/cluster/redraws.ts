// When the view may redraw changed rows. Redrawn while the view waits for the children of that
// row or of a row under it, VS Code drops the children it waited for and shows none; so such a
// redraw waits until those children have come. Free of the vscode module.

/** The id standing for the view's root (the contexts) while they load. */
const ROOT = '';

export class Redraws {
  /** Rows whose children the view waits for, by id, with how many requests are open. */
  private readonly loading = new Map<string, number>();
  private queued: Set<string> | 'all' | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** The id of the row above a row, undefined at the top. */
    private readonly parentOf: (id: string) => string | undefined,
    /** Redraws rows by id; undefined: all. */
    private readonly redraw: (ids: string[] | undefined) => void,
  ) {}

  /** The view asked for a row's children (the contexts' when no id); call the answer when done. */
  load(id: string | undefined): () => void {
    const key = id ?? ROOT;
    this.loading.set(key, (this.loading.get(key) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) {
        return;
      }
      done = true;
      const left = (this.loading.get(key) ?? 1) - 1;
      if (left > 0) {
        this.loading.set(key, left);
      } else {
        this.loading.delete(key);
      }
      this.schedule();
    };
  }

  /** Rows changed (all when undefined): they are redrawn as soon as that is safe. */
  changed(ids: readonly string[] | undefined): void {
    if (!ids || this.queued === 'all') {
      this.queued = 'all';
    } else {
      const queued = this.queued ?? new Set<string>();
      ids.forEach((id) => queued.add(id));
      this.queued = queued;
    }
    this.schedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.queued !== undefined && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, 0);
    }
  }

  private flush(): void {
    const queued = this.queued;
    if (queued === undefined) {
      return;
    }
    if (queued === 'all') {
      if (this.loading.size === 0) {
        this.queued = undefined;
        this.redraw(undefined);
      }
      return;
    }
    const blocked = this.blocked();
    if (blocked === 'all') {
      return;
    }
    const now = [...queued].filter((id) => !blocked.has(id));
    if (now.length > 0) {
      now.forEach((id) => queued.delete(id));
      if (queued.size === 0) {
        this.queued = undefined;
      }
      this.redraw(now);
    }
  }

  /** The rows loading and every row above them. */
  private blocked(): Set<string> | 'all' {
    if (this.loading.has(ROOT)) {
      return 'all';
    }
    const blocked = new Set<string>();
    for (const id of this.loading.keys()) {
      for (let at: string | undefined = id; at !== undefined && !blocked.has(at);) {
        blocked.add(at);
        at = this.parentOf(at);
      }
    }
    return blocked;
  }
}
