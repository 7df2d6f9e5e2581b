package dev.kubereplay.server.cli.replay;

import dev.kubereplay.server.cli.CliException;
import dev.kubereplay.server.cli.Main;
import dev.kubereplay.server.http.ListenAddress;
import dev.kubereplay.server.listen.LoopbackRule;
import dev.kubereplay.server.replay.MockService;
import dev.kubereplay.server.replay.match.Leniency;
import dev.kubereplay.server.replay.match.LeniencyFile;
import dev.kubereplay.server.replay.responder.MockEnvironment;
import dev.kubereplay.server.replay.responder.Passthrough;
import dev.kubereplay.server.replay.responder.RecordingAnswers;
import dev.kubereplay.server.replay.responder.Timing;
import dev.kubereplay.server.replay.tls.LocalCa;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.model.Snapshot;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "mock",
    description = {
      "Answer a snapshot's outbound (OUT) calls from the recording, until Ctrl-C.",
      "One port, three ways in: as the upstream itself (point the app's base URL or a host alias"
          + " at it), as its HTTP proxy (HTTP_PROXY), and as its HTTPS proxy (HTTPS_PROXY; TLS"
          + " ends here with certificates from kubereplay's local CA, which --print-env makes the"
          + " app trust). A request that matches nothing is answered 599 with X-Kubereplay-Mock:"
          + " miss and the closest recorded calls, and logged the same way; with --passthrough it"
          + " goes on to the real upstream instead, and --keep-as keeps what came back."
    })
public final class MockCommand implements Callable<Integer> {

  private static final AtomicReference<CountDownLatch> RUNNING = new AtomicReference<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SNAPSHOT",
      description = "the snapshot (id, id prefix or name); not needed with --print-env")
  String snapshot;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description = "where the mocks listen (default 127.0.0.1:8099; port 0: any free port)")
  String listen = "127.0.0.1:8099";

  @Option(
      names = "--allow-remote-clients",
      description =
          "let --listen be beyond loopback; anyone who reaches the port can read the recorded"
              + " responses")
  boolean allowRemoteClients;

  @Option(
      names = "--print-env",
      description =
          "print the environment (proxy, CA trust for curl, Python, Node and the JVM) that sends a"
              + " program's calls through mocks on --listen, as shell exports, and exit:"
              + " eval \"$(kubereplay mock --print-env)\"")
  boolean printEnv;

  @Option(
      names = "--timing",
      paramLabel = "none|recorded|Nx",
      description = "answer at once (none, the default), as slowly as recorded, or N times faster")
  String timing = "none";

  @Option(
      names = "--ignore-query",
      paramLabel = "NAME",
      description = "leave a query parameter out of matching")
  List<String> ignoreQuery = new ArrayList<>();

  @Option(
      names = "--ignore-header",
      paramLabel = "NAME",
      description = "leave a header out of matching")
  List<String> ignoreHeaders = new ArrayList<>();

  @Option(
      names = "--ignore-json-path",
      paramLabel = "PATH",
      description = "leave a JSON path of request bodies out of matching, e.g. $.meta.sentAt")
  List<String> ignoreJsonPaths = new ArrayList<>();

  @Option(
      names = "--match-header",
      paramLabel = "NAME",
      description = "match on a header too (X-Amz-Target and SOAPAction are matched already)")
  List<String> matchHeaders = new ArrayList<>();

  @Option(
      names = "--passthrough",
      description =
          "send a call that matches nothing on to the real upstream (the host a proxy or CONNECT"
              + " call names) and answer with what comes back, marked X-Kubereplay-Mock:"
              + " passthrough")
  boolean passthrough;

  @Option(
      names = "--passthrough-to",
      paramLabel = "URL",
      description =
          "with --passthrough: where calls that came to the mocks as their upstream go"
              + " (http[s]://host[:port][/base]); without it those stay misses")
  String passthroughTo;

  @Option(
      names = "--keep-as",
      paramLabel = "NAME",
      description =
          "with --passthrough: keep the passed-through calls, redacted, as the outbound calls of"
              + " a new snapshot NAME, sealed when the mocks stop")
  String keepAs;

  @Option(
      names = "--settings",
      paramLabel = "FILE",
      description =
          "the workspace settings with a mocks section (default: ./kubereplay.json if there)")
  Path settings;

  /** Stops the mocks this JVM runs, as Ctrl-C does; for tests that run the CLI in-process. */
  public static void interrupt() {
    CountDownLatch running = RUNNING.get();
    if (running != null) {
      running.countDown();
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InetSocketAddress address = parseListen();
    if (printEnv) {
      LocalCa ca = LocalCa.loadOrCreate(main.environment().dataDirectory());
      out.print(MockEnvironment.asShell(MockEnvironment.of(address, ca)));
      out.flush();
      return 0;
    }
    if (snapshot == null) {
      throw new CliException(
          "name the snapshot whose outbound calls to answer (or use --print-env)");
    }
    Timing answerTiming;
    try {
      answerTiming = Timing.parse(timing);
    } catch (IllegalArgumentException e) {
      throw new CliException("--timing: " + e.getMessage());
    }
    Leniency leniency = leniency();
    Passthrough passing = passthrough();
    TrafficService traffic = TrafficService.open(main.environment().dataDirectory());
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    String kept = null;
    try (MockService service = new MockService(traffic, main.environment().dataDirectory())) {
      MockService.Running mocks =
          service.start(
              snapshot,
              new MockService.Options(
                  address,
                  allowRemoteClients,
                  answerTiming,
                  leniency,
                  ImportOptions.DEFAULT_MAX_BODY_BYTES,
                  passing),
              event -> log(out, event));
      kept = mocks.keptSnapshotId();
      RUNNING.set(stop);
      Thread onSignal =
          new Thread(
              () -> {
                stop.countDown();
                try {
                  if (finished.await(30, TimeUnit.SECONDS)) {
                    Runtime.getRuntime().halt(0);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "kubereplay-mock-stop");
      Runtime.getRuntime().addShutdownHook(onSignal);
      String exposed = LoopbackRule.warning(mocks.address(), MockService.LISTENER);
      if (exposed != null) {
        err.println(exposed);
      }
      String where = ListenAddress.format(mocks.address());
      err.println(
          "mocks for snapshot "
              + mocks.snapshot().id()
              + " \""
              + mocks.snapshot().name()
              + "\" ("
              + mocks.calls()
              + (mocks.calls() == 1 ? " recorded call) on " : " recorded calls) on ")
              + where
              + "; Ctrl-C stops them");
      if (passing.enabled()) {
        err.println(
            "misses go on to the real upstream"
                + (kept == null
                    ? ""
                    : " and are kept in snapshot " + kept + " \"" + passing.keepAs() + "\""));
      }
      err.println(
          "send an app's calls here: eval \"$(kubereplay mock --print-env --listen "
              + where
              + ")\"");
      err.flush();
      awaitQuietly(stop);
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it ends the JVM once the mocks are stopped
      }
    } finally {
      RUNNING.compareAndSet(stop, null);
      if (kept != null) {
        reportKept(traffic, kept, err);
      }
      out.flush();
      err.flush();
      finished.countDown();
    }
    return 0;
  }

  private Passthrough passthrough() {
    URI to = null;
    if (passthroughTo != null) {
      try {
        to = new URI(passthroughTo.strip());
      } catch (URISyntaxException e) {
        throw new CliException("--passthrough-to: not a URL: " + e.getMessage());
      }
    }
    try {
      return new Passthrough(passthrough, to, keepAs);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  private static void reportKept(TrafficService traffic, String kept, PrintWriter err) {
    try {
      Snapshot snapshot = traffic.snapshot(kept);
      err.println(
          "kept "
              + snapshot.outCount()
              + " passed-through calls in snapshot "
              + snapshot.id()
              + " \""
              + snapshot.name()
              + "\"");
    } catch (RuntimeException e) {
      err.println(
          "the passed-through calls of snapshot "
              + kept
              + " could not be read back: "
              + e.getMessage());
    }
  }

  private InetSocketAddress parseListen() {
    try {
      return ListenAddress.parse(listen);
    } catch (RuntimeException e) {
      throw new CliException("--listen: " + e.getMessage());
    }
  }

  private Leniency leniency() {
    Leniency base = Leniency.DEFAULT;
    Path file = settings;
    if (file == null && Files.isRegularFile(Path.of("kubereplay.json"))) {
      file = Path.of("kubereplay.json");
    }
    if (file != null) {
      base = LeniencyFile.read(file, base);
    }
    return LeniencyFile.plus(base, ignoreQuery, ignoreHeaders, ignoreJsonPaths, matchHeaders);
  }

  /** One line per request, as it is answered. */
  private static void log(PrintWriter out, RecordingAnswers.Event event) {
    String line = MockLog.line(event);
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
