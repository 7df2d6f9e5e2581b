// A real kube-apiserver for the end-to-end test (the project's test-fixtures script), and a
// small REST client with the admin's client certificate to create objects and read them back.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import { REPO_DIR } from './workbench';

const SCRIPT = path.join(REPO_DIR, 'test-fixtures', 'cluster', 'kube-apiserver.sh');

export interface ApiServer {
  url: string;
  /** The kubeconfig with contexts admin (current), viewer and restricted. */
  kubeconfig: string;
  rest: Rest;
  stop(): Promise<void>;
}

/** Starts etcd and kube-apiserver in DIR (a few seconds when the binary is cached). */
export async function startApiServer(dir: string): Promise<ApiServer> {
  const url = (await run(['start', dir], 240_000)).trim().split('\n').pop() ?? '';
  if (!url.startsWith('https://')) {
    await stopApiServer(dir);
    throw new Error(`kube-apiserver.sh start printed '${url}', not a URL`);
  }
  const pki = path.join(dir, 'pki');
  const rest = new Rest(url, {
    ca: fs.readFileSync(path.join(pki, 'ca.crt')),
    cert: fs.readFileSync(path.join(pki, 'admin.crt')),
    key: fs.readFileSync(path.join(pki, 'admin.key')),
  });
  return { url, kubeconfig: path.join(dir, 'kubeconfig'), rest, stop: () => stopApiServer(dir) };
}

/** Stops what `start` started in DIR; does nothing when nothing runs there. */
export async function stopApiServer(dir: string): Promise<void> {
  await run(['stop', dir], 60_000).catch(() => undefined);
}

function run(args: string[], timeout: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [SCRIPT, ...args], { timeout }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`kube-apiserver.sh ${args[0] ?? ''} failed: ${error.message}\n${stderr}`));
      } else {
        resolve(stdout);
      }
    });
  });
}

export type Json = Record<string, unknown>;

export class Rest {
  private readonly agent: https.Agent;

  constructor(
    private readonly url: string,
    tls: { ca: Buffer; cert: Buffer; key: Buffer },
  ) {
    this.agent = new https.Agent({ ...tls, keepAlive: true });
  }

  get(apiPath: string): Promise<Json> {
    return this.request('GET', apiPath);
  }

  create(apiPath: string, body: Json): Promise<Json> {
    return this.request('POST', apiPath, body);
  }

  /** A JSON merge patch, e.g. of a `/status` subresource. */
  patch(apiPath: string, body: Json): Promise<Json> {
    return this.request('PATCH', apiPath, body, 'application/merge-patch+json');
  }

  close(): void {
    this.agent.destroy();
  }

  private request(
    method: string,
    apiPath: string,
    body?: Json,
    contentType = 'application/json',
  ): Promise<Json> {
    return new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const request = https.request(
        `${this.url}${apiPath}`,
        {
          method,
          agent: this.agent,
          headers: {
            Accept: 'application/json',
            ...(data === undefined
              ? {}
              : { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(data) }),
          },
          timeout: 15_000,
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              resolve(JSON.parse(text) as Json);
            } else {
              reject(new Error(`${method} ${apiPath}: HTTP ${status} ${text}`));
            }
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`${method} ${apiPath} timed out`)));
      request.on('error', reject);
      request.end(data);
    });
  }
}
