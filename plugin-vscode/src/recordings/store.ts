// Loads the Recordings view's rows from the server; free of the vscode module.
import { errorText } from '../rpc/errors';
import type {
  ListEndpointsResponse,
  ListPairsParams,
  ListPairsResponse,
  ListSnapshotsResponse,
} from '../rpc/protocol';
import {
  endpointNodes,
  hostNodes,
  messageNode,
  morePairsNode,
  PAIRS_PAGE,
  pairNodes,
  snapshotNode,
  type RecordingNode,
} from './model';

/** What the Recordings view needs of the server. */
export interface RecordingsApi {
  listSnapshots(): Promise<ListSnapshotsResponse>;
  listEndpoints(snapshotId: string): Promise<ListEndpointsResponse>;
  listPairs(params: ListPairsParams): Promise<ListPairsResponse>;
}

export class RecordingsStore {
  constructor(private readonly api: RecordingsApi) {}

  async children(node?: RecordingNode): Promise<RecordingNode[]> {
    try {
      return await this.load(node);
    } catch (error) {
      return [messageNode(`${node?.id ?? 'root'}:error`, 'Could not load', errorText(error), true)];
    }
  }

  private async load(node?: RecordingNode): Promise<RecordingNode[]> {
    if (!node) {
      const { snapshots } = await this.api.listSnapshots();
      // None: the view's welcome content offers Import Recording….
      return snapshots.map(snapshotNode);
    }
    switch (node.kind) {
      case 'snapshot': {
        const { hosts } = await this.api.listEndpoints(node.snapshot.id);
        return hostNodes(node.snapshot.id, hosts);
      }
      case 'host':
        return endpointNodes(node.snapshotId, node.host);
      case 'endpoint': {
        const answer = await this.api.listPairs({
          snapshotId: node.snapshotId,
          host: node.host,
          method: node.endpoint.method,
          pathTemplate: node.endpoint.pathTemplate,
          offset: 0,
          limit: PAIRS_PAGE,
        });
        const rows: RecordingNode[] = pairNodes(node.snapshotId, answer.pairs);
        const more = morePairsNode(node.id, answer.pairs.length, answer.total);
        return more ? [...rows, more] : rows;
      }
      default:
        return [];
    }
  }
}
