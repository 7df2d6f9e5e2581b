import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { ServerLaunch } from './protocol';

/** The oldest Java the server runs on. */
export const MIN_JAVA_MAJOR = 17;

/** Environment variable naming a port of a server started by hand (`serve --port N`). */
export const ATTACH_PORT_VARIABLE = ServerLaunch.attachPortVariable;

/** Environment variable holding the token that server printed at start. */
export const TOKEN_VARIABLE = ServerLaunch.tokenVariable;

/** A server started by hand to attach to: its port on 127.0.0.1 and the token it requires. */
export interface AttachTarget {
  port: number;
  token: string;
}

/** The `kubereplay.*` settings the launcher reads; empty strings mean "not set". */
export interface LaunchSettings {
  javaHome: string;
  javaPath: string;
  serverJar: string;
  vmArgs: readonly string[];
}

/** Which java runs the server, and where that choice came from (for error messages). */
export interface JavaChoice {
  executable: string;
  source: 'kubereplay.java.path' | 'kubereplay.java.home' | 'JAVA_HOME' | 'PATH';
}

export interface ServerCommand {
  command: string;
  args: string[];
}

/** What `java -version` said about a java executable. */
export type JavaProbe =
  | { kind: 'ok'; major: number; version: string }
  | { kind: 'missing' }
  | { kind: 'unrecognised'; output: string }
  | { kind: 'failed'; message: string };

/** Picks the java executable: `java.path`, then `java.home`, then `JAVA_HOME`, then the PATH. */
export function resolveJava(
  settings: Pick<LaunchSettings, 'javaHome' | 'javaPath'>,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): JavaChoice {
  const javaName = platform === 'win32' ? 'java.exe' : 'java';
  const paths = platform === 'win32' ? path.win32 : path.posix;
  if (settings.javaPath.trim() !== '') {
    return { executable: expandHome(settings.javaPath.trim()), source: 'kubereplay.java.path' };
  }
  if (settings.javaHome.trim() !== '') {
    return {
      executable: paths.join(expandHome(settings.javaHome.trim()), 'bin', javaName),
      source: 'kubereplay.java.home',
    };
  }
  const javaHome = env.JAVA_HOME?.trim();
  if (javaHome) {
    return { executable: paths.join(javaHome, 'bin', javaName), source: 'JAVA_HOME' };
  }
  return { executable: javaName, source: 'PATH' };
}

/** The server jar: the `server.jar` setting, else the jar bundled in the extension. */
export function resolveServerJar(
  settings: Pick<LaunchSettings, 'serverJar'>,
  extensionPath: string,
) {
  const configured = settings.serverJar.trim();
  return configured === ''
    ? path.join(extensionPath, 'server', 'kubereplay.jar')
    : expandHome(configured);
}

/**
 * The command line that starts the server speaking the protocol on its stdin/stdout: the JVM
 * options every client uses (from the protocol's ServerLaunch), then the user's own, which win.
 */
export function buildServerCommand(
  java: string,
  jar: string,
  vmArgs: readonly string[] = [],
): ServerCommand {
  return {
    command: java,
    args: [...ServerLaunch.jvmOptions, ...vmArgs, '-jar', jar, ...ServerLaunch.serveStdio],
  };
}

/**
 * The port of a server to attach to instead of spawning one, from `KUBEREPLAY_SERVER_PORT`.
 * Throws with a readable message when the variable is set but is not a port.
 */
export function attachPort(env: NodeJS.ProcessEnv): number | undefined {
  const value = env[ATTACH_PORT_VARIABLE]?.trim();
  if (!value) {
    return undefined;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${ATTACH_PORT_VARIABLE} is '${value}', which is not a TCP port (1-65535).`);
  }
  return port;
}

/**
 * The server to attach to, from `KUBEREPLAY_SERVER_PORT` and `KUBEREPLAY_TOKEN`; undefined when no
 * port is set (the extension spawns its own server). Throws with a readable message when the port
 * is set but is not a port, or the token is missing: `serve --port` serves only clients that
 * present the token it printed at start.
 */
export function attachTarget(env: NodeJS.ProcessEnv): AttachTarget | undefined {
  const port = attachPort(env);
  if (port === undefined) {
    return undefined;
  }
  const token = env[TOKEN_VARIABLE]?.trim();
  if (!token) {
    throw new Error(
      `${ATTACH_PORT_VARIABLE} is set, but ${TOKEN_VARIABLE} is not: set it to the token ` +
        `'kubereplay serve --port ${port}' printed at start.`,
    );
  }
  return { port, token };
}

/**
 * The Java feature release in the output of `java -version`: `"17.0.15"` → 17, `"21"` → 21,
 * `"1.8.0_392"` → 8, `"22-ea"` → 22.
 */
export function parseJavaVersion(output: string): { major: number; version: string } | undefined {
  const match = /version "([^"]+)"/.exec(output);
  if (!match?.[1]) {
    return undefined;
  }
  const version = match[1];
  const numbers = /^(\d+)(?:\.(\d+))?/.exec(version);
  if (!numbers?.[1]) {
    return undefined;
  }
  const first = Number(numbers[1]);
  const major = first === 1 && numbers[2] !== undefined ? Number(numbers[2]) : first;
  return { major, version };
}

/** Runs `java -version` and reports what it found; never rejects. */
export function probeJava(
  executable: string,
  timeoutMs = 15_000,
  args: readonly string[] = ['-version'],
): Promise<JavaProbe> {
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    const settle = (probe: JavaProbe) => {
      if (!settled) {
        settled = true;
        resolve(probe);
      }
    };
    const child = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle({
        kind: 'failed',
        message: `'${executable} -version' did not answer within ${timeoutMs / 1000} s`,
      });
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      settle(
        error.code === 'ENOENT'
          ? { kind: 'missing' }
          : { kind: 'failed', message: `'${executable}' could not be run: ${error.message}` },
      );
    });
    child.on('close', () => {
      clearTimeout(timer);
      const parsed = parseJavaVersion(output);
      settle(parsed ? { kind: 'ok', ...parsed } : { kind: 'unrecognised', output: output.trim() });
    });
  });
}

/** Why this java cannot run the server, as a message the user can act on; undefined when it can. */
export function javaProblem(choice: JavaChoice, probe: JavaProbe): string | undefined {
  const origin = describeOrigin(choice);
  switch (probe.kind) {
    case 'ok':
      return probe.major >= MIN_JAVA_MAJOR
        ? undefined
        : `Kube Replay needs Java ${MIN_JAVA_MAJOR} or newer, but ${origin} is Java ${probe.major} ` +
            `(version "${probe.version}"). Set kubereplay.java.home to a newer Java.`;
    case 'missing':
      return (
        `Java was not found: ${choice.source === 'PATH' ? `there is no 'java' on the PATH` : `${origin} does not exist`}. ` +
        `Kube Replay needs Java ${MIN_JAVA_MAJOR} or newer: install one, or set kubereplay.java.home.`
      );
    case 'unrecognised':
      return (
        `Could not tell the Java version of ${origin}: 'java -version' printed ` +
        `'${firstLine(probe.output)}'. Set kubereplay.java.home to a Java ${MIN_JAVA_MAJOR} or newer.`
      );
    case 'failed':
      return `${probe.message}. Set kubereplay.java.home to a Java ${MIN_JAVA_MAJOR} or newer.`;
  }
}

function describeOrigin(choice: JavaChoice): string {
  switch (choice.source) {
    case 'PATH':
      return `'${choice.executable}' on the PATH`;
    case 'JAVA_HOME':
      return `${choice.executable} (from JAVA_HOME)`;
    default:
      return `${choice.executable} (from the setting ${choice.source})`;
  }
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}

function expandHome(file: string): string {
  return file === '~' || file.startsWith('~/') ? path.join(os.homedir(), file.slice(1)) : file;
}
