package dev.kubereplay.server.replay;

import dev.kubereplay.server.listen.LoopbackRule;
import dev.kubereplay.server.replay.match.Leniency;
import dev.kubereplay.server.replay.match.Matcher;
import dev.kubereplay.server.replay.responder.MockEnvironment;
import dev.kubereplay.server.replay.responder.MockListener;
import dev.kubereplay.server.replay.responder.RecordingAnswers;
import dev.kubereplay.server.replay.responder.Timing;
import dev.kubereplay.server.replay.tls.HostCertificates;
import dev.kubereplay.server.replay.tls.LocalCa;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Snapshot;
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
   * @param maxBodyBytes the longest request body read
   */
  public record Options(
      InetSocketAddress listen,
      boolean remoteClientsAllowed,
      Timing timing,
      Leniency leniency,
      long maxBodyBytes) {}

  /** Mocks that are running. */
  public record Running(
      String id,
      Snapshot snapshot,
      int calls,
      InetSocketAddress address,
      Map<String, String> environment) {}

  private record Started(Running running, MockListener listener) {}

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
   * @throws ReplayException when the snapshot has no outbound calls with a response, or the address
   *     is taken
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
    MockListener listener =
        new MockListener(
            options.listen(),
            options.maxBodyBytes(),
            new HostCertificates(ca(), "localhost"),
            new RecordingAnswers(
                calls.build(id -> traffic.recordedPairs().pair(snapshot.id(), id).pair()),
                options.timing(),
                log));
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
    String id = "mocks-" + ids.incrementAndGet();
    Running mocks =
        new Running(id, snapshot, counts[1], address, MockEnvironment.of(address, ca()));
    running.put(id, new Started(mocks, listener));
    return mocks;
  }

  /** Stops mocks; false when none has that id. */
  public boolean stop(String id) {
    Started started = running.remove(id);
    if (started == null) {
      return false;
    }
    started.listener().close();
    return true;
  }

  /** The mocks running now, oldest first. */
  public List<Running> list() {
    return running.values().stream()
        .map(Started::running)
        .sorted(java.util.Comparator.comparingInt(r -> Integer.parseInt(r.id().substring(6))))
        .toList();
  }

  /** Stops every mocks. */
  @Override
  public void close() {
    List.copyOf(running.keySet()).forEach(this::stop);
  }
}
