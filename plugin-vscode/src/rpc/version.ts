// The protocol version check both ways of initialize make: a server of another major is refused.
import { ProtocolVersion, type InitializeResponse } from './protocol';

interface Version {
  major: number;
  minor: number;
}

/** `major.minor` as a version; undefined when it is not one. */
export function parseProtocolVersion(text: string): Version | undefined {
  const match = /^(\d{1,9})\.(\d{1,9})$/.exec(text);
  return match?.[1] && match[2] ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/**
 * Why this extension cannot talk to the server that answered `initialize`, in words that name both
 * versions and what to do; undefined when it can. A server older than the field sends none: it
 * spoke major 1.
 */
export function protocolProblem(
  answer: InitializeResponse,
  extensionVersion: string,
): string | undefined {
  const text = answer.protocolVersion ?? '1.0';
  const server = parseProtocolVersion(text);
  const who = `The kubereplay server ${answer.serverInfo.version}`;
  if (!server) {
    return `${who} sent the protocol version '${text}', which is not major.minor. Use the server bundled with the extension.`;
  }
  if (server.major === ProtocolVersion.major) {
    return undefined;
  }
  const update =
    server.major > ProtocolVersion.major
      ? 'Update the Kube Replay extension, or use an older server'
      : 'Update the server (kubereplay.server.jar, or the server you attached to)';
  return (
    `${who} speaks protocol ${text}, but Kube Replay ${extensionVersion} speaks protocol ` +
    `${ProtocolVersion.current}: they cannot work together. ${update}, so both speak protocol ` +
    `${Math.max(server.major, ProtocolVersion.major)}.x.`
  );
}
