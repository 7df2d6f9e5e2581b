package dev.kubereplay.intellij.cluster;

import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.protocol.cluster.FreshnessDto;

/**
 * What is known of one answer: on its way, there, or failed. A refresh keeps showing the last
 * answer until the new one comes, so {@link Loading} means there is nothing to show yet.
 */
public sealed interface Load<T> {

  /** Fresh data, for answers that carry no freshness of their own. */
  FreshnessDto FRESH = new FreshnessDto(false, null, null);

  /** Asked for; nothing to show yet. */
  record Loading<T>() implements Load<T> {}

  /**
   * The server's answer.
   *
   * @param freshness whether it may be out of date, as the answer or a later connection change said
   */
  record Loaded<T>(T value, FreshnessDto freshness) implements Load<T> {

    public boolean stale() {
      return freshness != null && freshness.stale();
    }
  }

  /** The server's error (e.g. forbidden), shown on that node only. */
  record Failed<T>(RpcFailure failure) implements Load<T> {}
}
