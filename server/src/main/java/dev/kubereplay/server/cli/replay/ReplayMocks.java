package dev.kubereplay.server.cli.replay;

import dev.kubereplay.server.cli.CliException;
import dev.kubereplay.server.http.ListenAddress;
import dev.kubereplay.server.replay.MockService;
import dev.kubereplay.server.replay.ReplayException;
import dev.kubereplay.server.replay.match.Leniency;
import dev.kubereplay.server.replay.match.LeniencyFile;
import dev.kubereplay.server.replay.match.Matcher;
import dev.kubereplay.server.replay.responder.RecordingAnswers;
import dev.kubereplay.server.replay.responder.Timing;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.TrafficService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mocks a replay runs with ({@code replay --mocks}): the snapshot's outbound calls answered
 * while its inbound requests are sent, and what they answered and missed, for the report.
 */
class ReplayMocks implements AutoCloseable {

  /** No mocks: nothing answered, nothing missed. */
  static final ReplayMocks NONE = new ReplayMocks(null, null);

  /** What the mocks did during the run. */
  record Summary(boolean started, long answered, List<RecordingAnswers.Event> misses) {}

  /** Misses kept with their details; later ones are counted. */
  private static final int KEPT_MISSES = 100;

  private final MockService service;
  private final String id;
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong missed = new AtomicLong();
  private final List<RecordingAnswers.Event> misses = new ArrayList<>();

  private ReplayMocks(MockService service, String id) {
    this.service = service;
    this.id = id;
  }

  static ReplayMocks start(
      TrafficService traffic, Path dataDirectory, String snapshot, String listen, PrintWriter err) {
    MockService service = new MockService(traffic, dataDirectory);
    ReplayMocks[] mocks = new ReplayMocks[1];
    Leniency leniency =
        Files.isRegularFile(Path.of("kubereplay.json"))
            ? LeniencyFile.read(Path.of("kubereplay.json"), Leniency.DEFAULT)
            : Leniency.DEFAULT;
    MockService.Running running;
    try {
      running =
          service.start(
              snapshot,
              new MockService.Options(
                  parse(listen),
                  false,
                  Timing.NONE,
                  leniency,
                  ImportOptions.DEFAULT_MAX_BODY_BYTES),
              event -> mocks[0].heard(event));
    } catch (ReplayException e) {
      service.close();
      if (e.reason() == ReplayException.Reason.NOTHING_TO_REPLAY) {
        err.println("kubereplay: no mocks: " + e.getMessage());
        return NONE;
      }
      throw e;
    }
    mocks[0] = new ReplayMocks(service, running.id());
    String where = ListenAddress.format(running.address());
    err.println(
        "mocks for the build's outbound calls on "
            + where
            + " ("
            + running.calls()
            + " recorded); the build must run with eval \"$(kubereplay mock --print-env --listen "
            + where
            + ")\"");
    err.flush();
    return mocks[0];
  }

  private static java.net.InetSocketAddress parse(String listen) {
    try {
      return ListenAddress.parse(listen);
    } catch (RuntimeException e) {
      throw new CliException("--mocks-listen: " + e.getMessage());
    }
  }

  private void heard(RecordingAnswers.Event event) {
    if (event.outcome() instanceof Matcher.Hit) {
      answered.incrementAndGet();
      return;
    }
    missed.incrementAndGet();
    synchronized (misses) {
      if (misses.size() < KEPT_MISSES) {
        misses.add(event);
      }
    }
  }

  Summary summary() {
    synchronized (misses) {
      return new Summary(service != null, answered.get(), List.copyOf(misses));
    }
  }

  /** How many requests the mocks could not answer from the recording. */
  long missed() {
    return missed.get();
  }

  @Override
  public void close() {
    if (service != null) {
      service.stop(id);
      service.close();
    }
  }
}
