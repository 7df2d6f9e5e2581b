package dev.kubereplay.intellij.recordings.tree;

import dev.kubereplay.protocol.traffic.ListPairsParams;

/** An endpoint of a snapshot, as {@code traffic/listPairs} filters it: its pairs' key. */
public record EndpointRef(String snapshotId, String host, String method, String pathTemplate) {

  public ListPairsParams page(long offset, int limit) {
    return new ListPairsParams(snapshotId, host, method, pathTemplate, offset, limit);
  }
}
