package dev.kubereplay.server.cli.traffic;

import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.server.cli.Main;
import dev.kubereplay.server.cli.OutputFormat;
import dev.kubereplay.server.http.ListenAddress;
import dev.kubereplay.server.listen.LoopbackRule;
import dev.kubereplay.server.rpc.TrafficDtos;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.record.Recording;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "record",
    description = {
      "Record HTTP traffic on the desktop into a new snapshot, until Ctrl-C.",
      "Reverse proxy (default): point clients at --listen; each request goes to --upstream and is"
          + " recorded as an IN pair (replayed as a test).",
      "Forward proxy (--forward): set HTTP_PROXY of a local app to --listen; what it sends to its"
          + " dependencies is recorded as OUT pairs (served as mocks).",
      "Credentials are redacted before anything is stored. The snapshot is saved as it grows"
          + " (at least every second) and listed as recording until Ctrl-C completes it; if"
          + " kubereplay is killed it stays, marked interrupted, with what was saved."
    })
public final class RecordCommand implements java.util.concurrent.Callable<Integer> {

  private static final long LIVE_INTERVAL_NANOS = 250_000_000L;

  /** The recording this JVM runs, for {@link #interrupt()}. */
  private static final AtomicReference<CountDownLatch> RUNNING = new AtomicReference<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Option(
      names = "--listen",
      required = true,
      paramLabel = "HOST:PORT",
      description =
          "where the proxy listens, e.g. 127.0.0.1:8081 (port 0: any free port); a loopback"
              + " address unless --allow-remote-clients")
  String listen;

  @Option(
      names = "--allow-remote-clients",
      description =
          "let --listen be beyond loopback (e.g. 0.0.0.0:8081), so other machines can use the"
              + " proxy. Anyone who reaches it can send requests through it (a forward proxy: to"
              + " every host this machine can reach) and have them recorded")
  boolean allowRemoteClients;

  @Option(
      names = "--upstream",
      paramLabel = "URL",
      description = "the service behind the reverse proxy, e.g. http://127.0.0.1:8080")
  String upstream;

  @Option(
      names = "--forward",
      description = "a forward proxy (HTTP_PROXY): records the app's dependencies as OUT pairs")
  boolean forward;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "the snapshot's name (default: recording of the upstream)")
  String name;

  @Option(
      names = "--redact-key",
      paramLabel = "KEY",
      description =
          "another JSON key or query parameter to redact (besides redaction.json in the data"
              + " directory); repeatable")
  List<String> redactKeys = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table (default) or json (the snapshot, as traffic/stopRecording has it)")
  OutputFormat output;

  /** Stops the running recording as Ctrl-C does (for tests and embedding); false when none. */
  public static boolean interrupt() {
    CountDownLatch stop = RUNNING.get();
    if (stop == null) {
      return false;
    }
    stop.countDown();
    return true;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TrafficService service = TrafficCli.open(main);
    boolean live = ProgressBar.stderrIsTerminal();
    AtomicLong lastDrawn = new AtomicLong();
    Recording.Listener listener =
        (pairs, lastRequest) -> {
          long now = System.nanoTime();
          long before = lastDrawn.get();
          if (live && now - before >= LIVE_INTERVAL_NANOS && lastDrawn.compareAndSet(before, now)) {
            synchronized (err) {
              err.print("\rrecorded " + pairs + " pairs  (last: " + lastRequest + ")\u001b[K");
              err.flush();
            }
          }
        };
    Recording recording =
        service.record(
            "cli", listen, upstream, forward, name, redactKeys, listener, allowRemoteClients);
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicBoolean bySignal = new AtomicBoolean();
    AtomicInteger exitCode = new AtomicInteger(1);
    RUNNING.set(stop);
    // SIGINT/SIGTERM: stop and seal on the main thread, then end with its exit code (0 when
    // sealed).
    Thread onSignal =
        new Thread(
            () -> {
              bySignal.set(true);
              stop.countDown();
              try {
                if (finished.await(60, TimeUnit.SECONDS)) {
                  Runtime.getRuntime().halt(exitCode.get());
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "kubereplay-record-stop");
    Runtime.getRuntime().addShutdownHook(onSignal);
    String exposed = LoopbackRule.warning(recording.address(), recording.options().listener());
    if (exposed != null) {
      err.println(exposed);
    }
    err.println(
        "recording "
            + (forward ? "(forward proxy) " : "to " + upstream + " ")
            + "on "
            + ListenAddress.format(recording.address())
            + "; Ctrl-C stops and completes snapshot "
            + recording.snapshotId());
    err.flush();
    SnapshotDto snapshot;
    try {
      awaitQuietly(stop);
      snapshot = TrafficDtos.snapshot(recording.stop());
      if (live) {
        err.print("\r\u001b[K");
        err.flush();
      }
      if (output == OutputFormat.json) {
        TrafficCli.printJson(out, snapshot);
      } else {
        out.printf(
            Locale.ROOT,
            "recorded %d pairs (%d in, %d out) into snapshot %s%n",
            snapshot.inCount() + snapshot.outCount(),
            snapshot.inCount(),
            snapshot.outCount(),
            TrafficCli.describe(snapshot));
        out.flush();
      }
      exitCode.set(0);
    } catch (RuntimeException e) {
      recording.discard();
      if (bySignal.get()) {
        err.println("kubereplay: " + e.getMessage()); // the JVM halts before Main could say it
      }
      throw e;
    } finally {
      RUNNING.compareAndSet(stop, null);
      if (!bySignal.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: it ends the JVM once we are done
        }
      }
      out.flush();
      err.flush();
      finished.countDown();
    }
    return 0;
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
