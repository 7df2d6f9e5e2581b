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
  pairNodes,
  snapshotNode,
  type EndpointNode,
  type MoreNode,
  type RecordingNode,
} from './model';
import { appendPage, hasMore, NO_PAIRS, PAIRS_PAGE, type PairPage } from './paging';

/** What the Recordings view needs of the server. */
export interface RecordingsApi {
  listSnapshots(): Promise<ListSnapshotsResponse>;
  listEndpoints(snapshotId: string): Promise<ListEndpointsResponse>;
  listPairs(params: ListPairsParams): Promise<ListPairsResponse>;
}

export class RecordingsStore {
  /** The pairs each endpoint row has loaded, until the next full refresh. */
  private readonly pages = new Map<string, PairPage>();
  /** How many pairs the user had loaded per endpoint: a refresh loads as many again. */
  private readonly wanted = new Map<string, number>();

  constructor(private readonly api: RecordingsApi) {}

  async children(node?: RecordingNode): Promise<RecordingNode[]> {
    try {
      return await this.load(node);
    } catch (error) {
      return [messageNode(`${node?.id ?? 'root'}:error`, 'Could not load', errorText(error), true)];
    }
  }

  /** Forgets the loaded pairs, so the next look at an endpoint asks the server again. */
  invalidate(): void {
    this.pages.clear();
  }

  /** Loads the next page of an endpoint's pairs; the endpoint row's children then show it. */
  async loadMore(more: MoreNode): Promise<void> {
    const { endpoint } = more;
    const loaded = this.pages.get(endpoint.id) ?? NO_PAIRS;
    const page = appendPage(loaded, await this.page(endpoint, loaded.pairs.length));
    this.pages.set(endpoint.id, page);
    this.wanted.set(endpoint.id, page.pairs.length);
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
        const page = this.pages.get(node.id) ?? (await this.firstPages(node));
        this.pages.set(node.id, page);
        const rows: RecordingNode[] = pairNodes(node, page.pairs);
        if (hasMore(page)) {
          rows.push({
            kind: 'more',
            id: `${node.id}:more`,
            endpoint: node,
            shown: page.pairs.length,
            total: page.total,
          });
        }
        return rows;
      }
      default:
        return [];
    }
  }

  /** The first page, and as many more as the user had loaded before a refresh. */
  private async firstPages(node: EndpointNode): Promise<PairPage> {
    const wanted = this.wanted.get(node.id) ?? 0;
    let page = appendPage(NO_PAIRS, await this.page(node, 0));
    while (page.pairs.length < wanted && hasMore(page)) {
      page = appendPage(page, await this.page(node, page.pairs.length));
    }
    return page;
  }

  private page(node: EndpointNode, offset: number): Promise<ListPairsResponse> {
    return this.api.listPairs({
      snapshotId: node.snapshotId,
      host: node.host,
      method: node.endpoint.method,
      pathTemplate: node.endpoint.pathTemplate,
      offset,
      limit: PAIRS_PAGE,
    });
  }
}
