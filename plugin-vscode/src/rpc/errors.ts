// How requests and the server fail, in words a user can act on.
import { ErrorCodes as JsonRpcErrorCodes, ResponseError } from 'vscode-jsonrpc/node';
import { ErrorCodes, type ErrorCode, type ErrorDataDto } from './protocol';

/** How the server's process (or the socket to an attached server) ended. */
export interface ServerExit {
  code: number | null;
  signal: string | null;
  /** Set when the process could not be started at all (e.g. ENOENT). */
  error?: string;
  /** The last lines the server wrote to stderr. */
  stderrTail: string[];
  /** True when the client asked the server to stop. */
  requested: boolean;
}

/** A failed request: the server's message as-is, and its error code when the server sent one. */
export class RpcError extends Error {
  constructor(
    message: string,
    readonly errorCode: ErrorCode | undefined,
    readonly subject: string | undefined,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

/** A readable error for anything a request rejected with. */
export function toRpcError(error: unknown): RpcError {
  if (error instanceof RpcError) {
    return error;
  }
  if (error instanceof ResponseError) {
    const data = error.data as Partial<ErrorDataDto> | undefined;
    const errorCode = isErrorCode(data?.errorCode) ? data.errorCode : errorCodeOf(error.code);
    return new RpcError(error.message, errorCode, data?.subject ?? undefined);
  }
  return new RpcError(errorText(error), undefined, undefined);
}

/** One sentence about how the server ended, with its last stderr lines. */
export function describeExit(exit: ServerExit): string {
  const how = exit.error
    ? `could not run: ${exit.error}`
    : exit.code !== null
      ? `exited with code ${exit.code}`
      : exit.signal
        ? `was stopped by signal ${exit.signal}`
        : 'closed the connection';
  const tail = exit.stderrTail.filter((line) => line.trim() !== '').slice(-3);
  return (
    `The Kube Replay server ${how}.` + (tail.length > 0 ? ` Last output: ${tail.join(' | ')}` : '')
  );
}

/** Whether the request failed on the way rather than being answered with an error. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof ResponseError)) {
    return true;
  }
  const code: number = error.code;
  return (
    code === JsonRpcErrorCodes.MessageWriteError ||
    code === JsonRpcErrorCodes.MessageReadError ||
    code === JsonRpcErrorCodes.PendingResponseRejected ||
    code === JsonRpcErrorCodes.ConnectionInactive
  );
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ErrorCodes, value);
}

function errorCodeOf(code: number): ErrorCode | undefined {
  const entry = Object.entries(ErrorCodes).find(([, value]) => value === code);
  return entry ? (entry[0] as ErrorCode) : undefined;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
