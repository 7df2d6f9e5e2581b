import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtocolVersion, type InitializeResponse } from '../rpc/protocol';
import { parseProtocolVersion, protocolProblem } from '../rpc/version';

function answer(protocolVersion: string | undefined): InitializeResponse {
  return {
    serverInfo: { name: 'kubereplay', version: '7.0.0', protocolVersion: 3 },
    capabilities: { requests: ['initialize'] },
    ...(protocolVersion === undefined ? {} : { protocolVersion }),
  };
}

describe('protocolProblem', () => {
  it('accepts a server of the same major, whatever its minor', () => {
    assert.equal(protocolProblem(answer(ProtocolVersion.current), '0.1.0'), undefined);
    assert.equal(protocolProblem(answer(`${ProtocolVersion.major}.999`), '0.1.0'), undefined);
  });

  it('accepts an older server that sends no version: it spoke major 1', () => {
    assert.equal(ProtocolVersion.major, 1);
    assert.equal(protocolProblem(answer(undefined), '0.1.0'), undefined);
  });

  it('refuses a newer major, naming both versions and telling to update the extension', () => {
    const newer = `${ProtocolVersion.major + 1}.0`;
    assert.equal(
      protocolProblem(answer(newer), '0.1.0'),
      `The kubereplay server 7.0.0 speaks protocol ${newer}, but Kube Replay 0.1.0 speaks ` +
        `protocol ${ProtocolVersion.current}: they cannot work together. Update the Kube Replay ` +
        `extension, or use an older server, so both speak protocol ${ProtocolVersion.major + 1}.x.`,
    );
  });

  it('refuses an older major, telling to update the server', () => {
    const problem = protocolProblem(answer('0.9'), '0.1.0');
    assert.match(problem ?? '', /speaks protocol 0\.9, but Kube Replay 0\.1\.0 speaks protocol/);
    assert.match(problem ?? '', /Update the server \(kubereplay\.server\.jar, or the server you/);
  });

  it('refuses a version that is not major.minor, quoting it', () => {
    assert.match(protocolProblem(answer('v2'), '0.1.0') ?? '', /'v2', which is not major\.minor/);
  });
});

describe('parseProtocolVersion', () => {
  it('reads major.minor and nothing else', () => {
    assert.deepEqual(parseProtocolVersion('1.3'), { major: 1, minor: 3 });
    assert.equal(parseProtocolVersion('1'), undefined);
    assert.equal(parseProtocolVersion('1.3.0'), undefined);
  });
});
