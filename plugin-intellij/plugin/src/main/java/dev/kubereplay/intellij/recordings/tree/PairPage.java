package dev.kubereplay.intellij.recordings.tree;

import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.ListPairsResponse;
import dev.kubereplay.protocol.traffic.PairSummaryDto;
import java.util.ArrayList;
import java.util.List;

/**
 * The pairs of one endpoint loaded so far, page after page, and whether the next page is on its way
 * or failed.
 *
 * @param total how many pairs the endpoint has, over all pages
 * @param moreError why the last "load more" failed, or null
 */
public record PairPage(
    List<PairSummaryDto> pairs, long total, boolean loadingMore, @Nullable String moreError) {

  /** Pairs asked for at once, when an endpoint opens and on each "Load more". */
  public static final int SIZE = 200;

  /** The most pairs {@code traffic/listPairs} answers at once. */
  public static final int MAX = 1000;

  public static PairPage of(ListPairsResponse first) {
    return new PairPage(List.copyOf(first.pairs()), first.total(), false, null);
  }

  public boolean hasMore() {
    return pairs.size() < total;
  }

  public PairPage loading() {
    return new PairPage(pairs, total, true, null);
  }

  /** The next page appended; an empty page ends the paging even if the total said more. */
  public PairPage appended(ListPairsResponse next) {
    List<PairSummaryDto> all = new ArrayList<>(pairs);
    all.addAll(next.pairs());
    long newTotal = next.pairs().isEmpty() ? all.size() : Math.max(next.total(), all.size());
    return new PairPage(List.copyOf(all), newTotal, false, null);
  }

  public PairPage failed(String why) {
    return new PairPage(pairs, total, false, why);
  }
}
