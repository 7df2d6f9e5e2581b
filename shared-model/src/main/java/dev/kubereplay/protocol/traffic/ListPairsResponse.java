package dev.kubereplay.protocol.traffic;

import java.util.List;

/**
 * Answer to {@code traffic/listPairs}.
 *
 * @param pairs the page
 * @param total how many pairs match, over all pages
 */
public record ListPairsResponse(List<PairSummaryDto> pairs, long total) {}
