import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupChildren, groupNode, type GroupState } from '../cluster/groups';
import type { Tooltip } from '../cluster/nodes';
import { FRESH, workload } from './fixtures';

const SHOP = { context: 'admin', namespace: 'shop' };
const NOW = new Date(2025, 10, 25, 17, 30);
const SINCE = new Date(2025, 10, 25, 17, 2).toISOString();

function markdown(tooltip: Tooltip): string {
  return typeof tooltip === 'string' ? tooltip : tooltip.markdown;
}

function loadedWorkloads(stale = false): GroupState {
  return {
    kind: 'loaded',
    data: {
      group: 'WORKLOADS',
      response: {
        workloads: [
          workload(),
          workload({ name: 'web', sidecarHealth: 'ALERT' }),
          workload({ name: 'db', sidecarHealth: 'CAUTION' }),
        ],
        freshness: stale
          ? { stale: true, since: SINCE, reason: 'lost the watch on the API server' }
          : FRESH,
      },
    },
  };
}

describe('groupNode', () => {
  it('shows the views of a namespace with their icons, unloaded until expanded', () => {
    const node = groupNode(SHOP, 'SECRETS', { kind: 'idle' });
    assert.equal(node.label, 'Secrets');
    assert.equal(node.description, undefined);
    assert.deepEqual(node.icon, { id: 'key' });
    assert.equal(node.id, 'group:admin/shop/SECRETS');
    assert.equal(node.parentId, 'ns:admin/shop');
    assert.equal(node.contextValue, 'kubereplay.group.secrets');
    assert.equal(node.collapse, 'collapsed');
    assert.equal(node.accessibilityLabel, 'Secrets in shop of admin');
  });

  it('counts workloads and their alerts, red when any is in alert', () => {
    const node = groupNode(SHOP, 'WORKLOADS', loadedWorkloads());
    assert.equal(node.description, '3 · 1 alert · 1 caution');
    assert.deepEqual(node.icon, { id: 'layers', color: 'charts.red' });
  });

  it('marks stale data with a warning icon and since when', () => {
    const node = groupNode(SHOP, 'WORKLOADS', loadedWorkloads(true), { now: NOW });
    assert.equal(node.description, '3 · 1 alert · 1 caution · stale since 17:02');
    assert.deepEqual(node.icon, { id: 'warning', color: 'charts.yellow' });
    assert.match(
      markdown(node.tooltip),
      /\$\(warning\) Last known state, stale since 17:02: lost the watch on the API server/,
    );
  });

  it('marks fresh data stale when the connection to the API server is lost', () => {
    const connection = { stale: true, since: SINCE, reason: 'API server unreachable' };
    const node = groupNode(SHOP, 'WORKLOADS', loadedWorkloads(), { connection, now: NOW });
    assert.match(node.description ?? '', / · stale since 17:02$/);
    assert.deepEqual(node.icon, { id: 'warning', color: 'charts.yellow' });
    const back = groupNode(SHOP, 'WORKLOADS', loadedWorkloads(), {
      connection: { stale: false },
      now: NOW,
    });
    assert.equal(back.description, '3 · 1 alert · 1 caution');
  });

  it('says "forbidden" on that view only, with the server message under it', () => {
    const state: GroupState = {
      kind: 'failed',
      failure: {
        message: 'forbidden: cannot list secrets in namespace shop',
        errorCode: 'FORBIDDEN',
      },
    };
    const node = groupNode(SHOP, 'SECRETS', state);
    assert.equal(node.description, 'forbidden');
    assert.deepEqual(node.icon, { id: 'lock', color: 'charts.yellow' });
    const [row] = groupChildren(node, state);
    assert.ok(row);
    assert.equal(row.label, 'forbidden: cannot list secrets in namespace shop');
    assert.deepEqual(row.icon, { id: 'lock', color: 'charts.yellow' });
    assert.equal(row.contextValue, 'kubereplay.error');
  });

  it('shows other failures with their error code in red', () => {
    const state: GroupState = {
      kind: 'failed',
      failure: { message: 'cannot reach https://127.0.0.1:1', errorCode: 'CLUSTER_UNREACHABLE' },
    };
    const node = groupNode(SHOP, 'SERVICES', state);
    assert.equal(node.description, 'cluster unreachable');
    assert.deepEqual(node.icon, { id: 'error', color: 'charts.red' });
  });

  it('counts warnings among events in red', () => {
    const event = {
      type: 'Warning',
      reason: 'BackOff',
      objectKind: 'Pod',
      objectName: 'api-1',
      message: 'Back-off restarting failed container',
      count: 5,
    };
    const state: GroupState = {
      kind: 'loaded',
      data: {
        group: 'EVENTS',
        response: {
          events: [event, { ...event, type: 'Normal', reason: 'Pulled' }],
          freshness: FRESH,
        },
      },
    };
    const node = groupNode(SHOP, 'EVENTS', state);
    assert.equal(node.description, '2 · 1 warning');
    assert.deepEqual(node.icon, { id: 'bell', color: 'charts.red' });
    const rows = groupChildren(node, state);
    assert.deepEqual(
      rows.map((row) => [row.label, row.icon]),
      [
        ['BackOff', { id: 'warning', color: 'charts.red' }],
        ['Pulled', { id: 'info' }],
      ],
    );
  });

  it('says when the TrafficReplay CRD is not installed', () => {
    const state: GroupState = {
      kind: 'loaded',
      data: { group: 'REPLAYS', response: { replays: [], crdInstalled: false, freshness: FRESH } },
    };
    const node = groupNode(SHOP, 'REPLAYS', state);
    assert.equal(node.description, 'CRD not installed');
    assert.deepEqual(
      groupChildren(node, state).map((row) => row.label),
      ['The TrafficReplay CRD is not installed'],
    );
  });

  it('names where the operator configuration came from, or that it is missing', () => {
    const state: GroupState = {
      kind: 'loaded',
      data: {
        group: 'CONFIGURATION',
        response: {
          namespace: 'kubereplay',
          found: true,
          overridesFound: true,
          entries: [
            { key: 'CLUSTER_NAME', value: 'shop-eu', effective: 'shop-eu' },
            { key: 'LOG_LEVEL', value: 'info', override: 'debug', effective: 'debug' },
          ],
          freshness: FRESH,
        },
      },
    };
    const node = groupNode(SHOP, 'CONFIGURATION', state);
    assert.equal(node.description, '2 keys · kubereplay');
    const [plain, overridden] = groupChildren(node, state);
    assert.equal(plain?.description, 'shop-eu');
    assert.equal(overridden?.description, 'debug (override)');
    assert.deepEqual(overridden.icon, { id: 'symbol-property', color: 'charts.yellow' });
    assert.match(markdown(overridden.tooltip), /kubereplay-operator says `info`/);
    const missing: GroupState = {
      kind: 'loaded',
      data: {
        group: 'CONFIGURATION',
        response: {
          namespace: 'kubereplay',
          found: false,
          overridesFound: false,
          entries: [],
          freshness: FRESH,
        },
      },
    };
    assert.equal(groupNode(SHOP, 'CONFIGURATION', missing).description, 'not found');
    assert.deepEqual(
      groupChildren(groupNode(SHOP, 'CONFIGURATION', missing), missing).map((row) => row.label),
      ['No kubereplay-operator ConfigMap in kubereplay'],
    );
  });

  it('shows a loading row while a view loads and a quiet row when it is empty', () => {
    const node = groupNode(SHOP, 'SERVICES', { kind: 'loading' });
    assert.deepEqual(groupChildren(node, { kind: 'loading' })[0]?.icon, { id: 'loading~spin' });
    const empty: GroupState = {
      kind: 'loaded',
      data: { group: 'SERVICES', response: { services: [], freshness: FRESH } },
    };
    assert.deepEqual(
      groupChildren(node, empty).map((row) => row.label),
      ['No services'],
    );
  });
});
