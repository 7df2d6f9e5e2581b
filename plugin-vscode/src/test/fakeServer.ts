// A stand-in for the kubereplay server in tests: the same protocol over stdio or a socket, with
// canned answers. Run as `node fakeServer.js <mode>`; modes are listed in FakeMode.
import * as net from 'node:net';
import {
  createMessageConnection,
  ResponseError,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import {
  ErrorCodes,
  Notifications,
  Requests,
  ServerLaunch,
  type ErrorDataDto,
  type KubeContextDto,
  type ListContextsResponse,
} from '../rpc/protocol';

/**
 * `contexts`: answers with two contexts. `malformed`: listContexts fails as for a broken
 * kubeconfig. `bare-error`: fails with a code and no data. `crash`: listContexts writes to stderr
 * and exits with code 3. `notify`: sends cluster/didChange after initialize. `no-start`: exits at
 * once with code 1, as java does with a corrupt jar.
 */
export type FakeMode = 'contexts' | 'malformed' | 'bare-error' | 'crash' | 'notify' | 'no-start';

export const MALFORMED_FILE = '/tmp/kubeconfig/malformed.yaml';
export const MALFORMED_MESSAGE = `${MALFORMED_FILE}: line 3: mapping values are not allowed here`;

export const CONTEXTS: KubeContextDto[] = [
  {
    name: 'dev',
    cluster: 'dev-cluster',
    server: 'https://127.0.0.1:6443',
    user: 'dev-admin',
    authKind: 'CLIENT_CERTIFICATE',
    namespace: 'shop',
    current: true,
    sourceFile: '/tmp/kubeconfig/a.yaml',
  },
  {
    name: 'prod',
    cluster: 'prod-cluster',
    server: 'https://10.0.0.1:6443',
    user: 'prod-reader',
    authKind: 'TOKEN',
    namespace: 'default',
    current: false,
    sourceFile: '/tmp/kubeconfig/b.yaml',
  },
];

export function serve(connection: MessageConnection, mode: FakeMode, exit: () => void): void {
  connection.onRequest(Requests.initialize, () => {
    if (mode === 'notify') {
      setTimeout(() => {
        void connection.sendNotification(Notifications.clusterDidChange, { changes: ['CONTEXTS'] });
      }, 10);
    }
    return {
      serverInfo: { name: 'kubereplay-fake', version: '0.0.1', protocolVersion: 1 },
      capabilities: { requests: ['initialize', 'shutdown', 'cluster/listContexts'] },
    };
  });
  connection.onRequest(Requests.clusterListContexts, (): ListContextsResponse => {
    switch (mode) {
      case 'malformed': {
        const data: ErrorDataDto = { errorCode: 'KUBECONFIG_MALFORMED', subject: MALFORMED_FILE };
        throw new ResponseError(ErrorCodes.KUBECONFIG_MALFORMED, MALFORMED_MESSAGE, data);
      }
      case 'bare-error':
        throw new ResponseError(ErrorCodes.FORBIDDEN, 'forbidden: User cannot list contexts');
      case 'crash':
        return crash();
      default:
        return {
          contexts: CONTEXTS,
          currentContext: 'dev',
          kubeconfigFiles: ['/tmp/kubeconfig/a.yaml', '/tmp/kubeconfig/b.yaml'],
        };
    }
  });
  // A long export that ends only when the client cancels it, answering as the real server does.
  connection.onRequest(
    Requests.trafficExportSnapshot,
    (_params, token) =>
      new Promise((_resolve, reject) => {
        token.onCancellationRequested(() => {
          reject(new ResponseError(ErrorCodes.REQUEST_CANCELLED, 'The request has been cancelled'));
        });
      }),
  );
  connection.onRequest(Requests.shutdown, () => null);
  connection.onClose(exit);
  connection.listen();
}

function crash(): never {
  process.stderr.write('Exception in thread "main" java.lang.IllegalStateException: boom\n');
  process.exit(3);
}

/** The token the fake `serve --port` requires, unless the test names another. */
export const FAKE_TOKEN = 'fake-token-0123456789abcdef';

/**
 * Serves connections on a local port as `serve --port` does: each must present `token` on its
 * first line, else it is closed. Resolves with the port and the first lines received.
 */
export function listen(
  mode: FakeMode,
  token = FAKE_TOKEN,
): Promise<{ port: number; server: net.Server; firstLines: string[] }> {
  const firstLines: string[] = [];
  return new Promise((resolve) => {
    const server = net.createServer((socket) => {
      let received = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        const end = received.indexOf('\r\n');
        if (end < 0) {
          return;
        }
        socket.off('data', onData);
        socket.pause();
        const line = received.subarray(0, end).toString('utf8');
        firstLines.push(line);
        if (line !== `${ServerLaunch.tokenPrefix}${token}`) {
          socket.destroy();
          return;
        }
        socket.unshift(received.subarray(end + 2));
        const connection = createMessageConnection(
          new SocketMessageReader(socket),
          new SocketMessageWriter(socket),
        );
        serve(connection, mode, () => socket.destroy());
        socket.resume();
      };
      socket.on('data', onData);
    });
    server.listen(0, '127.0.0.1', () => {
      resolve({ port: (server.address() as net.AddressInfo).port, server, firstLines });
    });
  });
}

if (require.main === module) {
  const mode = (process.argv[2] ?? 'contexts') as FakeMode;
  if (mode === 'no-start') {
    process.stderr.write('Error: Invalid or corrupt jarfile /ext/server/kubereplay.jar\n');
    process.exit(1);
  }
  process.stderr.write(`fake server started in mode ${mode}\n`);
  const connection = createMessageConnection(
    new StreamMessageReader(process.stdin),
    new StreamMessageWriter(process.stdout),
  );
  // Like the real server: exit when stdin closes.
  serve(connection, mode, () => process.exit(0));
}
