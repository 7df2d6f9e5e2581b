// An endpoint's pairs, loaded a page at a time; free of the vscode module.
import type { ListPairsResponse, PairSummaryDto } from '../rpc/protocol';

/** How many pairs an endpoint row loads at a time. */
export const PAIRS_PAGE = 200;

/** The pairs of an endpoint loaded so far, and how many it has in all. */
export interface PairPage {
  pairs: PairSummaryDto[];
  total: number;
}

export const NO_PAIRS: PairPage = { pairs: [], total: 0 };

/**
 * The pairs loaded so far with the next page appended. A pair already listed is not listed
 * twice (the recording may have grown between two pages); an empty page means there is nothing
 * more, whatever the total said before.
 */
export function appendPage(loaded: PairPage, next: ListPairsResponse): PairPage {
  const seen = new Set(loaded.pairs.map((pair) => pair.pairId));
  const pairs = [...loaded.pairs, ...next.pairs.filter((pair) => !seen.has(pair.pairId))];
  if (next.pairs.length === 0) {
    return { pairs, total: pairs.length };
  }
  return { pairs, total: Math.max(next.total, pairs.length) };
}

export function hasMore(page: PairPage): boolean {
  return page.pairs.length < page.total;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** The label of the row that loads the next page: `Load more (200 of 1,234)`. */
export function loadMoreLabel(shown: number, total: number): string {
  return `Load more (${count(shown)} of ${count(total)})`;
}

export function loadMoreTooltip(shown: number, total: number): string {
  const next = Math.min(PAIRS_PAGE, total - shown);
  return `${count(shown)} of ${count(total)} pairs are listed. Click to load the next ${count(next)}.`;
}
