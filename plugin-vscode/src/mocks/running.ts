// The mocks the server runs for this window, as plain data; free of the vscode module.
import type { EnvironmentVariableDto, MocksDto, StartMocksParams } from '../rpc/protocol';

/** The workspace file whose timing and leniency mocks started from the IDE use. */
export const SETTINGS_FILE = 'kubereplay.json';

/**
 * The parameters of `replay/startMocks` for a snapshot: any free loopback port (the server's
 * default) and, when a workspace folder holds one, its kubereplay.json.
 */
export function startMocksParams(snapshotId: string, settingsPath?: string): StartMocksParams {
  return settingsPath ? { snapshot: snapshotId, settingsPath } : { snapshot: snapshotId };
}

/** The first workspace folder's kubereplay.json that exists, as `exists` tells. */
export function settingsPathIn(
  folders: readonly string[],
  exists: (file: string) => boolean,
): string | undefined {
  return folders
    .map((folder) => `${folder.replace(/[/\\]+$/, '')}/${SETTINGS_FILE}`)
    .find((file) => exists(file));
}

/** A value quoted for a POSIX shell: inside single quotes, a quote closes, escapes and reopens. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The `export NAME='value'` lines that send a program run in that shell through the mocks. */
export function environmentText(mocks: MocksDto): string {
  return (
    [
      `# Kube Replay mocks of ${mocks.snapshotName}, listening on ${mocks.address}`,
      ...mocks.environment.map(exportLine),
    ].join('\n') + '\n'
  );
}

function exportLine(variable: EnvironmentVariableDto): string {
  return `export ${variable.name}=${shellQuote(variable.value)}`;
}

/** The mocks running on the server, keyed by their id; kept as start, stop and list answer. */
export class RunningMocks {
  private readonly running = new Map<string, MocksDto>();
  private readonly listeners = new Set<() => void>();

  /** Calls the listener whenever mocks start or stop; returns its undo. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.listeners.forEach((listener) => {
      listener();
    });
  }

  started(mocks: MocksDto): void {
    this.running.set(mocks.id, mocks);
    this.changed();
  }

  stopped(id: string): void {
    if (this.running.delete(id)) {
      this.changed();
    }
  }

  /** What `replay/listMocks` answered: exactly those run now. */
  listed(all: readonly MocksDto[]): void {
    this.running.clear();
    all.forEach((mocks) => this.running.set(mocks.id, mocks));
    this.changed();
  }

  /** The server went away, and its mocks with it. */
  clear(): void {
    this.listed([]);
  }

  get(id: string): MocksDto | undefined {
    return this.running.get(id);
  }

  /** The mocks of a snapshot, first started first. */
  ofSnapshot(snapshotId: string): MocksDto[] {
    return this.all.filter((mocks) => mocks.snapshotId === snapshotId);
  }

  get all(): MocksDto[] {
    return [...this.running.values()];
  }
}
