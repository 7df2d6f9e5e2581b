package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.ImportReport;
import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.StoreException;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.redact.Redactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One import into a new snapshot, in one transaction: pairs are redacted on the reading thread and
 * handed in batches to a writer thread, which derives the rest of their rows (path template,
 * signature, header JSON) and writes them, so reading the source and writing SQLite overlap, each
 * on a core of its own with about half the work. Nothing is visible to readers until {@link
 * #commit}; {@link #abort} (or a failure) leaves neither the snapshot nor any of its rows.
 *
 * <p>Memory stays flat: at most {@link #QUEUED_BATCHES} batches of {@link #BATCH} pairs wait for
 * the writer. Small batches keep what survives a young collection small, so collections are short.
 */
public final class SnapshotImport implements PairSink, AutoCloseable {

  static final int BATCH = 250;
  static final int QUEUED_BATCHES = 4;

  /** Progress of the read, as the source reports it. */
  @FunctionalInterface
  public interface Progress {
    void progress(long bytesRead, long totalBytes, long pairs);
  }

  private final String id;
  private final String name;
  private final String source;
  private final Redactor redactor;
  private final Progress progress;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final CompletableFuture<Void> written;
  private final SnapshotWriter writer;
  private final Map<String, long[]> hosts = new TreeMap<>();
  private final List<ImportReport.Skipped> skipped = new ArrayList<>();
  private final TreeSet<String> unresolved = new TreeSet<>();
  private final List<ImportReport.Warning> warnings = new ArrayList<>();
  private long warningCount;
  private List<PreparedPair> batch = new ArrayList<>(BATCH);
  private long pairs;
  private long skippedCount;
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private boolean finished;

  SnapshotImport(
      TrafficStore store,
      String id,
      String name,
      String source,
      Redactor redactor,
      Progress progress) {
    this.id = id;
    this.name = name;
    this.source = source;
    this.redactor = redactor;
    this.progress = progress;
    this.writer = new SnapshotWriter(store, queue);
    this.written = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                // the store keeps milliseconds: answer what a later read gives
                writer.run(id, name, source, Instant.ofEpochMilli(System.currentTimeMillis()));
                written.complete(null);
              } catch (Throwable failure) {
                written.completeExceptionally(failure);
              }
            },
            "kubereplay-import-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** A redacted pair and its place in the snapshot; the writer derives the rest of its row. */
  record PreparedPair(long seq, RRPair pair) {}

  /** The end of the import: the snapshot's summary, written before the commit. */
  record Finish(
      long inCount, long outCount, String hostsJson, Long first, Long last, long skipped) {}

  /** The import was given up: roll back. */
  enum Abort {
    INSTANCE
  }

  @Override
  public void accept(RRPair pair) {
    accept("pair " + (pairs + 1), pair);
  }

  /**
   * Redacts and queues the pair. A body the redactor kept coded (it could not be decoded, e.g. a
   * compression bomb) does not fail the import: the pair is stored with the body as it came, and
   * the report says so under {@code entry}.
   */
  @Override
  public void accept(String entry, RRPair pair) {
    writer.rethrowFailure();
    RRPair redacted = redactor.redact(pair);
    String kept = redacted.tags() == null ? null : redacted.tags().get(Redactor.KEPT_CODED);
    if (kept != null) {
      warningCount++;
      if (warnings.size() < ImportReport.MAX_LISTED) {
        warnings.add(new ImportReport.Warning(entry, Redactor.request(redacted) + ": " + kept));
      }
    }
    pairs++;
    batch.add(new PreparedPair(pairs, redacted));
    long[] counts = hosts.computeIfAbsent(redacted.host(), host -> new long[2]);
    counts[redacted.direction() == Direction.IN ? 0 : 1]++;
    long nanos = PairRows.nanos(redacted.timestamp());
    first = Math.min(first, nanos);
    last = Math.max(last, nanos);
    if (batch.size() == BATCH) {
      put(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  @Override
  public void skip(String entry, String reason) {
    skippedCount++;
    if (skipped.size() < ImportReport.MAX_LISTED) {
      skipped.add(new ImportReport.Skipped(entry, reason));
    }
  }

  @Override
  public void unresolved(String variable) {
    if (unresolved.size() < ImportReport.MAX_LISTED) {
      unresolved.add(variable);
    }
  }

  @Override
  public void progress(long bytesRead, long totalBytes) {
    progress.progress(bytesRead, totalBytes, pairs);
  }

  /** The id the snapshot gets when committed. */
  public String snapshotId() {
    return id;
  }

  public long pairCount() {
    return pairs;
  }

  public long skippedCount() {
    return skippedCount;
  }

  public List<ImportReport.Skipped> skipped() {
    return List.copyOf(skipped);
  }

  public List<ImportReport.Warning> warnings() {
    return List.copyOf(warnings);
  }

  public long warningCount() {
    return warningCount;
  }

  public List<String> unresolvedVariables() {
    return List.copyOf(unresolved);
  }

  public List<ImportReport.HostCount> hostCounts() {
    List<ImportReport.HostCount> counts = new ArrayList<>();
    hosts.forEach((host, c) -> counts.add(new ImportReport.HostCount(host, c[0], c[1])));
    return counts;
  }

  /** Writes what is left, the snapshot's summary, and commits; answers the snapshot. */
  public Snapshot commit() {
    if (!batch.isEmpty()) {
      put(batch);
      batch = new ArrayList<>();
    }
    long in = 0;
    long out = 0;
    for (long[] c : hosts.values()) {
      in += c[0];
      out += c[1];
    }
    put(
        new Finish(
            in,
            out,
            hostsJson(),
            pairs == 0 ? null : first,
            pairs == 0 ? null : last,
            skippedCount));
    finished = true;
    await();
    return new Snapshot(
        id,
        name,
        source,
        writer.created(),
        in,
        out,
        List.copyOf(hosts.keySet()),
        pairs == 0 ? null : PairRows.instant(first),
        pairs == 0 ? null : PairRows.instant(last),
        skippedCount,
        Snapshot.State.COMPLETE);
  }

  /** Gives the import up: nothing of it stays. Safe to call after a failure or twice. */
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    writer.abort();
    queue.clear();
    try {
      queue.put(Abort.INSTANCE);
      written.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the failure that made us abort; already reported
    }
  }

  @Override
  public void close() {
    abort();
  }

  private String hostsJson() {
    return jsonArray(hosts.keySet());
  }

  private static String jsonArray(Iterable<String> values) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (tools.jackson.core.JsonGenerator generator =
        dev.kubereplay.server.traffic.JsonFiles.generator(out)) {
      generator.writeStartArray();
      for (String value : values) {
        generator.writeString(value);
      }
      generator.writeEndArray();
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private void put(Object message) {
    try {
      while (!queue.offer(message, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        writer.rethrowFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted");
    }
  }

  private void await() {
    try {
      written.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new StoreException("import failed: " + cause.getMessage(), cause);
    }
  }
}
