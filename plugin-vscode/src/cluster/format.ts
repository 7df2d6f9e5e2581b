// How numbers, times and free text read in the Clusters view.
import type { FreshnessDto, ResourcesDto } from '../rpc/protocol';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** Millicores as kubectl writes them: `250m`, `1`, `1.5`; `0` as `none`. */
export function cpuText(millis: number): string {
  if (millis <= 0) {
    return 'none';
  }
  return millis < 1000 ? `${millis}m` : trim(millis / 1000);
}

/** Bytes in binary units: `128Mi`, `1.5Gi`, `512Ki`; `0` as `none`. */
export function memoryText(bytes: number): string {
  if (bytes <= 0) {
    return 'none';
  }
  if (bytes >= GIB) {
    return `${trim(bytes / GIB)}Gi`;
  }
  if (bytes >= MIB) {
    return `${trim(bytes / MIB)}Mi`;
  }
  if (bytes >= 1024) {
    return `${trim(bytes / 1024)}Ki`;
  }
  return `${bytes}`;
}

/** `250m CPU · 128Mi`, or `none` when nothing is requested. */
export function requestsText(requests: ResourcesDto): string {
  if (requests.cpuMillis <= 0 && requests.memoryBytes <= 0) {
    return 'none';
  }
  return `${cpuText(requests.cpuMillis)} CPU · ${memoryText(requests.memoryBytes)} memory`;
}

/** `17:02` today, `24 Nov 17:02` on another day, in the local time zone. */
export function clockText(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) {
    return iso;
  }
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  if (at.toDateString() === now.toDateString()) {
    return time;
  }
  const month = at.toLocaleString('en', { month: 'short' });
  return `${at.getDate()} ${month} ${time}`;
}

/** `stale since 17:02`, or `stale` when the server did not say since when. */
export function staleText(freshness: FreshnessDto, now?: Date): string {
  return freshness.since ? `stale since ${clockText(freshness.since, now)}` : 'stale';
}

/** `3 s`, `5 min`, `2 h`, `4 d` ago. */
export function ageText(iso: string, now: Date = new Date()): string {
  const ms = now.getTime() - new Date(iso).getTime();
  if (Number.isNaN(ms)) {
    return iso;
  }
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) {
    return `${seconds} s ago`;
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`;
}

/** `1 key`, `3 keys`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Text that Markdown shows as it is: names and messages come from the cluster. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&');
}

function trim(value: number): string {
  return Number.isInteger(value)
    ? `${value}`
    : value.toFixed(value < 10 ? 2 : 1).replace(/0+$/, '');
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}
