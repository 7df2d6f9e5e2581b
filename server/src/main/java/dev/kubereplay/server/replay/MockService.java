package dev.kubereplay.server.replay;

import dev.kubereplay.server.listen.LoopbackRule;
import dev.kubereplay.server.replay.match.Leniency;
import dev.kubereplay.server.replay.match.Matcher;
import dev.kubereplay.server.replay.responder.MockEnvironment;
import dev.kubereplay.server.replay.responder.MockListener;
import dev.kubereplay.server.replay.responder.Passthrough;
import dev.kubereplay.server.replay.responder.PassthroughCalls;
import dev.kubereplay.server.replay.responder.RecordingAnswers;
import dev.kubereplay.server.replay.responder.Timing;
import dev.kubereplay.server.replay.tls.HostCertificates;
import dev.kubereplay.server.replay.tls.LocalCa;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.store.LiveSnapshot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Mocks for snapshots: each answers a snapshot's outbound ({@code OUT}) calls on a port of its own,
 * several at once, until stopped. The local CA is made on first use.
 */
public final class MockService implements AutoCloseable {

  /** Where mocks listen when the user names no address. */
  public static final InetSocketAddress DEFAULT_LISTEN = new InetSocketAddress("127.0.0.1", 8099);

  /** The mocks, and what anyone who reaches them can do, for {@link LoopbackRule}. */
  public static final LoopbackRule.Listener LISTENER =
      new LoopbackRule.Listener(
          "the mock server",
          "read the snapshot's recorded responses",
          "add --allow-remote-clients");

  /**
   * How to run mocks.
   *
   * @param listen where; port 0 for any free one
   * @param remoteClientsAllowed whether {@code listen} may be beyond loopback (the user said so)
   * @param maxBodyBytes the longest request body read, and the longest answer passed through
   * @param passthrough whether misses go on to the real upstream, and whether what came back is
   *     kept as a new snapshot; {@link Passthrough#OFF} by default
   */
  public record Options(
      InetSocketAddress listen,
      boolean remoteClientsAllowed,
      Timing timing,
      Leniency leniency,
      long maxBodyBytes,
      Passthrough passthrough) {

    public Options {
      passthrough = passthrough == null ? Passthrough.OFF : passthrough;
    }

    /** Mocks without passthrough. */
    public Options(
        InetSocketAddress listen,
        boolean remoteClientsAllowed,
        Timing timing,
        Leniency leniency,
        long maxBodyBytes) {
      this(listen, remoteClientsAllowed, timing, leniency, maxBodyBytes, Passthrough.OFF);
    }
  }

  /**
   * Mocks that are running.
   *
   * @param keptSnapshotId the snapshot that keeps passed-through calls ({@code RECORDING} until the
   *     mocks stop), or null
   */
  public record Running(
      String id,
      Snapshot snapshot,
      int calls,
      InetSocketAddress address,
      Map<String, String> environment,
      String keptSnapshotId) {}

  private record Started(
      Running running, MockListener listener, PassthroughCalls passthrough, LiveSnapshot kept) {}

  private final TrafficService traffic;
  private final Path dataDirectory;
  private final Map<String, Started> running = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile LocalCa ca;

  public MockService(TrafficService traffic, Path dataDirectory) {
    this.traffic = traffic;
    this.dataDirectory = dataDirectory;
  }

  /** The local CA of the data directory, made on first use. */
  public LocalCa ca() {
    LocalCa known = ca;
    if (known == null) {
      synchronized (this) {
        if (ca == null) {
          ca = LocalCa.loadOrCreate(dataDirectory);
        }
        known = ca;
      }
    }
    return known;
  }

  /**
   * Starts mocks for a snapshot.
   *
   * @param snapshotReference a snapshot's id, id prefix or name
   * @param log hears of every request: what matched, or what came closest
   * @throws ReplayException when the snapshot has no outbound calls with a response, the address is
   *     taken ({@code ADDRESS_IN_USE}), or passthrough would send misses back to the mocks ({@code
   *     INVALID})
   * @throws dev.kubereplay.server.traffic.TrafficException when the snapshot is unknown
   * @throws dev.kubereplay.server.traffic.StoreException when the snapshot that keeps
   *     passed-through calls cannot be created; then nothing listens
   * @throws dev.kubereplay.server.listen.ListenRefusedException for an address beyond loopback the
   *     user did not allow
   */
  public Running start(
      String snapshotReference, Options options, Consumer<RecordingAnswers.Event> log) {
    LoopbackRule.require(options.listen(), options.remoteClientsAllowed(), LISTENER);
    Snapshot snapshot = traffic.resolve(snapshotReference);
    // the pairs stream through once; the matcher keeps what finds them and reads bodies again
    // when it needs them, so a recording of 100,000 calls fits the server's heap
    Matcher.Loader calls = Matcher.loader(options.leniency());
    int[] counts = {0, 0};
    traffic
        .recordedPairs()
        .forEach(
            snapshot.id(),
            Direction.OUT,
            stored -> {
              counts[0]++;
              if (stored.pair().hasResponse()) {
                counts[1]++;
                calls.add(stored.id(), stored.pair());
              }
            });
    if (counts[1] == 0) {
      throw new ReplayException(
          ReplayException.Reason.NOTHING_TO_REPLAY,
          snapshot.id(),
          counts[0] == 0
              ? "snapshot '"
                  + snapshot.name()
                  + "' has no outbound calls to answer with; mark the hosts it calls as outbound"
                  + " (snapshot reclassify "
                  + snapshot.id()
                  + " --host HOST --direction out)"
              : "snapshot '"
                  + snapshot.name()
                  + "' has "
                  + counts[0]
                  + " outbound calls but none with a recorded response to answer with");
    }
    Passthrough passing = options.passthrough();
    LiveSnapshot kept =
        passing.keepAs() == null
            ? null
            : traffic.recordInto(passing.keepAs(), "mock passthrough:" + snapshot.id(), List.of());
    PassthroughCalls passthrough =
        passing.enabled() ? new PassthroughCalls(passing, options.maxBodyBytes(), kept) : null;
    MockListener listener =
        new MockListener(
            options.listen(),
            options.maxBodyBytes(),
            new HostCertificates(ca(), "localhost"),
            new RecordingAnswers(
                calls.build(id -> traffic.recordedPairs().pair(snapshot.id(), id).pair()),
                options.timing(),
                log,
                passthrough));
    InetSocketAddress address;
    try {
      address = listener.start();
    } catch (IOException e) {
      throw new ReplayException(
          ReplayException.Reason.ADDRESS_IN_USE,
          options.listen().getHostString() + ":" + options.listen().getPort(),
          "the mocks " + e.getMessage(),
          e);
    }
    try {
      refuseLoop(passing, address);
      if (kept != null) {
        kept.open(); // after the port is bound: a failed start stores nothing
      }
    } catch (RuntimeException e) {
      listener.close();
      throw e;
    }
    String id = "mocks-" + ids.incrementAndGet();
    Running mocks =
        new Running(
            id,
            snapshot,
            counts[1],
            address,
            MockEnvironment.of(address, ca()),
            kept == null ? null : kept.snapshotId());
    running.put(id, new Started(mocks, listener, passthrough, kept));
    return mocks;
  }

  /** Passthrough to the mocks' own port would send each miss round and round. */
  private static void refuseLoop(Passthrough passing, InetSocketAddress address) {
    if (passing.loopsTo(address)) {
      throw new ReplayException(
          ReplayException.Reason.INVALID,
          passing.to().toString(),
          "--passthrough-to " + passing.to() + " is the mocks themselves: misses would loop");
    }
  }

  /**
   * Stops mocks, then seals the snapshot keeping their passed-through calls, if any.
   *
   * @return false when none has that id
   * @throws RuntimeException the store's failure when the kept snapshot cannot be sealed (it keeps
   *     what was committed)
   */
  public boolean stop(String id) {
    Started started = running.remove(id);
    if (started == null) {
      return false;
    }
    started.listener().close();
    if (started.passthrough() != null) {
      started.passthrough().close();
    }
    if (started.kept() != null) {
      started.kept().seal();
    }
    return true;
  }

  /** The mocks running now, oldest first. */
  public List<Running> list() {
    return running.values().stream()
        .map(Started::running)
        .sorted(java.util.Comparator.comparingInt(r -> Integer.parseInt(r.id().substring(6))))
        .toList();
  }

  /**
   * Stops every mocks.
   *
   * @throws RuntimeException the first failure to seal a kept snapshot, after all are stopped
   */
  @Override
  public void close() {
    RuntimeException first = null;
    for (String id : List.copyOf(running.keySet())) {
      try {
        stop(id);
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
