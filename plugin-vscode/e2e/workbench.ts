// A real VS Code workbench (code-server) with the extension under test, for the end-to-end test.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const PLUGIN_DIR = path.resolve(__dirname, '..', '..');
export const REPO_DIR = path.resolve(PLUGIN_DIR, '..');

/** Installs code-server once (a no-op when cached) and returns its launcher script. */
export function setUpWorkbench(timeoutMs = 300_000): Promise<string> {
  return new Promise((resolve, reject) => {
    // Progress goes to stderr, shown as it comes; the install folder is the last stdout line.
    const setup = spawn('bash', [path.join(PLUGIN_DIR, 'e2e', 'setup-workbench.sh')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: timeoutMs,
    });
    let stdout = '';
    setup.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    setup.once('error', reject);
    setup.once('close', (code) => {
      const installDir = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && installDir !== '') {
        resolve(path.join(installDir, 'node_modules', '.bin', 'code-server'));
      } else {
        reject(new Error(`e2e/setup-workbench.sh failed with code ${code}`));
      }
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface WorkbenchOptions {
  codeServer: string;
  /** A fresh folder for this workbench: home, user data, extensions, workspace and logs. */
  root: string;
  settings: Record<string, unknown>;
  env: Record<string, string>;
}

export interface Workbench {
  url: string;
  root: string;
  stop(): Promise<void>;
  /** Kills at once; for process exit, where nothing can be awaited. */
  kill(): void;
  /** code-server's own output and the extension's output channel, for failure reports. */
  logs(): string;
}

/** Starts code-server with the extension linked in; resolves once /healthz answers. */
export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const { root } = options;
  const home = path.join(root, 'home');
  const userData = path.join(root, 'user-data');
  const extensions = path.join(root, 'extensions');
  const workspace = path.join(root, 'workspace');
  for (const dir of [home, path.join(userData, 'User'), extensions, workspace]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(options.settings, null, 2),
  );
  const manifest = JSON.parse(fs.readFileSync(path.join(PLUGIN_DIR, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  fs.symlinkSync(
    PLUGIN_DIR,
    path.join(extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`),
  );

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Nothing from a surrounding VS Code, and no attach port: the extension spawns its server.
    if (!key.startsWith('VSCODE_') && key !== 'KUBEREPLAY_SERVER_PORT') {
      env[key] = value;
    }
  }
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    ...options.env,
  });
  const logFile = path.join(root, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    options.codeServer,
    [
      '--config',
      '/dev/null',
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      workspace,
    ],
    { env, stdio: ['ignore', log, log], detached: true },
  );
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const workbench: Workbench = {
    url: `${url}/?folder=${encodeURIComponent(workspace)}`,
    root,
    stop: () => stopTree(child),
    kill: () => {
      if (child.pid !== undefined) {
        signal([child.pid, ...descendants(child.pid)], 'SIGKILL');
      }
    },
    logs: () => collectLogs(logFile, userData),
  };
  try {
    await waitForHealth(`${url}/healthz`, child, 30_000);
  } catch (error) {
    await workbench.stop();
    throw new Error(`${(error as Error).message}\n${workbench.logs()}`, { cause: error });
  }
  return workbench;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with code ${child.exitCode} before answering`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Ends code-server and everything it started (extension host, the kubereplay server). */
async function stopTree(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) {
    return;
  }
  const pids = [child.pid, ...descendants(child.pid)];
  signal(pids, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline && pids.some(alive)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signal(pids.filter(alive), 'SIGKILL');
}

function descendants(pid: number): number[] {
  let table: string;
  try {
    table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const line of table.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (child !== undefined && parent !== undefined) {
      children.set(parent, [...(children.get(parent) ?? []), child]);
    }
  }
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function signal(pids: number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function collectLogs(logFile: string, userData: string): string {
  const parts = [`--- ${logFile}`, readTail(logFile)];
  for (const file of findFiles(path.join(userData, 'logs'), (name) =>
    name.includes('Kube Replay'),
  )) {
    parts.push(`--- ${file}`, readTail(file));
  }
  return parts.join('\n');
}

function findFiles(dir: string, accept: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => accept(path.basename(name)))
    .map((name) => path.join(dir, name));
}

function readTail(file: string, maxChars = 6_000): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.length > maxChars ? text.slice(-maxChars) : text;
  } catch (error) {
    return String(error);
  }
}
