import * as vscode from 'vscode';
import { BuiltinCommands, ContextKeys, LOGS_SCHEME } from '../commands';
import { errorText } from '../rpc/errors';
import type {
  DidAppendLogsParams,
  DidEndLogsParams,
  FollowLogsResponse,
  LogsParams,
  StopLogsResponse,
} from '../rpc/protocol';
import { LogDocument, logPath, type LogTarget } from './logDocument';

/** What the logs view needs of the server. */
export interface LogsApi {
  follow(params: LogsParams): Promise<FollowLogsResponse>;
  stop(followId: string): Promise<StopLogsResponse>;
}

/** How often a following document is redrawn at most. */
const UPDATE_MS = 150;

/**
 * Logs as read-only documents (`kubereplay-logs:` URIs), one per workload and container kind:
 * lines arrive from logs/didAppend, the follow ends with logs/didEnd, with the stop button, or
 * when the document is closed.
 */
export class LogsView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly docs = new Map<string, LogDocument>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Line counts before the last redraw, to follow the end only when the reader is there. */
  private readonly before = new Map<string, number>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];

  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly api: LogsApi,
    private readonly settings: () => { tailLines: number; maxLines: number },
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === LOGS_SCHEME) {
          void this.stop(document.uri).then(() => this.docs.delete(document.uri.toString()));
        }
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.scheme === LOGS_SCHEME) {
          this.keepAtEnd(event.document);
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.updateContextKey();
      }),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.docs.get(uri.toString())?.text() ??
      '# These logs are no longer followed: open them again from the Clusters view.\n'
    );
  }

  /** Shows a target's logs; starts following unless its document already follows. */
  async open(target: LogTarget): Promise<void> {
    const uri = vscode.Uri.from({ scheme: LOGS_SCHEME, path: logPath(target) });
    const key = uri.toString();
    let doc = this.docs.get(key);
    const { tailLines, maxLines } = this.settings();
    if (!doc) {
      doc = new LogDocument(target, maxLines);
      this.docs.set(key, doc);
    } else if (!doc.following) {
      doc.restart();
      this.update(uri);
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'log');
    await vscode.window.showTextDocument(document, { preview: false });
    if (doc.following) {
      return;
    }
    try {
      const answer = await this.api.follow({
        context: target.context,
        namespace: target.namespace,
        target: target.name,
        kind: target.kind,
        sidecar: target.sidecar,
        previous: false,
        tailLines,
      });
      doc.started(answer.followId, answer.pods, new Date());
    } catch (error) {
      doc.failed(errorText(error));
    }
    this.update(uri);
  }

  /** Stops following the logs of a document (the active editor's when none is given). */
  async stop(uri = vscode.window.activeTextEditor?.document.uri): Promise<void> {
    const doc = uri ? this.docs.get(uri.toString()) : undefined;
    const followId = doc?.followId;
    if (!uri || !doc || !followId) {
      return;
    }
    doc.ended('stopped');
    this.update(uri);
    try {
      await this.api.stop(followId);
    } catch {
      // the follow is gone with the server
    }
  }

  appended(params: DidAppendLogsParams): void {
    for (const [key, doc] of this.docs) {
      if (doc.followId === params.followId) {
        doc.append(params.lines);
        this.update(vscode.Uri.parse(key), false);
      }
    }
  }

  endedFollow(params: DidEndLogsParams): void {
    for (const [key, doc] of this.docs) {
      if (doc.followId === params.followId) {
        doc.ended(params.reason);
        this.update(vscode.Uri.parse(key));
      }
    }
  }

  /** The server went away: every follow with it. */
  serverStopped(): void {
    for (const [key, doc] of this.docs) {
      if (doc.following) {
        doc.ended('the Kube Replay server stopped');
        this.update(vscode.Uri.parse(key));
      }
    }
  }

  dispose(): void {
    this.timers.forEach((timer) => {
      clearTimeout(timer);
    });
    this.subscriptions.forEach((subscription) => {
      subscription.dispose();
    });
    this.changeEmitter.dispose();
  }

  /** Redraws a document: at once, or gathered with other lines within UPDATE_MS. */
  private update(uri: vscode.Uri, now = true): void {
    const key = uri.toString();
    const redraw = () => {
      this.timers.delete(key);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      this.before.set(key, document?.lineCount ?? 0);
      this.changeEmitter.fire(uri);
      this.updateContextKey();
    };
    if (now) {
      clearTimeout(this.timers.get(key));
      redraw();
    } else if (!this.timers.has(key)) {
      this.timers.set(key, setTimeout(redraw, UPDATE_MS));
    }
  }

  /** Scrolls editors that showed the last line to the new last line, as a terminal does. */
  private keepAtEnd(document: vscode.TextDocument): void {
    const before = this.before.get(document.uri.toString()) ?? 0;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) {
        continue;
      }
      const seen = editor.visibleRanges.at(-1)?.end.line ?? 0;
      if (seen >= before - 2) {
        const end = new vscode.Position(document.lineCount - 1, 0);
        editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.Default);
      }
    }
  }

  private updateContextKey(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const following = uri?.scheme === LOGS_SCHEME && this.docs.get(uri.toString())?.following;
    void vscode.commands.executeCommand(
      BuiltinCommands.setContext,
      ContextKeys.logsFollowing,
      following === true,
    );
  }
}
