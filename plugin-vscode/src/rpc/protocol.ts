// The kubereplay protocol, generated from the Java interfaces in shared-model.
// Do not edit: change the Java protocol, then run
//   ./mvnw -pl shared-model test -Dkubereplay.regenerate=true
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';

export type ListContextsParams = Record<string, never>;

export interface ListContextsResponse {
  contexts: KubeContextDto[];
  currentContext?: string;
  kubeconfigFiles: string[];
}

export interface KubeContextDto {
  name: string;
  cluster: string;
  server?: string;
  user: string;
  authKind: AuthKind;
  namespace: string;
  current: boolean;
  sourceFile: string;
}

export type AuthKind = 'CLIENT_CERTIFICATE' | 'TOKEN' | 'BASIC' | 'EXEC' | 'AUTH_PROVIDER' | 'NONE';

export interface InitializeParams {
  clientInfo: ClientInfoDto;
  capabilities: ClientCapabilitiesDto;
}

export interface ClientInfoDto {
  name: string;
  version: string;
}

export interface ClientCapabilitiesDto {
  notifications: string[];
}

export interface InitializeResponse {
  serverInfo: ServerInfoDto;
  capabilities: ServerCapabilitiesDto;
}

export interface ServerInfoDto {
  name: string;
  version: string;
  protocolVersion: number;
}

export interface ServerCapabilitiesDto {
  requests: string[];
}

export interface DidChangeClusterParams {
  changes: ClusterChangeKind[];
}

export type ClusterChangeKind = 'CONTEXTS';

export interface ErrorDataDto {
  errorCode: ErrorCode;
  subject?: string;
}

export type ErrorCode = 'METHOD_NOT_FOUND' | 'INVALID_PARAMS' | 'INTERNAL_ERROR' | 'REQUEST_CANCELLED' | 'KUBECONFIG_NOT_FOUND' | 'KUBECONFIG_UNREADABLE' | 'KUBECONFIG_MALFORMED' | 'CONTEXT_NOT_FOUND' | 'FORBIDDEN' | 'CLUSTER_UNREACHABLE' | 'NOT_FOUND' | 'CONFLICT' | 'SHUTTING_DOWN';

/** JSON-RPC error codes by name; the error's data is an ErrorDataDto. */
export const ErrorCodes = {
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
  REQUEST_CANCELLED: -32800,
  KUBECONFIG_NOT_FOUND: -32001,
  KUBECONFIG_UNREADABLE: -32002,
  KUBECONFIG_MALFORMED: -32003,
  CONTEXT_NOT_FOUND: -32004,
  FORBIDDEN: -32005,
  CLUSTER_UNREACHABLE: -32006,
  NOT_FOUND: -32007,
  CONFLICT: -32008,
  SHUTTING_DOWN: -32009,
} as const;

/** Requests the client sends to the server. */
export const Requests = {
  clusterListContexts: new RequestType<ListContextsParams, ListContextsResponse, ErrorDataDto>('cluster/listContexts'),
  initialize: new RequestType<InitializeParams, InitializeResponse, ErrorDataDto>('initialize'),
  shutdown: new RequestType0<null, ErrorDataDto>('shutdown'),
} as const;

/** Notifications the server sends to the client. */
export const Notifications = {
  clusterDidChange: new NotificationType<DidChangeClusterParams>('cluster/didChange'),
} as const;
