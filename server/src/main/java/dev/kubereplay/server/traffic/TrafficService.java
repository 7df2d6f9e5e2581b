package dev.kubereplay.server.traffic;

import dev.kubereplay.server.http.Hosts;
import dev.kubereplay.server.http.ListenAddress;
import dev.kubereplay.server.listen.LoopbackRule;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Endpoint;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.model.StoredPair;
import dev.kubereplay.server.traffic.record.ProxyOptions;
import dev.kubereplay.server.traffic.record.Recording;
import dev.kubereplay.server.traffic.redact.RedactionRules;
import dev.kubereplay.server.traffic.redact.Redactor;
import dev.kubereplay.server.traffic.store.LiveSnapshot;
import dev.kubereplay.server.traffic.store.SnapshotImport;
import dev.kubereplay.server.traffic.store.SnapshotStore;
import dev.kubereplay.server.traffic.store.TrafficStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.logging.Logger;

/**
 * Recordings: import files into snapshots, browse and manage them, export them. Knows nothing of
 * JSON-RPC or the command line; both call it.
 */
public final class TrafficService {

  private static final Logger LOG = Logger.getLogger(TrafficService.class.getName());
  private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

  /** Where an import is: bytes of the source read, and pairs so far. */
  @FunctionalInterface
  public interface ImportListener {
    void progress(long done, long total, String message);

    ImportListener NONE = (done, total, message) -> {};
  }

  private final SnapshotStore snapshots;
  private final TrafficFormats formats;
  private final RedactionRules rules;
  private final RecordedPairs recorded;

  public TrafficService(TrafficStore store, TrafficFormats formats, RedactionRules rules) {
    this.snapshots = new SnapshotStore(store);
    this.recorded = new RecordedPairs(store);
    this.formats = formats;
    this.rules = rules;
  }

  /** The service over the database and redaction settings of a data directory. */
  public static TrafficService open(Path dataDirectory) {
    return new TrafficService(
        TrafficStore.open(dataDirectory),
        TrafficFormats.load(),
        RedactionRules.load(dataDirectory));
  }

  public TrafficFormats formats() {
    return formats;
  }

  /** Pairs as recorded (raw bytes, by direction, in recorded order): what replay reads. */
  public RecordedPairs recordedPairs() {
    return recorded;
  }

  /**
   * Imports a file into a new snapshot, in one transaction. Progress is reported at most four times
   * a second, and once at the end.
   *
   * @throws ImportException when the file cannot be read or is not valid; nothing is stored
   * @throws CancellationException when cancelled; nothing is stored
   * @throws TrafficException when the format name is unknown
   */
  public ImportReport importFile(
      ImportRequest request, ImportListener listener, TrafficFormat.Cancellation cancelled) {
    long start = System.nanoTime();
    Path file = request.file().toAbsolutePath().normalize();
    TrafficFormat format = formats.choose(file, request.format());
    String name =
        request.name() == null || request.name().isBlank()
            ? file.getFileName().toString()
            : request.name();
    Redactor redactor = new Redactor(rules.withKeys(request.redactKeys()));
    ImportOptions options =
        new ImportOptions(request.outboundHosts(), request.maxBodyBytes(), request.environment());
    long[] lastReport = {0};
    SnapshotImport sink =
        snapshots.begin(
            name,
            format.name() + ":" + file,
            redactor,
            (read, total, pairs) -> {
              long now = System.nanoTime();
              if (now - lastReport[0] >= PROGRESS_INTERVAL_NANOS) {
                lastReport[0] = now;
                listener.progress(read, total, pairs + " pairs");
              }
            });
    try {
      format.read(file, options, sink, cancelled);
      if (cancelled.isCancelled()) {
        throw new CancellationException("import of " + file + " cancelled");
      }
      if (sink.pairCount() == 0) {
        throw new ImportException(file, "", nothingToImport(sink));
      }
      Snapshot snapshot = sink.commit();
      long size = sizeOf(file);
      listener.progress(size, size, snapshot.pairCount() + " pairs");
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      LOG.info(
          "imported "
              + file
              + " ("
              + format.name()
              + ") as snapshot "
              + snapshot.id()
              + ": "
              + snapshot.pairCount()
              + " pairs, "
              + sink.skippedCount()
              + " skipped, in "
              + elapsed.toMillis()
              + " ms");
      return new ImportReport(
          snapshot,
          format.name(),
          sink.hostCounts(),
          sink.skipped(),
          sink.skippedCount(),
          sink.unresolvedVariables(),
          size,
          elapsed,
          sink.warnings(),
          sink.warningCount());
    } catch (IOException e) {
      sink.abort();
      throw new ImportException(file, "", "cannot read: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      sink.abort();
      throw new ImportException(file, "", "cannot read: " + e.getCause().getMessage(), e);
    } catch (RuntimeException | Error e) {
      sink.abort();
      throw e;
    }
  }

  /**
   * Starts a desktop recording into a new snapshot: a proxy on {@code listen} ({@code host:port})
   * forwarding to {@code upstream}, or a forward proxy; pairs are redacted like imports. The
   * snapshot is listed, {@code RECORDING}, from the start and grows as pairs are committed; see
   * {@link Recording} for how they are made durable.
   *
   * @param name the snapshot's name; {@code recording of <upstream>} when blank
   * @param redactKeys JSON keys and query parameters to redact besides the configured ones
   * @throws TrafficException {@code INVALID} for a bad address or upstream, {@code ADDRESS_IN_USE}
   *     when the listen address is taken; nothing is stored
   * @throws dev.kubereplay.server.listen.ListenRefusedException when {@code listen} is not loopback
   * @throws dev.kubereplay.server.traffic.StoreException when the snapshot cannot be created
   */
  public Recording record(
      String id,
      String listen,
      String upstream,
      boolean forward,
      String name,
      List<String> redactKeys,
      Recording.Listener listener) {
    return record(id, listen, upstream, forward, name, redactKeys, listener, false);
  }

  /**
   * As the other {@code record}, with {@code remoteClientsAllowed} letting {@code listen} be beyond
   * loopback: only for a user who asked for it explicitly ({@code record --allow-remote-clients}).
   */
  public Recording record(
      String id,
      String listen,
      String upstream,
      boolean forward,
      String name,
      List<String> redactKeys,
      Recording.Listener listener,
      boolean remoteClientsAllowed) {
    ProxyOptions options;
    try {
      options =
          new ProxyOptions(
              ListenAddress.parse(listen),
              forward || upstream == null ? null : URI.create(upstream.strip()),
              forward,
              ImportOptions.DEFAULT_MAX_BODY_BYTES,
              ProxyOptions.DEFAULT_STOP_TIMEOUT,
              remoteClientsAllowed);
    } catch (IllegalArgumentException e) {
      throw new TrafficException(TrafficException.Reason.INVALID, upstream, e.getMessage(), e);
    }
    if (forward && upstream != null && !upstream.isBlank()) {
      throw new TrafficException(
          TrafficException.Reason.INVALID,
          upstream,
          "a forward proxy has no upstream: each request names its host");
    }
    String target = forward ? "forward proxy" : options.upstream().toString();
    String snapshotName = name == null || name.isBlank() ? "recording of " + target : name.strip();
    LiveSnapshot sink =
        snapshots.record(
            snapshotName,
            "record:" + (forward ? "forward" : options.upstream()),
            new Redactor(rules.withKeys(redactKeys == null ? List.of() : redactKeys)));
    Recording recording = new Recording(id, options, sink, listener);
    InetSocketAddress address = recording.start(options.listen());
    String exposed = LoopbackRule.warning(address, options.listener());
    if (exposed != null) {
      LOG.info(exposed); // the caller shows it to the user who asked for it
    }
    LOG.info(
        "recording "
            + id
            + " on "
            + ListenAddress.format(address)
            + " ("
            + target
            + ") into snapshot "
            + recording.snapshotId());
    return recording;
  }

  /**
   * A new snapshot that grows as pairs are handed to it, redacted as desktop recordings are (the
   * same redaction and bounded decoding): for exchanges recorded elsewhere than the recording
   * proxy, such as calls the mocks pass through. The caller opens it, then seals or interrupts it;
   * see {@link LiveSnapshot}.
   *
   * @param source where its pairs come from, as {@link
   *     dev.kubereplay.server.traffic.model.Snapshot} shows it
   */
  public LiveSnapshot recordInto(String name, String source, List<String> redactKeys) {
    return snapshots.record(
        name.strip(),
        source,
        new Redactor(rules.withKeys(redactKeys == null ? List.of() : redactKeys)));
  }

  private static String nothingToImport(SnapshotImport sink) {
    if (sink.skippedCount() == 0) {
      return "nothing to import: the file holds no entries";
    }
    ImportReport.Skipped first = sink.skipped().get(0);
    return "nothing to import: all "
        + sink.skippedCount()
        + " entries were skipped (the first, "
        + first.entry()
        + ": "
        + first.reason()
        + ")";
  }

  private static long sizeOf(Path file) {
    if (JsonFiles.isStream(file)) {
      return -1; // a pipe: its size was never known
    }
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Every snapshot, newest first. */
  public List<Snapshot> snapshots() {
    return snapshots.list();
  }

  /** The snapshot with this id; fails with SNAPSHOT_NOT_FOUND. */
  public Snapshot snapshot(String id) {
    return snapshots.find(id).orElseThrow(() -> TrafficException.snapshotNotFound(id));
  }

  /**
   * The snapshot a person means: its id, else its name when only one has it, else the one whose id
   * starts with {@code reference}.
   */
  public Snapshot resolve(String reference) {
    return snapshots
        .find(reference)
        .orElseGet(
            () -> {
              List<Snapshot> all = snapshots.list();
              List<Snapshot> named = all.stream().filter(s -> s.name().equals(reference)).toList();
              if (named.size() == 1) {
                return named.get(0);
              }
              if (named.size() > 1) {
                throw new TrafficException(
                    TrafficException.Reason.INVALID,
                    reference,
                    named.size() + " snapshots are named '" + reference + "'; use an id");
              }
              List<Snapshot> prefixed =
                  all.stream().filter(s -> s.id().startsWith(reference)).toList();
              if (prefixed.size() == 1) {
                return prefixed.get(0);
              }
              throw TrafficException.snapshotNotFound(reference);
            });
  }

  /** The endpoints of a snapshot, by host, method and path template. */
  public List<Endpoint> endpoints(String snapshotId) {
    snapshot(snapshotId);
    return snapshots.endpoints(snapshotId);
  }

  /** A page of pairs and how many there are in all. */
  public record Page(List<StoredPair> pairs, long total) {}

  public Page pairs(PairQuery query) {
    snapshot(query.snapshotId());
    if (query.limit() <= 0 || query.offset() < 0) {
      throw new TrafficException(
          TrafficException.Reason.INVALID, null, "limit must be positive and offset not negative");
    }
    return new Page(snapshots.pairs(query), snapshots.count(query));
  }

  public StoredPair pair(String snapshotId, long pairId) {
    snapshot(snapshotId);
    return snapshots
        .pair(snapshotId, pairId)
        .orElseThrow(
            () ->
                new TrafficException(
                    TrafficException.Reason.PAIR_NOT_FOUND,
                    String.valueOf(pairId),
                    "no pair " + pairId + " in snapshot " + snapshotId));
  }

  public Snapshot rename(String snapshotId, String name) {
    if (name == null || name.isBlank()) {
      throw new TrafficException(
          TrafficException.Reason.INVALID, snapshotId, "a snapshot's name cannot be empty");
    }
    return snapshots
        .rename(snapshotId, name.strip())
        .orElseThrow(() -> TrafficException.snapshotNotFound(snapshotId));
  }

  /**
   * Deletes a snapshot; false when it was already gone. A snapshot being recorded is not deleted:
   * its recording may run in another process, which this one cannot stop.
   *
   * @throws TrafficException {@code SNAPSHOT_RECORDING} while a recording writes it
   */
  public boolean delete(String snapshotId) {
    return switch (snapshots.delete(snapshotId)) {
      case DELETED -> {
        LOG.info("deleted snapshot " + snapshotId);
        yield true;
      }
      case ABSENT -> false;
      case RECORDING ->
          throw new TrafficException(
              TrafficException.Reason.SNAPSHOT_RECORDING,
              snapshotId,
              "snapshot " + snapshotId + " is being recorded; stop the recording first");
    };
  }

  /** Makes every pair of {@code host} {@code direction}. */
  public Reclassified reclassify(String snapshotId, String host, Direction direction) {
    return reclassify(snapshotId, host, null, null, direction);
  }

  /**
   * Makes the pairs of {@code host} {@code direction}: all of them, or those of one endpoint.
   *
   * @param method the endpoint's method (any case), or null for every method; only with a path
   * @param pathTemplate the endpoint's path template as listed, or null for the whole host
   */
  public Reclassified reclassify(
      String snapshotId, String host, String method, String pathTemplate, Direction direction) {
    if (host == null || host.isBlank() || direction == null) {
      throw new TrafficException(
          TrafficException.Reason.INVALID, snapshotId, "reclassify needs a host and a direction");
    }
    String path = pathTemplate == null || pathTemplate.isBlank() ? null : pathTemplate.strip();
    String verb =
        method == null || method.isBlank() ? null : method.strip().toUpperCase(Locale.ROOT);
    if (verb != null && path == null) {
      throw new TrafficException(
          TrafficException.Reason.INVALID,
          snapshotId,
          "reclassify by method needs the endpoint's path too (e.g. /orders/{id})");
    }
    if (path != null && !path.startsWith("/")) {
      throw new TrafficException(
          TrafficException.Reason.INVALID,
          path,
          "'" + path + "' is not a path template: it starts with / (e.g. /orders/{id})");
    }
    return snapshots
        .reclassify(snapshotId, Hosts.of(host), verb, path, direction)
        .orElseThrow(() -> TrafficException.snapshotNotFound(snapshotId));
  }

  /** What an export wrote. */
  public record ExportResult(Path path, long pairs, long bytes) {}

  /**
   * Writes a snapshot to a file, streaming; the file appears whole or not at all (written beside
   * it, then moved into place).
   */
  public ExportResult export(String snapshotId, String format, Path path) {
    return export(snapshotId, format, path, TrafficFormat.Cancellation.NEVER, ExportListener.NONE);
  }

  /** Told how far an export is: pairs written of the snapshot's pairs. */
  @FunctionalInterface
  public interface ExportListener {
    void exported(long pairs, long total);

    ExportListener NONE = (pairs, total) -> {};
  }

  /**
   * {@link #export(String, String, Path)}, telling {@code listener} every 1,000 pairs and stopping
   * when {@code cancelled} says so.
   *
   * @throws CancellationException when cancelled; the target file is left as it was
   */
  public ExportResult export(
      String snapshotId,
      String format,
      Path path,
      TrafficFormat.Cancellation cancelled,
      ExportListener listener) {
    Snapshot snapshot = snapshot(snapshotId);
    PairWriter writer =
        formats
            .writer(format == null ? "" : format)
            .orElseThrow(
                () ->
                    new TrafficException(
                        TrafficException.Reason.INVALID,
                        format,
                        "unknown export format '"
                            + format
                            + "'; known: "
                            + String.join(", ", formats.exportNames())));
    Path target = path.toAbsolutePath().normalize();
    Path partial = target.resolveSibling("." + target.getFileName() + ".part");
    long[] count = {0};
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
        writer.begin(out, snapshot);
        snapshots.forEachPair(
            snapshotId,
            stored -> {
              try {
                writer.write(stored.pair());
                if (++count[0] % 1000 == 0) {
                  if (cancelled.isCancelled()) {
                    throw new CancellationException(
                        "export of snapshot " + snapshotId + " cancelled");
                  }
                  listener.exported(count[0], snapshot.pairCount());
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
        writer.end();
      }
      if (!cancelled.commit()) {
        throw new CancellationException("export of snapshot " + snapshotId + " cancelled");
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      listener.exported(count[0], snapshot.pairCount());
      return new ExportResult(target, count[0], Files.size(target));
    } catch (CancellationException e) {
      deleteQuietly(partial);
      throw e;
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(partial);
      String reason = e instanceof UncheckedIOException u ? u.getCause().toString() : e.toString();
      throw new TrafficException(
          TrafficException.Reason.EXPORT_FAILED,
          target.toString(),
          "cannot write " + target + ": " + reason,
          e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort: a hidden .part file beside the target
    }
  }
}
