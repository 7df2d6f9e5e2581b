import assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { KubeReplayClient } from '../rpc/client';
import { describeExit, RpcError, type ServerExit } from '../rpc/errors';
import type { ServerCommand } from '../rpc/launcher';
import { Requests } from '../rpc/protocol';
import {
  CONTEXTS,
  FAKE_TOKEN,
  listen,
  MALFORMED_FILE,
  MALFORMED_MESSAGE,
  type FakeMode,
} from './fakeServer';

const INITIALIZE = {
  clientInfo: { name: 'kubereplay-vscode', version: '0.0.0-test' },
  capabilities: { notifications: ['cluster/didChange'] },
};

function fake(mode: FakeMode): ServerCommand {
  return { command: process.execPath, args: [path.join(__dirname, 'fakeServer.js'), mode] };
}

function nextExit(client: KubeReplayClient): Promise<ServerExit> {
  return new Promise((resolve) => client.onDidExit(resolve));
}

describe('KubeReplayClient', () => {
  const clients: KubeReplayClient[] = [];
  const start = (mode: FakeMode, onStderr?: (line: string) => void) => {
    const client = KubeReplayClient.spawn(fake(mode), onStderr ? { onStderr } : {});
    clients.push(client);
    return client;
  };
  afterEach(() => {
    clients.splice(0).forEach((client) => {
      client.dispose();
    });
  });

  it('initializes and lists the contexts of the server', async () => {
    const client = start('contexts');
    const answer = await client.initialize(INITIALIZE);
    assert.equal(answer.serverInfo.name, 'kubereplay-fake');
    assert.deepEqual(answer.capabilities.requests, [
      'initialize',
      'shutdown',
      'cluster/listContexts',
    ]);
    const contexts = await client.listContexts();
    assert.deepEqual(contexts.contexts, CONTEXTS);
    assert.equal(contexts.currentContext, 'dev');
  });

  it('passes the server stderr lines on', async () => {
    const lines: string[] = [];
    const client = start('contexts', (line) => lines.push(line));
    await client.initialize(INITIALIZE);
    await client.stop();
    assert.deepEqual(lines, ['fake server started in mode contexts']);
  });

  it('maps an error response to its message and error code', async () => {
    const client = start('malformed');
    await client.initialize(INITIALIZE);
    await assert.rejects(client.listContexts(), (error: unknown) => {
      assert.ok(error instanceof RpcError);
      assert.equal(error.message, MALFORMED_MESSAGE);
      assert.equal(error.errorCode, 'KUBECONFIG_MALFORMED');
      assert.equal(error.subject, MALFORMED_FILE);
      return true;
    });
  });

  it('cancels a request when its token is cancelled', async () => {
    const client = start('contexts');
    await client.initialize(INITIALIZE);
    const source = new CancellationTokenSource();
    const exported = client.send(
      Requests.trafficExportSnapshot,
      { snapshotId: 's-1', format: 'har', path: '/tmp/shop.har' },
      source.token,
    );
    setTimeout(() => {
      source.cancel();
    }, 50);
    await assert.rejects(exported, (error: unknown) => {
      assert.ok(error instanceof RpcError);
      assert.equal(error.errorCode, 'REQUEST_CANCELLED');
      return true;
    });
  });

  it('names the error code of an error response without data by its number', async () => {
    const client = start('bare-error');
    await client.initialize(INITIALIZE);
    await assert.rejects(client.listContexts(), (error: unknown) => {
      assert.ok(error instanceof RpcError);
      assert.equal(error.errorCode, 'FORBIDDEN');
      assert.equal(error.message, 'forbidden: User cannot list contexts');
      return true;
    });
  });

  it('delivers cluster/didChange notifications', async () => {
    const client = start('notify');
    const changed = new Promise((resolve) => client.onDidChangeCluster(resolve));
    await client.initialize(INITIALIZE);
    assert.deepEqual(await changed, { changes: ['CONTEXTS'] });
  });

  it('detects an unexpected exit with its code and last stderr lines', async () => {
    const client = start('crash');
    const exit = nextExit(client);
    await client.initialize(INITIALIZE);
    await assert.rejects(client.listContexts(), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /exited with code 3/);
      assert.match(error.message, /IllegalStateException: boom/);
      return true;
    });
    const ended = await exit;
    assert.equal(ended.code, 3);
    assert.equal(ended.requested, false);
    assert.ok(ended.stderrTail.some((line) => line.includes('boom')));
    assert.equal(client.hasExited, true);
    await assert.rejects(client.listContexts(), /exited with code 3/);
  });

  it('reports a server that exits before it answers, with its output', async () => {
    const client = start('no-start');
    await assert.rejects(client.initialize(INITIALIZE), (error: unknown) => {
      assert.ok(error instanceof RpcError);
      assert.equal(
        error.message,
        'The Kube Replay server exited with code 1. ' +
          'Last output: Error: Invalid or corrupt jarfile /ext/server/kubereplay.jar',
      );
      return true;
    });
  });

  it('stops the server with shutdown and closing its input', async () => {
    const client = start('contexts');
    await client.initialize(INITIALIZE);
    const exit = await client.stop();
    assert.equal(exit.code, 0);
    assert.equal(exit.requested, true);
  });

  it('reports a server command that cannot be started', async () => {
    const client = KubeReplayClient.spawn({ command: '/nonexistent/bin/java', args: ['-version'] });
    clients.push(client);
    const exit = await nextExit(client);
    assert.match(exit.error ?? '', /ENOENT/);
    assert.match(describeExit(exit), /could not run: .*ENOENT/);
  });

  it('attaches to a server listening on a local port, presenting its token first', async () => {
    const { port, server, firstLines } = await listen('contexts');
    try {
      const client = await KubeReplayClient.connect(port, FAKE_TOKEN);
      clients.push(client);
      await client.initialize(INITIALIZE);
      assert.deepEqual(firstLines, [`Kubereplay-Token: ${FAKE_TOKEN}`]);
      assert.equal((await client.listContexts()).contexts.length, 2);
      const exit = await client.stop();
      assert.equal(exit.requested, true);
    } finally {
      server.close();
    }
  });

  it('reports the connection closed when the attached server refuses the token', async () => {
    const { port, server, firstLines } = await listen('contexts');
    try {
      const client = await KubeReplayClient.connect(port, 'not-the-token');
      clients.push(client);
      const exited = nextExit(client);
      await assert.rejects(client.initialize(INITIALIZE), /closed the connection/);
      assert.deepEqual(firstLines, ['Kubereplay-Token: not-the-token']);
      assert.equal((await exited).requested, false);
    } finally {
      server.close();
    }
  });

  it('says when nothing listens on the port to attach to', async () => {
    const { port, server } = await listen('contexts');
    await new Promise((resolve) => server.close(resolve));
    await assert.rejects(
      KubeReplayClient.connect(port, FAKE_TOKEN),
      /Cannot connect to a kubereplay server/,
    );
  });
});
