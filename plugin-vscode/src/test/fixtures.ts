// DTOs the view-model tests build their rows from, and a scripted stand-in for the server.
import { ResponseError } from 'vscode-jsonrpc/node';
import type { RequestType } from 'vscode-jsonrpc';
import type { ClusterApi } from '../cluster/store';
import {
  ErrorCodes,
  type ErrorCode,
  type ErrorDataDto,
  type FreshnessDto,
  type WorkloadDto,
} from '../rpc/protocol';

export const FRESH: FreshnessDto = { stale: false };

export function workload(overrides: Partial<WorkloadDto> = {}): WorkloadDto {
  return {
    kind: 'Deployment',
    name: 'api',
    namespace: 'shop',
    ready: 2,
    desired: 2,
    injected: false,
    tlsOut: false,
    sidecarHealth: 'OK',
    healthReasons: [],
    appRequests: { cpuMillis: 250, memoryBytes: 128 * 1024 * 1024 },
    sidecarRequests: { cpuMillis: 0, memoryBytes: 0 },
    problems: [],
    ...overrides,
  };
}

/** A server error as vscode-jsonrpc hands it over: code, message and ErrorDataDto. */
export function rpcError(errorCode: ErrorCode, message: string): ResponseError<ErrorDataDto> {
  return new ResponseError(ErrorCodes[errorCode], message, { errorCode });
}

type Handler = (params: unknown) => unknown;

/**
 * Answers requests by method name with scripted handlers (a value, or a function of the params
 * that may throw or return a promise), and records every call.
 */
export class FakeApi implements ClusterApi {
  readonly calls: { method: string; params: unknown }[] = [];

  constructor(private readonly handlers: Record<string, Handler | object> = {}) {}

  on(method: string, handler: Handler | object): this {
    this.handlers[method] = handler;
    return this;
  }

  send<P, R>(type: RequestType<P, R, ErrorDataDto>, params: P): Promise<R> {
    this.calls.push({ method: type.method, params });
    const handler = this.handlers[type.method];
    if (handler === undefined) {
      return Promise.reject(new Error(`no answer scripted for ${type.method}`));
    }
    try {
      const answer = typeof handler === 'function' ? (handler as Handler)(params) : handler;
      return Promise.resolve(answer as R);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The params of the calls of one method, in order. */
  paramsOf(method: string): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.params);
  }

  count(method: string): number {
    return this.paramsOf(method).length;
  }
}

/** Lets pending promises and zero-delay timers run. */
export async function settle(ms = 5): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
