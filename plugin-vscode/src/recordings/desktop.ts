// Desktop recordings (a reverse or forward proxy run by the server) as plain data; free of the
// vscode module.
import type {
  DidRecordParams,
  StartRecordingParams,
  StartRecordingResponse,
} from '../rpc/protocol';

export const DEFAULT_LISTEN = '127.0.0.1:8081';

/** A message when a listen address is not `host:port`. */
export function validateListen(value: string): string | undefined {
  const match = /^(.+):(\d+)$/.exec(value.trim());
  const port = match ? Number(match[2]) : NaN;
  return port > 0 && port < 65536 ? undefined : 'Enter host:port, e.g. 127.0.0.1:8081.';
}

/** A message when an upstream is not an http(s) URL. */
export function validateUpstream(value: string): string | undefined {
  return /^https?:\/\/[^/\s]+/i.test(value.trim())
    ? undefined
    : 'Enter the URL of the service to record, e.g. http://localhost:8080.';
}

export function startParams(
  listen: string,
  upstream: string | undefined,
  name: string | undefined,
  redactKeys: readonly string[] = [],
): StartRecordingParams {
  const trimmed = name?.trim();
  const params: StartRecordingParams = {
    listen: listen.trim(),
    upstream: upstream?.trim(),
    forward: upstream === undefined,
    name: trimmed ? trimmed : undefined,
  };
  if (redactKeys.length > 0) {
    params.redactKeys = [...redactKeys];
  }
  return params;
}

export interface RunningRecording {
  recordingId: string;
  snapshotId: string;
  address: string;
  forward: boolean;
  pairs: number;
  lastRequest?: string;
}

/** The recordings the server runs for this window, counted as traffic/didRecord arrives. */
export class DesktopRecordings {
  private readonly running = new Map<string, RunningRecording>();
  private readonly listeners = new Set<() => void>();

  /** Calls the listener whenever the running recordings or their counts change; returns its undo. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.listeners.forEach((listener) => {
      listener();
    });
  }

  started(answer: StartRecordingResponse, forward: boolean): RunningRecording {
    const recording = { ...answer, forward, pairs: 0 };
    this.running.set(answer.recordingId, recording);
    this.changed();
    return recording;
  }

  recorded(params: DidRecordParams): boolean {
    const recording = this.running.get(params.recordingId);
    if (!recording) {
      return false;
    }
    recording.pairs = params.pairs;
    recording.lastRequest = params.lastRequest;
    this.changed();
    return true;
  }

  stopped(recordingId: string): void {
    this.running.delete(recordingId);
    this.changed();
  }

  /** The server went away, and its proxies with it. */
  clear(): void {
    this.running.clear();
    this.changed();
  }

  get all(): RunningRecording[] {
    return [...this.running.values()];
  }

  /** The status bar text, or undefined when nothing records. */
  statusText(): string | undefined {
    const all = this.all;
    if (all.length === 0) {
      return undefined;
    }
    const pairs = all.reduce((sum, recording) => sum + recording.pairs, 0);
    const where = all.length === 1 ? ` on ${all[0]?.address ?? ''}` : ` (${all.length} proxies)`;
    return `$(record) Recording${where}: ${pairs} pairs`;
  }

  statusTooltip(): string {
    return this.all
      .map(
        (recording) =>
          `${recording.forward ? 'Forward proxy' : 'Reverse proxy'} ${recording.address}: ` +
          `${recording.pairs} pairs${recording.lastRequest ? `, last ${recording.lastRequest}` : ''}`,
      )
      .concat('Click to stop.')
      .join('\n');
  }
}
