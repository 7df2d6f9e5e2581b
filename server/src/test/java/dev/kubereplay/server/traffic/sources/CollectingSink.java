package dev.kubereplay.server.traffic.sources;

import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.model.RRPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A sink that keeps what a source gave it, for assertions; safe to fill from several threads. */
public final class CollectingSink implements PairSink {

  /** A skipped entry. */
  public record Skip(String entry, String reason) {}

  private final List<RRPair> pairs = new ArrayList<>();
  private final List<Skip> skips = new ArrayList<>();
  private final List<String> unresolved = new ArrayList<>();
  private long lastProgress = -1;

  @Override
  public synchronized void accept(RRPair pair) {
    pairs.add(pair);
    notifyAll();
  }

  @Override
  public synchronized void skip(String entry, String reason) {
    skips.add(new Skip(entry, reason));
    notifyAll();
  }

  @Override
  public synchronized void unresolved(String variable) {
    unresolved.add(variable);
  }

  @Override
  public synchronized void progress(long bytesRead, long totalBytes) {
    lastProgress = bytesRead;
  }

  public synchronized List<RRPair> pairs() {
    return List.copyOf(pairs);
  }

  public synchronized List<Skip> skips() {
    return List.copyOf(skips);
  }

  public synchronized List<String> unresolved() {
    return List.copyOf(unresolved);
  }

  public synchronized long lastProgress() {
    return lastProgress;
  }

  /** The first pair whose URL ends with {@code suffix}. */
  public synchronized Optional<RRPair> byUrlEnding(String suffix) {
    return pairs.stream().filter(p -> p.url().endsWith(suffix)).findFirst();
  }

  /** The pair whose URL ends with {@code suffix}; fails when there is none. */
  public RRPair pair(String suffix) {
    return byUrlEnding(suffix)
        .orElseThrow(() -> new AssertionError("no pair ending " + suffix + " in " + urls()));
  }

  private synchronized List<String> urls() {
    return pairs.stream().map(RRPair::url).toList();
  }

  /** Waits until {@code count} pairs and skips have arrived, or the timeout passes. */
  public synchronized void awaitEntries(int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (pairs.size() + skips.size() < count) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError(
            "expected " + count + " entries, got " + pairs.size() + " pairs " + skips);
      }
      wait(left);
    }
  }
}
