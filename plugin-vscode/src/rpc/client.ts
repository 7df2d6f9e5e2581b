import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as readline from 'node:readline';
import {
  createMessageConnection,
  Emitter,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type Disposable,
  type Event,
  type MessageConnection,
  type RequestParam,
  type RequestType,
} from 'vscode-jsonrpc/node';
import {
  describeExit,
  errorText,
  isConnectionFailure,
  RpcError,
  toRpcError,
  type ServerExit,
} from './errors';
import type { ServerCommand } from './launcher';
import {
  Notifications,
  Requests,
  ServerLaunch,
  type DidAppendLogsParams,
  type DidChangeClusterParams,
  type DidEndLogsParams,
  type DidFinishImportParams,
  type DidProgressParams,
  type DidMatchParams,
  type DidRecordParams,
  type ErrorDataDto,
  type InitializeParams,
  type InitializeResponse,
  type ListContextsResponse,
} from './protocol';

/** How many of the server's last stderr lines an exit report carries. */
const STDERR_TAIL_LINES = 20;

/** How long a failed request waits for the news that the server has exited. */
const EXIT_REPORT_GRACE_MS = 2_000;

export interface ClientOptions {
  /** Receives each line the server writes to stderr. */
  onStderr?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * A typed connection to one kubereplay server: a spawned process speaking on its stdin/stdout,
 * or a server started by hand and listening on a local port.
 */
export class KubeReplayClient implements Disposable {
  private readonly exitEmitter = new Emitter<ServerExit>();
  private readonly stderrTail: string[] = [];
  private exit: ServerExit | undefined;
  private stopRequested = false;

  /** Fires once, when the server process exits or the socket closes. */
  readonly onDidExit: Event<ServerExit> = this.exitEmitter.event;

  private constructor(
    private readonly connection: MessageConnection,
    private readonly closeInput: () => void,
    private readonly kill: () => void,
  ) {
    connection.listen();
  }

  /** Starts the server process; failures to start are reported through {@link onDidExit}. */
  static spawn(command: ServerCommand, options: ClientOptions = {}): KubeReplayClient {
    const child = spawn(command.command, command.args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      cwd: options.cwd,
    });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new KubeReplayClient(
      connection,
      () => child.stdin.end(),
      () => child.kill('SIGKILL'),
    );
    client.watchProcess(child, options.onStderr);
    return client;
  }

  /**
   * Connects to a server started with `serve --port N` on this machine, presenting its token
   * before anything else (the server answers a client without it with UNAUTHORIZED, then closes).
   */
  static connect(
    port: number,
    token: string,
    host = '127.0.0.1',
    timeoutMs = 10_000,
  ): Promise<KubeReplayClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new Error(
            `No kubereplay server answered on ${host}:${port} within ${timeoutMs / 1000} s.`,
          ),
        );
      }, timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(
          new Error(`Cannot connect to a kubereplay server on ${host}:${port}: ${error.message}`),
        );
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.write(`${ServerLaunch.tokenPrefix}${token}\r\n`);
        const connection = createMessageConnection(
          new SocketMessageReader(socket),
          new SocketMessageWriter(socket),
        );
        const client = new KubeReplayClient(
          connection,
          () => socket.end(),
          () => socket.destroy(),
        );
        socket.on('error', () => undefined); // 'close' follows and reports the end
        socket.once('close', (hadError) => {
          client.exited({
            code: null,
            signal: null,
            ...(hadError ? { error: 'connection lost' } : {}),
          });
        });
        resolve(client);
      });
    });
  }

  /** Whether the server has gone: its process exited or the socket closed. */
  get hasExited(): boolean {
    return this.exit !== undefined;
  }

  initialize(params: InitializeParams): Promise<InitializeResponse> {
    return this.request(() => this.connection.sendRequest(Requests.initialize, params));
  }

  listContexts(): Promise<ListContextsResponse> {
    return this.request(() => this.connection.sendRequest(Requests.clusterListContexts, {}));
  }

  /**
   * Any request of the protocol, typed by its entry in `Requests`, e.g.
   * `send(Requests.clusterListWorkloads, { context, namespace })`. Rejects with an RpcError.
   */
  send<P, R>(
    type: RequestType<P, R, ErrorDataDto>,
    params: P,
    token?: CancellationToken,
  ): Promise<R> {
    return this.request(() =>
      token
        ? this.connection.sendRequest(type, params as RequestParam<P>, token)
        : this.connection.sendRequest(type, params as RequestParam<P>),
    );
  }

  onDidChangeCluster(listener: (params: DidChangeClusterParams) => void): Disposable {
    return this.connection.onNotification(Notifications.clusterDidChange, listener);
  }

  onDidAppendLogs(listener: (params: DidAppendLogsParams) => void): Disposable {
    return this.connection.onNotification(Notifications.logsDidAppend, listener);
  }

  onDidEndLogs(listener: (params: DidEndLogsParams) => void): Disposable {
    return this.connection.onNotification(Notifications.logsDidEnd, listener);
  }

  onDidProgress(listener: (params: DidProgressParams) => void): Disposable {
    return this.connection.onNotification(Notifications.trafficDidProgress, listener);
  }

  onDidRecord(listener: (params: DidRecordParams) => void): Disposable {
    return this.connection.onNotification(Notifications.trafficDidRecord, listener);
  }

  onDidMatch(listener: (params: DidMatchParams) => void): Disposable {
    return this.connection.onNotification(Notifications.replayDidMatch, listener);
  }

  onDidFinishImport(listener: (params: DidFinishImportParams) => void): Disposable {
    return this.connection.onNotification(Notifications.trafficDidFinishImport, listener);
  }

  /**
   * Stops the server politely: `shutdown`, then closes its input, which ends the process. Kills it
   * when it has not exited within the timeout.
   */
  async stop(timeoutMs = 5_000): Promise<ServerExit> {
    this.stopRequested = true;
    if (this.exit) {
      return this.exit;
    }
    const exited = this.exitReported();
    const deadline = Date.now() + timeoutMs;
    // A connection the server already closed throws at once rather than rejecting.
    const shutdown = Promise.resolve()
      .then(() => this.connection.sendRequest(Requests.shutdown))
      .catch(() => undefined);
    await withTimeout(shutdown, timeoutMs / 2);
    this.closeInput();
    const exit = await withTimeout(exited, Math.max(0, deadline - Date.now()));
    if (exit) {
      return exit;
    }
    this.kill();
    return (await withTimeout(exited, 2_000)) ?? this.exited({ code: null, signal: 'SIGKILL' });
  }

  dispose(): void {
    if (!this.exit) {
      this.stopRequested = true;
      this.kill();
    }
    this.connection.dispose();
    this.exitEmitter.dispose();
  }

  private async request<R>(send: () => Promise<R>): Promise<R> {
    this.throwIfExited();
    try {
      return await send();
    } catch (error) {
      // A request cut short by the server's end says how the server ended. A write can fail
      // before the process's end is reported, so give that report a moment to arrive.
      if (isConnectionFailure(error)) {
        await withTimeout(this.exitReported(), EXIT_REPORT_GRACE_MS);
      }
      this.throwIfExited();
      throw toRpcError(error);
    }
  }

  private exitReported(): Promise<ServerExit> {
    return this.exit
      ? Promise.resolve(this.exit)
      : new Promise((resolve) => this.exitEmitter.event(resolve));
  }

  private throwIfExited(): void {
    if (this.exit) {
      throw new RpcError(describeExit(this.exit), undefined, undefined);
    }
  }

  private watchProcess(child: ChildProcess, onStderr?: (line: string) => void): void {
    child.stdin?.on('error', () => undefined); // EPIPE after the server died; 'close' reports it
    if (child.stderr) {
      readline.createInterface({ input: child.stderr }).on('line', (line) => {
        this.stderrTail.push(line);
        if (this.stderrTail.length > STDERR_TAIL_LINES) {
          this.stderrTail.shift();
        }
        onStderr?.(line);
      });
    }
    child.once('error', (error) =>
      this.exited({ code: null, signal: null, error: errorText(error) }),
    );
    // 'close' rather than 'exit': by then stderr has been read to its end.
    child.once('close', (code, signal) => this.exited({ code, signal }));
  }

  private exited(end: Pick<ServerExit, 'code' | 'signal' | 'error'>): ServerExit {
    if (this.exit) {
      return this.exit;
    }
    const exit: ServerExit = {
      ...end,
      stderrTail: [...this.stderrTail],
      requested: this.stopRequested,
    };
    this.exit = exit;
    this.connection.dispose(); // rejects pending requests; request() reports the exit instead
    this.exitEmitter.fire(exit);
    return exit;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve(undefined);
    }, ms);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
