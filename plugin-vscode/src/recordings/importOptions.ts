// What the user chooses when importing a file, and the traffic/importFile request it makes;
// free of the vscode module.
import * as path from 'node:path';
import type { ImportFileParams } from '../rpc/protocol';

export const IMPORT_FORMATS = ['har', 'postman', 'jsonl', 'wiremock', 'speedscale'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const FORMAT_NAMES: Record<ImportFormat, string> = {
  har: 'HAR 1.2, as browsers, Playwright and proxies save it',
  postman: 'Postman collection v2.1, with its saved responses',
  jsonl: 'Kube Replay JSONL, as Export Recording writes it',
  wiremock: 'WireMock stub mappings',
  speedscale: 'Speedscale raw JSONL',
};

/** What the user chose; anything left out takes the server's default. */
export interface ImportChoices {
  /** None: the server tells the format from the file. */
  format?: ImportFormat;
  /** Blank: the file's name. */
  name?: string;
  /** Hosts whose pairs become OUT (mocks), as typed: comma- or space-separated. */
  outboundHosts?: string;
  /** A Postman environment file, for a Postman collection's `{{variables}}`. */
  environmentPath?: string;
  /** More keys to redact (the `kubereplay.redaction.keys` setting). */
  redactKeys?: readonly string[];
}

/** The keys of the `kubereplay.redaction.keys` setting: trimmed, blanks dropped. */
export function redactKeysOf(setting: unknown): string[] {
  return Array.isArray(setting)
    ? setting
        .filter((key): key is string => typeof key === 'string')
        .map((key) => key.trim())
        .filter((key) => key !== '')
    : [];
}

/** The snapshot name the server gives an import without one: the file's name. */
export function defaultName(file: string): string {
  return path.basename(file);
}

/**
 * Hosts as typed (`payments.shop, https://api.stripe.com/v1`) as the server compares them:
 * without scheme, path or duplicates.
 */
export function parseHosts(text: string): string[] {
  const hosts = text
    .split(/[,\s]+/)
    .map((entry) =>
      entry
        .trim()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
        .replace(/[/?#].*$/, ''),
    )
    .filter((host) => host.length > 0);
  return [...new Set(hosts)];
}

const HOST =
  /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9_-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9_-]*[a-z0-9])?)*)(:\d{1,5})?$/i;

/** A message naming the first entry that is not a host (or host:port); none when all are. */
export function validateHosts(text: string): string | undefined {
  const bad = parseHosts(text).find((host) => !HOST.test(host));
  return bad === undefined
    ? undefined
    : `'${bad}' is not a host name: enter hosts like payments.shop or 127.0.0.1:8080.`;
}

/** Whether to offer a Postman environment: for Postman, chosen or told by the file's name. */
export function asksForEnvironment(file: string, format: ImportFormat | undefined): boolean {
  if (format !== undefined) {
    return format === 'postman';
  }
  return /postman_collection\.json$/i.test(path.basename(file));
}

/** The request an import with these choices sends. */
export function importParams(file: string, choices: ImportChoices = {}): ImportFileParams {
  const params: ImportFileParams = { path: file };
  if (choices.format) {
    params.format = choices.format;
  }
  const name = choices.name?.trim();
  if (name) {
    params.name = name;
  }
  const hosts = parseHosts(choices.outboundHosts ?? '');
  if (hosts.length > 0) {
    params.outboundHosts = hosts;
  }
  if (choices.environmentPath && asksForEnvironment(file, choices.format)) {
    params.environmentPath = choices.environmentPath;
  }
  const keys = redactKeysOf(choices.redactKeys);
  if (keys.length > 0) {
    params.redactKeys = keys;
  }
  return params;
}

export interface FormatItem {
  label: string;
  description?: string;
  detail: string;
  format?: ImportFormat;
}

/** The format quick pick: detecting first, as it is the default. */
export function formatItems(): FormatItem[] {
  return [
    {
      label: 'Detect from the file',
      description: 'default',
      detail: 'The server reads the start of the file and picks the format.',
    },
    ...IMPORT_FORMATS.map((format) => ({ label: format, detail: FORMAT_NAMES[format], format })),
  ];
}

export interface StartItem {
  label: string;
  detail: string;
  options: boolean;
}

/** The first pick after the file: import at once, or choose the options first. */
export function startItems(file: string): StartItem[] {
  return [
    {
      label: 'Import with defaults',
      detail: `Format detected, named ${defaultName(file)}, no outbound hosts: pairs are IN unless the file says.`,
      options: false,
    },
    {
      label: 'Choose options…',
      detail: 'Format, name, outbound hosts (their pairs become mocks), Postman environment.',
      options: true,
    },
  ];
}
