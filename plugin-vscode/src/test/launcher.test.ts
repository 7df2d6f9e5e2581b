import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  attachPort,
  attachTarget,
  buildServerCommand,
  javaProblem,
  parseJavaVersion,
  probeJava,
  resolveJava,
  resolveServerJar,
  type JavaChoice,
} from '../rpc/launcher';

const NO_SETTINGS = { javaHome: '', javaPath: '' };

describe('resolveJava', () => {
  it('prefers the java.path setting', () => {
    const choice = resolveJava(
      { javaHome: '/opt/jdk-21', javaPath: '/usr/local/bin/java-wrapper' },
      { JAVA_HOME: '/opt/jdk-17' },
      'linux',
    );
    assert.deepEqual(choice, {
      executable: '/usr/local/bin/java-wrapper',
      source: 'kubereplay.java.path',
    });
  });

  it('then the java.home setting', () => {
    const choice = resolveJava(
      { javaHome: '/opt/jdk-21', javaPath: ' ' },
      { JAVA_HOME: '/opt/jdk-17' },
      'linux',
    );
    assert.deepEqual(choice, {
      executable: '/opt/jdk-21/bin/java',
      source: 'kubereplay.java.home',
    });
  });

  it('then JAVA_HOME', () => {
    const choice = resolveJava(NO_SETTINGS, { JAVA_HOME: '/opt/jdk-17' }, 'linux');
    assert.deepEqual(choice, { executable: '/opt/jdk-17/bin/java', source: 'JAVA_HOME' });
  });

  it('then java on the PATH', () => {
    assert.deepEqual(resolveJava(NO_SETTINGS, {}, 'linux'), { executable: 'java', source: 'PATH' });
    assert.deepEqual(resolveJava(NO_SETTINGS, {}, 'win32'), {
      executable: 'java.exe',
      source: 'PATH',
    });
  });

  it('expands ~ in the java.home setting', () => {
    const choice = resolveJava({ javaHome: '~/jdks/21', javaPath: '' }, {}, 'linux');
    assert.equal(choice.executable, path.join(os.homedir(), 'jdks/21/bin/java'));
  });

  it('uses Windows paths on Windows', () => {
    const choice = resolveJava(NO_SETTINGS, { JAVA_HOME: 'C:\\jdk-21' }, 'win32');
    assert.equal(choice.executable, 'C:\\jdk-21\\bin\\java.exe');
  });
});

describe('resolveServerJar', () => {
  it('defaults to the jar bundled with the extension', () => {
    assert.equal(
      resolveServerJar({ serverJar: '' }, '/ext/kubereplay'),
      path.join('/ext/kubereplay', 'server', 'kubereplay.jar'),
    );
  });

  it('uses the server.jar setting when set', () => {
    assert.equal(
      resolveServerJar({ serverJar: '/builds/kubereplay.jar' }, '/ext'),
      '/builds/kubereplay.jar',
    );
  });
});

describe('buildServerCommand', () => {
  it("runs the jar with serve --stdio after the shared JVM options, then the user's own", () => {
    assert.deepEqual(
      buildServerCommand('/opt/jdk/bin/java', '/ext/server/kubereplay.jar', ['-Xmx1g']),
      {
        command: '/opt/jdk/bin/java',
        args: [
          '-XX:+UseSerialGC',
          '-Xmx320m',
          '-XX:TieredStopAtLevel=1',
          '-Xmx1g',
          '-jar',
          '/ext/server/kubereplay.jar',
          'serve',
          '--stdio',
        ],
      },
    );
  });
});

describe('attachPort', () => {
  it('is undefined when KUBEREPLAY_SERVER_PORT is unset or empty', () => {
    assert.equal(attachPort({}), undefined);
    assert.equal(attachPort({ KUBEREPLAY_SERVER_PORT: ' ' }), undefined);
  });

  it('reads the port', () => {
    assert.equal(attachPort({ KUBEREPLAY_SERVER_PORT: '5007' }), 5007);
  });

  it('rejects what is not a port', () => {
    assert.throws(
      () => attachPort({ KUBEREPLAY_SERVER_PORT: 'abc' }),
      /'abc', which is not a TCP port/,
    );
    assert.throws(() => attachPort({ KUBEREPLAY_SERVER_PORT: '70000' }), /not a TCP port/);
  });
});

describe('attachTarget', () => {
  it('is undefined without a port: the extension spawns its own server', () => {
    assert.equal(attachTarget({ KUBEREPLAY_TOKEN: 'ignored-without-a-port' }), undefined);
  });

  it('reads the port and the token the server printed', () => {
    assert.deepEqual(
      attachTarget({ KUBEREPLAY_SERVER_PORT: '5007', KUBEREPLAY_TOKEN: ' Zm9vYmFyYmF6cXV4 ' }),
      { port: 5007, token: 'Zm9vYmFyYmF6cXV4' },
    );
  });

  it('says which variable is missing when a port is set without a token', () => {
    assert.throws(
      () => attachTarget({ KUBEREPLAY_SERVER_PORT: '5007', KUBEREPLAY_TOKEN: '' }),
      /KUBEREPLAY_SERVER_PORT is set, but KUBEREPLAY_TOKEN is not: set it to the token 'kubereplay serve --port 5007' printed at start/,
    );
  });
});

describe('parseJavaVersion', () => {
  it('reads OpenJDK 17', () => {
    const output = [
      'openjdk version "17.0.15" 2025-04-15',
      'OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)',
      'OpenJDK 64-Bit Server VM (build 17.0.15+6-Debian-1deb12u1, mixed mode, sharing)',
    ].join('\n');
    assert.deepEqual(parseJavaVersion(output), { major: 17, version: '17.0.15' });
  });

  it('reads OpenJDK 21, also a first release without a minor version', () => {
    assert.deepEqual(parseJavaVersion('openjdk version "21.0.2" 2024-01-16 LTS'), {
      major: 21,
      version: '21.0.2',
    });
    assert.deepEqual(parseJavaVersion('openjdk version "21" 2023-09-19'), {
      major: 21,
      version: '21',
    });
  });

  it('reads OpenJDK 11', () => {
    const output =
      'openjdk version "11.0.20" 2023-07-18\nOpenJDK Runtime Environment (build 11.0.20+8)';
    assert.deepEqual(parseJavaVersion(output), { major: 11, version: '11.0.20' });
  });

  it('reads the 1.8 format of Java 8', () => {
    assert.deepEqual(parseJavaVersion('openjdk version "1.8.0_392"\nOpenJDK Runtime Environment'), {
      major: 8,
      version: '1.8.0_392',
    });
    assert.deepEqual(parseJavaVersion('java version "1.8.0_202"'), {
      major: 8,
      version: '1.8.0_202',
    });
  });

  it('reads early-access builds', () => {
    assert.deepEqual(parseJavaVersion('openjdk version "24-ea" 2025-03-18'), {
      major: 24,
      version: '24-ea',
    });
  });

  it('is undefined for output that is not a version', () => {
    assert.equal(parseJavaVersion('Error: could not open `lib/jvm.cfg`'), undefined);
  });
});

describe('javaProblem', () => {
  const fromHome: JavaChoice = { executable: '/opt/jdk-11/bin/java', source: 'JAVA_HOME' };
  const fromPath: JavaChoice = { executable: 'java', source: 'PATH' };

  it('accepts Java 17 and newer', () => {
    assert.equal(javaProblem(fromPath, { kind: 'ok', major: 17, version: '17.0.15' }), undefined);
    assert.equal(javaProblem(fromPath, { kind: 'ok', major: 21, version: '21.0.2' }), undefined);
  });

  it('names the java and its version when it is too old', () => {
    assert.equal(
      javaProblem(fromHome, { kind: 'ok', major: 11, version: '11.0.20' }),
      'Kube Replay needs Java 17 or newer, but /opt/jdk-11/bin/java (from JAVA_HOME) is Java 11 ' +
        '(version "11.0.20"). Set kubereplay.java.home to a newer Java.',
    );
  });

  it('says where java was looked for when it is missing', () => {
    assert.match(
      javaProblem(fromPath, { kind: 'missing' }) ?? '',
      /there is no 'java' on the PATH/,
    );
    assert.match(
      javaProblem(
        { executable: '/x/bin/java', source: 'kubereplay.java.home' },
        { kind: 'missing' },
      ) ?? '',
      /\/x\/bin\/java \(from the setting kubereplay.java.home\) does not exist/,
    );
  });
});

describe('probeJava', () => {
  it('reports a java that does not exist as missing', async () => {
    assert.deepEqual(await probeJava('/nonexistent/bin/java'), { kind: 'missing' });
  });

  it('reads the version a java prints', async () => {
    // A stand-in for java: node printing what OpenJDK 11 prints, to stderr as java does.
    const probe = await probeJava(process.execPath, 10_000, [
      '-e',
      'console.error(\'openjdk version "11.0.20" 2023-07-18\')',
    ]);
    assert.deepEqual(probe, { kind: 'ok', major: 11, version: '11.0.20' });
  });
});
