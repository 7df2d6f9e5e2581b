// Follows running imports by operation id; free of the vscode module.
import type { DidFinishImportParams, DidProgressParams } from '../rpc/protocol';

export interface ImportListener {
  progress(params: DidProgressParams): void;
  finished(params: DidFinishImportParams): void;
}

/**
 * Routes traffic/didProgress and traffic/didFinishImport to the import they are about. The
 * notifications may arrive before the importFile answer names the operation, so those for an
 * unknown operation are kept until it is watched.
 */
export class ImportWatcher {
  private readonly listeners = new Map<string, ImportListener>();
  private readonly early = new Map<string, (DidProgressParams | DidFinishImportParams)[]>();

  watch(operationId: string, listener: ImportListener): void {
    this.listeners.set(operationId, listener);
    const waiting = this.early.get(operationId) ?? [];
    this.early.delete(operationId);
    for (const params of waiting) {
      this.deliver(listener, params);
    }
  }

  progress(params: DidProgressParams): void {
    this.route(params);
  }

  finished(params: DidFinishImportParams): void {
    this.route(params);
  }

  /** The server went away: every running import ends with an error. */
  serverStopped(): void {
    this.early.clear();
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const [operationId, listener] of listeners) {
      listener.finished({
        operationId,
        error: {
          code: 'SHUTTING_DOWN',
          message: 'The Kube Replay server stopped during the import.',
        },
      });
    }
  }

  private route(params: DidProgressParams | DidFinishImportParams): void {
    const listener = this.listeners.get(params.operationId);
    if (listener) {
      this.deliver(listener, params);
      return;
    }
    const waiting = this.early.get(params.operationId) ?? [];
    waiting.push(params);
    this.early.set(params.operationId, waiting);
  }

  private deliver(
    listener: ImportListener,
    params: DidProgressParams | DidFinishImportParams,
  ): void {
    if ('done' in params) {
      listener.progress(params);
    } else {
      this.listeners.delete(params.operationId);
      listener.finished(params);
    }
  }
}

/** A progress report for withProgress: the increment since the last one, in percent. */
export interface ProgressStep {
  message: string;
  increment?: number;
}

/** Turns traffic/didProgress notifications into withProgress steps. */
export class ProgressTracker {
  private percent = 0;

  step(params: DidProgressParams): ProgressStep {
    const done = params.total > 0 ? `${params.done}/${params.total}` : `${params.done}`;
    const message = params.message ? `${params.message} (${done})` : done;
    if (params.total <= 0) {
      return { message };
    }
    const percent = Math.min(100, Math.max(0, (params.done / params.total) * 100));
    const increment = percent - this.percent;
    if (increment <= 0) {
      return { message };
    }
    this.percent = percent;
    return { message, increment };
  }
}
