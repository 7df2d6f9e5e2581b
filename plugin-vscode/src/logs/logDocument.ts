// The text of one log view: a header saying what is followed, the lines as they arrive (the
// oldest dropped past a cap), and how the follow ended. Free of the vscode module.
import type { LogLineDto } from '../rpc/protocol';

/** Whose logs: a workload's app container, or its kubereplay sidecar. */
export interface LogTarget {
  context: string;
  namespace: string;
  kind: string;
  name: string;
  sidecar: boolean;
}

export type FollowState =
  | { kind: 'starting' }
  | { kind: 'following'; followId: string; pods: string[]; since: Date }
  | { kind: 'ended'; reason: string }
  | { kind: 'failed'; message: string };

/**
 * The path of a target's log document; its last segment is the editor's title. A `/` in a name
 * (contexts named after cloud ARNs have them) is escaped so each part stays one segment.
 */
export function logPath(target: LogTarget): string {
  const file = `${target.name}${target.sidecar ? ' (sidecar)' : ''}.log`;
  const parts = [target.context, target.namespace, target.kind, file];
  return `/${parts.map((part) => part.replace(/%/g, '%25').replace(/\//g, '%2F')).join('/')}`;
}

export class LogDocument {
  private lines: string[] = [];
  private dropped = 0;
  private followState: FollowState = { kind: 'starting' };
  /** What the last follow covered, still said once it has ended. */
  private followed: { pods: string[]; since: Date } | undefined;

  constructor(
    readonly target: LogTarget,
    private readonly maxLines: number,
  ) {}

  get state(): FollowState {
    return this.followState;
  }

  get following(): boolean {
    return this.followState.kind === 'following';
  }

  get followId(): string | undefined {
    return this.followState.kind === 'following' ? this.followState.followId : undefined;
  }

  /** How many lines the document holds (the header and footer not counted). */
  get lineCount(): number {
    return this.lines.length;
  }

  /** Starts over for a new follow: the old lines go. */
  restart(): void {
    this.lines = [];
    this.dropped = 0;
    this.followState = { kind: 'starting' };
    this.followed = undefined;
  }

  started(followId: string, pods: string[], since: Date): void {
    this.followState = { kind: 'following', followId, pods, since };
    this.followed = { pods, since };
  }

  failed(message: string): void {
    this.followState = { kind: 'failed', message };
  }

  /** The follow ended (the server said why, or the user stopped it); later ends change nothing. */
  ended(reason: string): void {
    if (this.followState.kind === 'following' || this.followState.kind === 'starting') {
      this.followState = { kind: 'ended', reason };
    }
  }

  append(lines: readonly LogLineDto[]): void {
    const prefix = this.followState.kind !== 'following' || this.followState.pods.length !== 1;
    for (const line of lines) {
      this.lines.push(prefix ? `[${line.pod}] ${line.text}` : line.text);
    }
    const over = this.lines.length - this.maxLines;
    if (over > 0) {
      this.lines.splice(0, over);
      this.dropped += over;
    }
  }

  text(): string {
    const out = [...this.header()];
    if (this.dropped > 0) {
      out.push(`# … ${this.dropped} earlier lines dropped (kubereplay.logs.maxLines)`);
    }
    out.push(...this.lines);
    const footer = this.footer();
    if (footer) {
      out.push(footer);
    }
    return `${out.join('\n')}\n`;
  }

  private header(): string[] {
    const { target } = this;
    const what = target.sidecar ? 'kubereplay sidecar' : 'app container';
    const head = `# ${target.kind} ${target.name}, ${what} · namespace ${target.namespace} · context ${target.context}`;
    const state = this.followState;
    switch (state.kind) {
      case 'starting':
        return [head, '# Starting to follow…'];
      case 'following':
        return [
          head,
          `# Following ${podsText(state.pods)} since ${time(state.since)}` +
            ' · Stop with the ■ button or "Kube Replay: Stop Following Logs"',
        ];
      default:
        return this.followed
          ? [head, `# Followed ${podsText(this.followed.pods)} from ${time(this.followed.since)}`]
          : [head];
    }
  }

  private footer(): string | undefined {
    const state = this.followState;
    if (state.kind === 'ended') {
      return `# Ended: ${state.reason}`;
    }
    if (state.kind === 'failed') {
      return `# Could not follow the logs: ${state.message}`;
    }
    return undefined;
  }
}

function podsText(pods: string[]): string {
  return pods.length === 0 ? 'no pods yet' : `pods ${pods.join(', ')}`;
}

function time(at: Date): string {
  return at.toTimeString().slice(0, 8);
}
