// The kubereplay protocol, generated from the Java interfaces in shared-model.
// Do not edit: change the Java protocol, then run
//   ./mvnw -pl shared-model test -Dkubereplay.regenerate=true
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';

export interface DeleteReplayParams {
  context?: string;
  namespace?: string;
  name: string;
}

export interface DeleteReplayResponse {
  deleted: boolean;
}

export interface ScopeParams {
  context?: string;
  namespace?: string;
}

export interface ConfigurationResponse {
  namespace: string;
  found: boolean;
  overridesFound: boolean;
  entries: ConfigEntryDto[];
  freshness: FreshnessDto;
}

export interface ConfigEntryDto {
  key: string;
  value?: string;
  override?: string;
  effective: string;
}

export interface FreshnessDto {
  stale: boolean;
  since?: string;
  reason?: string;
}

export interface ListClustersParams {
  contexts: string[];
}

export interface ListClustersResponse {
  clusters: ClusterDto[];
}

export interface ClusterDto {
  context: string;
  clusterName: string;
  status: OperatorStatus;
  operatorNamespace?: string;
  operatorVersion?: string;
  latestVersion: string;
  upgradeAvailable: boolean;
  message?: string;
}

export type OperatorStatus = 'INSTALLED' | 'NOT_INSTALLED' | 'FORBIDDEN' | 'UNREACHABLE';

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

export interface ListEventsResponse {
  events: EventDto[];
  freshness: FreshnessDto;
}

export interface EventDto {
  type: string;
  reason: string;
  objectKind: string;
  objectName: string;
  message: string;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  workload?: WorkloadRefDto;
}

export interface WorkloadRefDto {
  kind: string;
  name: string;
}

export interface ListNamespacesResponse {
  namespaces: string[];
  fallback: boolean;
  message?: string;
}

export interface ListReplaysResponse {
  replays: ReplayDto[];
  crdInstalled: boolean;
  freshness: FreshnessDto;
}

export interface ReplayDto {
  name: string;
  snapshotID?: string;
  mode?: string;
  workload?: string;
  phase?: string;
  progress?: number;
  successRate?: number;
  ready: boolean;
  startedTime?: string;
  finishedTime?: string;
  message?: string;
}

export interface ListSecretsResponse {
  secrets: SecretDto[];
  freshness: FreshnessDto;
}

export interface SecretDto {
  name: string;
  type: string;
  keys: string[];
}

export interface ListServicesResponse {
  services: ServiceDto[];
  freshness: FreshnessDto;
}

export interface ServiceDto {
  name: string;
  type: string;
  clusterIP?: string;
  ports: ServicePortDto[];
  selector: Record<string, string>;
  workloads: WorkloadRefDto[];
}

export interface ServicePortDto {
  name?: string;
  port: number;
  targetPort: string;
  protocol: string;
  nodePort?: number;
}

export interface ListWorkloadsResponse {
  workloads: WorkloadDto[];
  freshness: FreshnessDto;
}

export interface WorkloadDto {
  kind: string;
  name: string;
  namespace: string;
  ready: number;
  desired: number;
  injected: boolean;
  tlsOut: boolean;
  sidecarHealth: HealthLevel;
  healthReasons: string[];
  appRequests: ResourcesDto;
  sidecarRequests: ResourcesDto;
  problems: PodProblemDto[];
}

export type HealthLevel = 'OK' | 'CAUTION' | 'ALERT';

export interface ResourcesDto {
  cpuMillis: number;
  memoryBytes: number;
}

export interface PodProblemDto {
  pod: string;
  container?: string;
  reason: string;
  message?: string;
}

export interface SetWorkloadFlagParams {
  context?: string;
  namespace?: string;
  workload: WorkloadRefDto;
  enabled: boolean;
}

export interface WorkloadResponse {
  workload: WorkloadDto;
}

export interface WatchParams {
  context?: string;
  namespace?: string;
  views: ClusterView[];
}

export type ClusterView = 'WORKLOADS' | 'SECRETS' | 'SERVICES' | 'EVENTS' | 'REPLAYS';

export interface WatchResponse {
  context: string;
  namespace: string;
  views: ClusterView[];
}

export interface LogsParams {
  context?: string;
  namespace?: string;
  target: string;
  kind?: string;
  container?: string;
  sidecar: boolean;
  previous: boolean;
  tailLines?: number;
  since?: number;
}

export interface FollowLogsResponse {
  followId: string;
  pods: string[];
}

export interface GetLogsResponse {
  lines: LogLineDto[];
}

export interface LogLineDto {
  pod: string;
  container: string;
  text: string;
}

export interface StopLogsParams {
  followId: string;
}

export interface StopLogsResponse {
  stopped: boolean;
}

export type ListMocksParams = Record<string, never>;

export interface ListMocksResponse {
  mocks: MocksDto[];
}

export interface MocksDto {
  id: string;
  snapshotId: string;
  snapshotName: string;
  calls: number;
  address: string;
  environment: EnvironmentVariableDto[];
}

export interface EnvironmentVariableDto {
  name: string;
  value: string;
}

export interface StartMocksParams {
  snapshot: string;
  listen?: string;
  timing?: string;
  ignoreQuery?: string[];
  ignoreHeaders?: string[];
  ignoreJsonPaths?: string[];
  matchHeaders?: string[];
  settingsPath?: string;
}

export interface StartMocksResponse {
  mocks: MocksDto;
}

export interface StopMocksParams {
  id: string;
}

export interface StopMocksResponse {
  stopped: boolean;
}

export interface CancelParams {
  operationId: string;
}

export interface CancelResponse {
  cancelled: boolean;
}

export interface SnapshotParams {
  snapshotId: string;
}

export interface DeleteSnapshotResponse {
  deleted: boolean;
}

export interface ExportSnapshotParams {
  snapshotId: string;
  format: string;
  path: string;
}

export interface ExportSnapshotResponse {
  path: string;
  pairs: number;
  bytes: number;
}

export interface GetPairParams {
  snapshotId: string;
  pairId: number;
}

export interface GetPairResponse {
  pair: PairDto;
}

export interface PairDto {
  summary: PairSummaryDto;
  uuid?: string;
  httpVersion?: string;
  statusMessage?: string;
  request: MessageDto;
  response: MessageDto;
  tags: Record<string, string>;
}

export interface PairSummaryDto {
  pairId: number;
  direction: PairDirection;
  timestamp: string;
  durationMillis: number;
  host: string;
  method: string;
  url: string;
  pathTemplate: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
}

export type PairDirection = 'IN' | 'OUT';

export interface MessageDto {
  headers: HeaderDto[];
  body: BodyDto;
}

export interface HeaderDto {
  name: string;
  value: string;
}

export interface BodyDto {
  size: number;
  contentType?: string;
  contentEncoding?: string;
  text?: string;
  base64?: string;
  prettyPrinted: boolean;
}

export interface ImportFileParams {
  path: string;
  format?: string;
  name?: string;
  outboundHosts?: string[];
  maxBodyBytes?: number;
  redactKeys?: string[];
  environmentPath?: string;
}

export interface ImportFileResponse {
  operationId: string;
}

export interface ListEndpointsResponse {
  snapshot: SnapshotDto;
  hosts: HostEndpointsDto[];
}

export interface SnapshotDto {
  id: string;
  name: string;
  source: string;
  created: string;
  inCount: number;
  outCount: number;
  hosts: string[];
  firstTimestamp?: string;
  lastTimestamp?: string;
  skippedCount: number;
  state: SnapshotState;
}

export type SnapshotState = 'RECORDING' | 'COMPLETE' | 'INTERRUPTED';

export interface HostEndpointsDto {
  host: string;
  inCount: number;
  outCount: number;
  endpoints: EndpointDto[];
}

export interface EndpointDto {
  method: string;
  pathTemplate: string;
  inCount: number;
  outCount: number;
  medianMillis?: number;
  p95Millis?: number;
  maxMillis?: number;
  latency?: LatencyHistogramDto;
}

export interface LatencyHistogramDto {
  boundsMillis: number[];
  counts: number[];
}

export interface ListPairsParams {
  snapshotId: string;
  host?: string;
  method?: string;
  pathTemplate?: string;
  offset: number;
  limit: number;
}

export interface ListPairsResponse {
  pairs: PairSummaryDto[];
  total: number;
}

export type ListSnapshotsParams = Record<string, never>;

export interface ListSnapshotsResponse {
  snapshots: SnapshotDto[];
}

export interface ReclassifyParams {
  snapshotId: string;
  host: string;
  method?: string;
  pathTemplate?: string;
  direction: PairDirection;
}

export interface ReclassifyResponse {
  changed: number;
  snapshot: SnapshotDto;
}

export interface RenameSnapshotParams {
  snapshotId: string;
  name: string;
}

export interface SnapshotResponse {
  snapshot: SnapshotDto;
}

export interface StartRecordingParams {
  listen: string;
  upstream?: string;
  forward: boolean;
  name?: string;
  redactKeys?: string[];
}

export interface StartRecordingResponse {
  recordingId: string;
  address: string;
  snapshotId: string;
}

export interface StopRecordingParams {
  recordingId: string;
}

export interface InitializeParams {
  clientInfo: ClientInfoDto;
  capabilities: ClientCapabilitiesDto;
  protocolVersion?: string;
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
  protocolVersion?: string;
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
  context?: string;
  namespace?: string;
  views?: ClusterView[];
  freshness?: FreshnessDto;
}

export type ClusterChangeKind = 'CONTEXTS' | 'VIEWS' | 'CONNECTION';

export interface DidAppendLogsParams {
  followId: string;
  lines: LogLineDto[];
}

export interface DidEndLogsParams {
  followId: string;
  reason: string;
}

export interface DidMatchParams {
  mocksId: string;
  matches: MatchDto[];
  unsent: number;
}

export interface MatchDto {
  time: string;
  method: string;
  url: string;
  pairId?: number;
  status: number;
  nearest: NearMissDto[];
}

export interface NearMissDto {
  pairId: number;
  method: string;
  url: string;
  differences: DifferenceDto[];
}

export interface DifferenceDto {
  part: DifferencePart;
  where: string;
  expected?: string;
  actual?: string;
}

export type DifferencePart = 'METHOD' | 'HOST' | 'PATH' | 'HEADER' | 'QUERY' | 'BODY';

export interface DidFinishImportParams {
  operationId: string;
  report?: ImportReportDto;
  error?: OperationErrorDto;
}

export interface ImportReportDto {
  snapshot: SnapshotDto;
  format: string;
  hosts: HostCountDto[];
  skipped: SkippedEntryDto[];
  skippedCount: number;
  unresolvedVariables: string[];
  bytesRead: number;
  elapsedMillis: number;
  warnings: ImportWarningDto[];
  warningCount: number;
}

export interface HostCountDto {
  host: string;
  inCount: number;
  outCount: number;
}

export interface SkippedEntryDto {
  entry: string;
  reason: string;
}

export interface ImportWarningDto {
  entry: string;
  message: string;
}

export interface OperationErrorDto {
  code: ErrorCode;
  message: string;
  subject?: string;
}

export type ErrorCode = 'METHOD_NOT_FOUND' | 'INVALID_PARAMS' | 'INTERNAL_ERROR' | 'REQUEST_CANCELLED' | 'KUBECONFIG_NOT_FOUND' | 'KUBECONFIG_UNREADABLE' | 'KUBECONFIG_MALFORMED' | 'CONTEXT_NOT_FOUND' | 'FORBIDDEN' | 'CLUSTER_UNREACHABLE' | 'NOT_FOUND' | 'CONFLICT' | 'SHUTTING_DOWN' | 'UNAUTHORIZED' | 'PROTOCOL_MISMATCH' | 'IMPORT_FAILED' | 'SNAPSHOT_NOT_FOUND' | 'PAIR_NOT_FOUND' | 'EXPORT_FAILED' | 'STORE_FAILED' | 'LISTEN_NOT_LOOPBACK';

export interface DidProgressParams {
  operationId: string;
  done: number;
  total: number;
  message: string;
}

export interface DidRecordParams {
  recordingId: string;
  pairs: number;
  lastRequest: string;
}

export interface ErrorDataDto {
  errorCode: ErrorCode;
  subject?: string;
}

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
  UNAUTHORIZED: -32010,
  PROTOCOL_MISMATCH: -32011,
  IMPORT_FAILED: -32020,
  SNAPSHOT_NOT_FOUND: -32021,
  PAIR_NOT_FOUND: -32022,
  EXPORT_FAILED: -32023,
  STORE_FAILED: -32024,
  LISTEN_NOT_LOOPBACK: -32025,
} as const;

/** How to start the server: java <jvmOptions> -jar kubereplay.jar <serveStdio>; or attach to one on a port, sending tokenPrefix + token + CRLF first. */
export const ServerLaunch = {
  jvmOptions: ['-XX:+UseSerialGC', '-Xmx320m', '-XX:TieredStopAtLevel=1'],
  serveStdio: ['serve', '--stdio'],
  attachPortVariable: 'KUBEREPLAY_SERVER_PORT',
  tokenVariable: 'KUBEREPLAY_TOKEN',
  tokenPrefix: 'Kubereplay-Token: ',
} as const;

/** The protocol version this mirror speaks, sent and checked in initialize. */
export const ProtocolVersion = {
  current: '1.3',
  major: 1,
  minor: 3,
} as const;

/** Requests the client sends to the server. */
export const Requests = {
  clusterDeleteReplay: new RequestType<DeleteReplayParams, DeleteReplayResponse, ErrorDataDto>('cluster/deleteReplay'),
  clusterGetConfiguration: new RequestType<ScopeParams, ConfigurationResponse, ErrorDataDto>('cluster/getConfiguration'),
  clusterListClusters: new RequestType<ListClustersParams, ListClustersResponse, ErrorDataDto>('cluster/listClusters'),
  clusterListContexts: new RequestType<ListContextsParams, ListContextsResponse, ErrorDataDto>('cluster/listContexts'),
  clusterListEvents: new RequestType<ScopeParams, ListEventsResponse, ErrorDataDto>('cluster/listEvents'),
  clusterListNamespaces: new RequestType<ScopeParams, ListNamespacesResponse, ErrorDataDto>('cluster/listNamespaces'),
  clusterListReplays: new RequestType<ScopeParams, ListReplaysResponse, ErrorDataDto>('cluster/listReplays'),
  clusterListSecrets: new RequestType<ScopeParams, ListSecretsResponse, ErrorDataDto>('cluster/listSecrets'),
  clusterListServices: new RequestType<ScopeParams, ListServicesResponse, ErrorDataDto>('cluster/listServices'),
  clusterListWorkloads: new RequestType<ScopeParams, ListWorkloadsResponse, ErrorDataDto>('cluster/listWorkloads'),
  clusterSetInjection: new RequestType<SetWorkloadFlagParams, WorkloadResponse, ErrorDataDto>('cluster/setInjection'),
  clusterSetTlsOut: new RequestType<SetWorkloadFlagParams, WorkloadResponse, ErrorDataDto>('cluster/setTlsOut'),
  clusterWatch: new RequestType<WatchParams, WatchResponse, ErrorDataDto>('cluster/watch'),
  logsFollow: new RequestType<LogsParams, FollowLogsResponse, ErrorDataDto>('logs/follow'),
  logsGet: new RequestType<LogsParams, GetLogsResponse, ErrorDataDto>('logs/get'),
  logsStop: new RequestType<StopLogsParams, StopLogsResponse, ErrorDataDto>('logs/stop'),
  replayListMocks: new RequestType<ListMocksParams, ListMocksResponse, ErrorDataDto>('replay/listMocks'),
  replayStartMocks: new RequestType<StartMocksParams, StartMocksResponse, ErrorDataDto>('replay/startMocks'),
  replayStopMocks: new RequestType<StopMocksParams, StopMocksResponse, ErrorDataDto>('replay/stopMocks'),
  trafficCancel: new RequestType<CancelParams, CancelResponse, ErrorDataDto>('traffic/cancel'),
  trafficDeleteSnapshot: new RequestType<SnapshotParams, DeleteSnapshotResponse, ErrorDataDto>('traffic/deleteSnapshot'),
  trafficExportSnapshot: new RequestType<ExportSnapshotParams, ExportSnapshotResponse, ErrorDataDto>('traffic/exportSnapshot'),
  trafficGetPair: new RequestType<GetPairParams, GetPairResponse, ErrorDataDto>('traffic/getPair'),
  trafficImportFile: new RequestType<ImportFileParams, ImportFileResponse, ErrorDataDto>('traffic/importFile'),
  trafficListEndpoints: new RequestType<SnapshotParams, ListEndpointsResponse, ErrorDataDto>('traffic/listEndpoints'),
  trafficListPairs: new RequestType<ListPairsParams, ListPairsResponse, ErrorDataDto>('traffic/listPairs'),
  trafficListSnapshots: new RequestType<ListSnapshotsParams, ListSnapshotsResponse, ErrorDataDto>('traffic/listSnapshots'),
  trafficReclassify: new RequestType<ReclassifyParams, ReclassifyResponse, ErrorDataDto>('traffic/reclassify'),
  trafficRenameSnapshot: new RequestType<RenameSnapshotParams, SnapshotResponse, ErrorDataDto>('traffic/renameSnapshot'),
  trafficStartRecording: new RequestType<StartRecordingParams, StartRecordingResponse, ErrorDataDto>('traffic/startRecording'),
  trafficStopRecording: new RequestType<StopRecordingParams, SnapshotResponse, ErrorDataDto>('traffic/stopRecording'),
  initialize: new RequestType<InitializeParams, InitializeResponse, ErrorDataDto>('initialize'),
  shutdown: new RequestType0<null, ErrorDataDto>('shutdown'),
} as const;

/** Notifications the server sends to the client. */
export const Notifications = {
  clusterDidChange: new NotificationType<DidChangeClusterParams>('cluster/didChange'),
  logsDidAppend: new NotificationType<DidAppendLogsParams>('logs/didAppend'),
  logsDidEnd: new NotificationType<DidEndLogsParams>('logs/didEnd'),
  replayDidMatch: new NotificationType<DidMatchParams>('replay/didMatch'),
  trafficDidFinishImport: new NotificationType<DidFinishImportParams>('traffic/didFinishImport'),
  trafficDidProgress: new NotificationType<DidProgressParams>('traffic/didProgress'),
  trafficDidRecord: new NotificationType<DidRecordParams>('traffic/didRecord'),
} as const;
