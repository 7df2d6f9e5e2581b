// The rows of the Mocks view as plain data, free of the vscode module; mocksView.ts turns them
// into TreeItems.
import { plural } from '../cluster/format';
import type { Icon } from '../cluster/nodes';
import { shortTime, type RenderedRow } from '../recordings/model';
import type { MocksDto, NearMissDto } from '../rpc/protocol';
import { differenceText, type HitGroup, type MockLog, type Miss } from './mockLog';

export interface MocksNode {
  kind: 'mocks';
  id: string;
  mocks: MocksDto;
}

export interface EnvironmentNode {
  kind: 'environment';
  id: string;
  mocks: MocksDto;
}

export interface LogNode {
  kind: 'log';
  id: string;
  mocks: MocksDto;
}

export interface HitNode {
  kind: 'hit';
  id: string;
  snapshotId: string;
  hit: HitGroup;
}

export interface MissNode {
  kind: 'miss';
  id: string;
  mocks: MocksDto;
  miss: Miss;
}

/** A recorded call close to a miss; clicking it opens that pair. */
export interface NearNode {
  kind: 'near';
  id: string;
  snapshotId: string;
  near: NearMissDto;
  closest: boolean;
}

export interface TextNode {
  kind: 'text';
  id: string;
  label: string;
  warning: boolean;
}

export type MockNode =
  MocksNode | EnvironmentNode | LogNode | HitNode | MissNode | NearNode | TextNode;

/** A URL as the log names it: without its scheme. */
export function requestTarget(method: string, url: string): string {
  return `${method} ${url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}`;
}

/** The host of a recorded call's URL, which names its pair document. */
export function hostOf(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
}

export function mocksNodes(all: readonly MocksDto[]): MocksNode[] {
  return all.map((mocks) => ({ kind: 'mocks', id: `mocks:${mocks.id}`, mocks }));
}

export function children(node: MockNode, log: MockLog): MockNode[] {
  switch (node.kind) {
    case 'mocks':
      return [
        { kind: 'environment', id: `${node.id}:environment`, mocks: node.mocks },
        { kind: 'log', id: `${node.id}:log`, mocks: node.mocks },
      ];
    case 'log':
      return logRows(node, log);
    case 'miss':
      return missRows(node);
    case 'near':
      return node.closest ? [] : differenceRows(node.id, node.near);
    default:
      return [];
  }
}

function logRows(node: LogNode, log: MockLog): MockNode[] {
  const { mocks } = node;
  const rows: MockNode[] = log.entries(mocks.id).map((entry) =>
    entry.kind === 'hit'
      ? {
          kind: 'hit',
          id: `${node.id}:hit:${entry.method} ${entry.url} ${entry.pairId}`,
          snapshotId: mocks.snapshotId,
          hit: entry,
        }
      : { kind: 'miss', id: `${node.id}:miss:${entry.seq}`, mocks, miss: entry },
  );
  const { notShown } = log.counts(mocks.id);
  if (notShown > 0) {
    rows.push({
      kind: 'text',
      id: `${node.id}:notShown`,
      label: `${notShown} more not shown`,
      warning: false,
    });
  }
  if (rows.length === 0) {
    rows.push({
      kind: 'text',
      id: `${node.id}:empty`,
      label: 'No requests yet: run your app with the environment above',
      warning: false,
    });
  }
  return rows;
}

function differenceRows(id: string, near: NearMissDto): TextNode[] {
  return near.differences.map((difference, index) => ({
    kind: 'text',
    id: `${id}:difference:${index}`,
    label: differenceText(difference),
    warning: true,
  }));
}

/** Under a miss: what differed from the closest recorded call, that call, then the others. */
function missRows(node: MissNode): MockNode[] {
  const [closest, ...others] = node.miss.nearest;
  if (!closest) {
    return [
      {
        kind: 'text',
        id: `${node.id}:none`,
        label: 'No recorded call comes close',
        warning: false,
      },
    ];
  }
  const near = (entry: NearMissDto, index: number): NearNode => ({
    kind: 'near',
    id: `${node.id}:near:${index}`,
    snapshotId: node.mocks.snapshotId,
    near: entry,
    closest: index === 0,
  });
  return [
    ...differenceRows(`${node.id}:near:0`, closest),
    near(closest, 0),
    ...others.map((entry, index) => near(entry, index + 1)),
  ];
}

const HIT_ICON: Icon = { id: 'pass', color: 'charts.green' };
const MISS_ICON: Icon = { id: 'error', color: 'charts.red' };

export function renderMock(node: MockNode, log: MockLog): RenderedRow {
  switch (node.kind) {
    case 'mocks': {
      const { mocks } = node;
      const counts = log.counts(mocks.id);
      return {
        label: mocks.snapshotName,
        description: `${mocks.address} · ${plural(counts.hits, 'hit')} · ${plural(counts.misses, 'miss', 'misses')}`,
        tooltip: [
          `Mocks of ${mocks.snapshotName}, listening on ${mocks.address}`,
          `${plural(mocks.calls, 'recorded call')} to answer`,
          'Run your app with the environment under this row: its calls go to the mocks.',
        ].join('\n'),
        icon: { id: 'server-process', color: 'charts.green' },
        contextValue: 'kubereplay.mocks',
        collapse: 'expanded',
      };
    }
    case 'environment':
      return {
        label: 'Environment',
        description: `${plural(node.mocks.environment.length, 'variable')} · click to show`,
        tooltip: node.mocks.environment.map((v) => `${v.name}=${v.value}`).join('\n'),
        icon: { id: 'terminal' },
        contextValue: 'kubereplay.mocksEnvironment',
        collapse: 'none',
      };
    case 'log': {
      const counts = log.counts(node.mocks.id);
      return {
        label: 'Mock log',
        description: `${plural(counts.hits, 'hit')} · ${plural(counts.misses, 'miss', 'misses')}`,
        tooltip:
          'Requests the mocks answered, latest first: hits by endpoint, misses with the closest recorded call and what differed.',
        icon: { id: 'list-unordered' },
        contextValue: 'kubereplay.mockLog',
        collapse: 'expanded',
      };
    }
    case 'hit': {
      const { hit } = node;
      return {
        label: `${requestTarget(hit.method, hit.url)} → pair ${hit.pairId}`,
        // The day is today's: the log lives as long as its mocks.
        description: `${hit.status} · ${hit.count}× · last ${shortTime(hit.lastTime).slice(11)}`,
        tooltip: `${hit.method} ${hit.url}\nAnswered ${hit.count}× by pair ${hit.pairId} (${hit.status}). Click to open the pair.`,
        icon: HIT_ICON,
        contextValue: 'kubereplay.mockHit',
        collapse: 'none',
      };
    }
    case 'miss': {
      const { miss } = node;
      const closest = miss.nearest[0];
      const description = closest
        ? `miss · ${miss.status} · closest pair ${closest.pairId}, ${plural(closest.differences.length, 'difference')}`
        : `miss · ${miss.status} · nothing close`;
      return {
        label: requestTarget(miss.method, miss.url),
        description,
        tooltip: `${miss.method} ${miss.url}\nNo recorded call matched at ${shortTime(miss.time)}. Click to open the closest pair beside this request.`,
        icon: MISS_ICON,
        contextValue: 'kubereplay.mockMiss',
        collapse: 'expanded',
      };
    }
    case 'near':
      return {
        label: `${node.closest ? 'closest' : 'also close'}: pair ${node.near.pairId} ${requestTarget(node.near.method, node.near.url)}`,
        description: node.closest ? undefined : plural(node.near.differences.length, 'difference'),
        tooltip: `${node.near.method} ${node.near.url}\nClick to open the recorded pair.`,
        icon: { id: 'go-to-file' },
        contextValue: 'kubereplay.mockNear',
        collapse: node.closest || node.near.differences.length === 0 ? 'none' : 'collapsed',
      };
    case 'text':
      return {
        label: node.label,
        tooltip: node.label,
        icon: node.warning ? { id: 'diff-modified', color: 'charts.yellow' } : { id: 'info' },
        contextValue: 'kubereplay.mockText',
        collapse: 'none',
      };
  }
}
