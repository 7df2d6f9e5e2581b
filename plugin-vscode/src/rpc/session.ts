import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { CancellationToken, RequestType } from 'vscode-jsonrpc/node';
import { Commands } from '../commands';
import { KubeReplayClient } from './client';
import { describeExit, type ServerExit } from './errors';
import {
  ATTACH_PORT_VARIABLE,
  attachTarget,
  buildServerCommand,
  javaProblem,
  probeJava,
  resolveJava,
  resolveServerJar,
  type LaunchSettings,
} from './launcher';
import {
  ProtocolVersion,
  type DidAppendLogsParams,
  type DidChangeClusterParams,
  type DidEndLogsParams,
  type DidFinishImportParams,
  type DidMatchParams,
  type DidProgressParams,
  type DidRecordParams,
  type ErrorDataDto,
  type InitializeResponse,
} from './protocol';
import { protocolProblem } from './version';

export type SessionState =
  | { kind: 'stopped' }
  | { kind: 'starting' }
  | { kind: 'running'; client: KubeReplayClient; server: InitializeResponse['serverInfo'] }
  | { kind: 'failed'; message: string };

/** The notifications this client handles, announced in `initialize`. */
const HANDLED_NOTIFICATIONS = [
  'cluster/didChange',
  'logs/didAppend',
  'logs/didEnd',
  'traffic/didProgress',
  'traffic/didFinishImport',
  'traffic/didRecord',
  'replay/didMatch',
];

const ACTION_OPEN_SETTINGS = 'Open Settings';
const ACTION_RESTART = 'Restart Server';
const ACTION_SHOW_OUTPUT = 'Show Output';

/**
 * The one kubereplay server behind the extension: starts it (or attaches to one started by
 * hand), reports failures the user can act on, and restarts it on request.
 */
export class ServerSession implements vscode.Disposable {
  private state: SessionState = { kind: 'stopped' };
  private starting: Promise<KubeReplayClient> | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<SessionState>();
  private readonly clusterEmitter = new vscode.EventEmitter<DidChangeClusterParams>();
  private readonly appendEmitter = new vscode.EventEmitter<DidAppendLogsParams>();
  private readonly endEmitter = new vscode.EventEmitter<DidEndLogsParams>();
  private readonly progressEmitter = new vscode.EventEmitter<DidProgressParams>();
  private readonly finishImportEmitter = new vscode.EventEmitter<DidFinishImportParams>();
  private readonly recordEmitter = new vscode.EventEmitter<DidRecordParams>();
  private readonly matchEmitter = new vscode.EventEmitter<DidMatchParams>();

  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidChangeCluster = this.clusterEmitter.event;
  readonly onDidAppendLogs = this.appendEmitter.event;
  readonly onDidEndLogs = this.endEmitter.event;
  readonly onDidProgress = this.progressEmitter.event;
  readonly onDidFinishImport = this.finishImportEmitter.event;
  readonly onDidRecord = this.recordEmitter.event;
  readonly onDidMatch = this.matchEmitter.event;

  constructor(
    private readonly extensionPath: string,
    private readonly extensionVersion: string,
    private readonly output: vscode.OutputChannel,
  ) {}

  get current(): SessionState {
    return this.state;
  }

  /** The running server's client; starts the server when needed. Rejects with a readable error. */
  client(): Promise<KubeReplayClient> {
    if (this.state.kind === 'running') {
      return Promise.resolve(this.state.client);
    }
    if (this.state.kind === 'failed') {
      return Promise.reject(new Error(this.state.message));
    }
    return this.start();
  }

  /**
   * Sends a request to the running server, starting it when needed; `token` cancelled sends
   * `$/cancelRequest` and the request rejects with a cancelled RpcError.
   */
  async send<P, R>(
    type: RequestType<P, R, ErrorDataDto>,
    params: P,
    token?: CancellationToken,
  ): Promise<R> {
    return (await this.client()).send(type, params, token);
  }

  start(): Promise<KubeReplayClient> {
    if (this.state.kind === 'running') {
      return Promise.resolve(this.state.client);
    }
    this.starting ??= this.launch().finally(() => (this.starting = undefined));
    return this.starting;
  }

  async restart(): Promise<void> {
    await this.stop();
    try {
      await this.start();
    } catch {
      // reported by launch()
    }
  }

  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const state = this.state;
    this.setState({ kind: 'stopped' });
    if (state.kind === 'running') {
      const exit = await state.client.stop();
      this.output.appendLine(`Server stopped (${exitSummary(exit)}).`);
      state.client.dispose();
    }
  }

  dispose(): void {
    if (this.state.kind === 'running') {
      this.state.client.dispose();
    }
    this.stateEmitter.dispose();
    this.clusterEmitter.dispose();
    this.appendEmitter.dispose();
    this.endEmitter.dispose();
    this.progressEmitter.dispose();
    this.finishImportEmitter.dispose();
    this.recordEmitter.dispose();
    this.matchEmitter.dispose();
  }

  private async launch(): Promise<KubeReplayClient> {
    this.setState({ kind: 'starting' });
    let client: KubeReplayClient | undefined;
    try {
      client = await this.connect();
      const watched = client;
      watched.onDidExit((exit) => {
        this.exited(watched, exit);
      });
      watched.onDidChangeCluster((params) => {
        this.clusterEmitter.fire(params);
      });
      watched.onDidAppendLogs((params) => {
        this.appendEmitter.fire(params);
      });
      watched.onDidEndLogs((params) => {
        this.endEmitter.fire(params);
      });
      watched.onDidProgress((params) => {
        this.progressEmitter.fire(params);
      });
      watched.onDidFinishImport((params) => {
        this.finishImportEmitter.fire(params);
      });
      watched.onDidRecord((params) => {
        this.recordEmitter.fire(params);
      });
      watched.onDidMatch((params) => {
        this.matchEmitter.fire(params);
      });
      const answer = await watched.initialize({
        clientInfo: { name: 'kubereplay-vscode', version: this.extensionVersion },
        capabilities: { notifications: HANDLED_NOTIFICATIONS },
        protocolVersion: ProtocolVersion.current,
      });
      const info = answer.serverInfo;
      const problem = protocolProblem(answer, this.extensionVersion);
      if (problem) {
        throw new Error(problem);
      }
      this.output.appendLine(
        `Connected to ${info.name} ${info.version} (protocol ${answer.protocolVersion ?? '1.0'}).`,
      );
      this.setState({ kind: 'running', client: watched, server: info });
      return watched;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      client?.dispose();
      this.fail(message);
      throw new Error(message, { cause: error });
    }
  }

  private async connect(): Promise<KubeReplayClient> {
    const target = attachTarget(process.env);
    if (target !== undefined) {
      this.output.appendLine(
        `Attaching to the server on 127.0.0.1:${target.port} (${ATTACH_PORT_VARIABLE}).`,
      );
      return KubeReplayClient.connect(target.port, target.token);
    }
    const settings = readSettings();
    const jar = resolveServerJar(settings, this.extensionPath);
    if (!fs.existsSync(jar)) {
      throw new Error(
        `The Kube Replay server jar ${jar} does not exist. Set kubereplay.server.jar to the server's jar.`,
      );
    }
    const java = resolveJava(settings, process.env);
    const problem = javaProblem(java, await probeJava(java.executable));
    if (problem) {
      throw new Error(problem);
    }
    const command = buildServerCommand(java.executable, jar, settings.vmArgs);
    this.output.appendLine(`Starting ${[command.command, ...command.args].join(' ')}`);
    return KubeReplayClient.spawn(command, {
      onStderr: (line) => {
        this.output.appendLine(line);
      },
    });
  }

  private exited(client: KubeReplayClient, exit: ServerExit): void {
    if (this.state.kind !== 'running' || this.state.client !== client) {
      return; // a stop we asked for, or a launch that already failed
    }
    client.dispose();
    this.fail(describeExit(exit));
  }

  private fail(message: string): void {
    this.output.appendLine(`Error: ${message}`);
    this.setState({ kind: 'failed', message });
    void vscode.window
      .showErrorMessage(message, ACTION_OPEN_SETTINGS, ACTION_RESTART, ACTION_SHOW_OUTPUT)
      .then((action) => {
        switch (action) {
          case ACTION_OPEN_SETTINGS:
            return vscode.commands.executeCommand(Commands.openSettings);
          case ACTION_RESTART:
            return vscode.commands.executeCommand(Commands.restartServer);
          case ACTION_SHOW_OUTPUT:
            return vscode.commands.executeCommand(Commands.showOutput);
          default:
            return undefined;
        }
      });
  }

  private setState(state: SessionState): void {
    this.state = state;
    this.stateEmitter.fire(state);
  }
}

function readSettings(): LaunchSettings {
  const config = vscode.workspace.getConfiguration('kubereplay');
  return {
    javaHome: config.get<string>('java.home', ''),
    javaPath: config.get<string>('java.path', ''),
    serverJar: config.get<string>('server.jar', ''),
    vmArgs: config.get<string[]>('server.vmArgs', []),
  };
}

function exitSummary(exit: ServerExit): string {
  if (exit.code !== null) {
    return `exit code ${exit.code}`;
  }
  return exit.signal ? `signal ${exit.signal}` : 'connection closed';
}
