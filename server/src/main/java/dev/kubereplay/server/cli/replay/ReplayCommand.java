package dev.kubereplay.server.cli.replay;

import dev.kubereplay.server.cli.CliException;
import dev.kubereplay.server.cli.Durations;
import dev.kubereplay.server.cli.Main;
import dev.kubereplay.server.cli.OutputFormat;
import dev.kubereplay.server.replay.ReplayService;
import dev.kubereplay.server.replay.compare.ResponseComparison;
import dev.kubereplay.server.replay.generator.HeaderRule;
import dev.kubereplay.server.replay.generator.ReplayPlan;
import dev.kubereplay.server.replay.report.Goal;
import dev.kubereplay.server.replay.responder.Timing;
import dev.kubereplay.server.traffic.TrafficService;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "replay",
    description = {
      "Send a snapshot's inbound (IN) requests at a build and compare each response with the"
          + " recorded one, leaving out what varies by nature (timestamps, ids, durations).",
      "Prints per endpoint the count and latency percentiles, every failing request with what"
          + " differed, and the goals. Exit code 0 when the goals are met (without goals: when"
          + " every request passed), 1 otherwise."
    })
public final class ReplayCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Parameters(
      index = "0",
      paramLabel = "SNAPSHOT",
      description = "the snapshot (id, id prefix or name)")
  String snapshot;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "URL",
      description = "the build to send to, e.g. http://127.0.0.1:8080")
  String target;

  @Option(
      names = "--vus",
      paramLabel = "N",
      description = "virtual users: requests in flight at once (default 1)")
  int virtualUsers = 1;

  @Option(
      names = "--rate",
      paramLabel = "R",
      description = "at most R requests started per second (default: no limit)")
  double rate;

  @Option(
      names = "--for",
      paramLabel = "DURATION",
      description = "send for this long, cycling through the requests (e.g. 30s, 5m)")
  String duration;

  @Option(
      names = "--times",
      paramLabel = "N",
      description = "send every request N times (default 1)")
  int times = 1;

  @Option(
      names = "--timing",
      paramLabel = "none|recorded|Nx",
      description = "as fast as allowed (none, the default), spaced as recorded, or N times faster")
  String timing = "none";

  @Option(
      names = "--header",
      paramLabel = "NAME=VALUE",
      description =
          "set a header on every request; ${VAR} reads the environment (e.g. 'Authorization=Bearer ${API_TOKEN}')")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--goal",
      paramLabel = "GOAL",
      description = "a goal the run must meet: p50|p90|p95|p99|max<300ms, success>=99%, errors==0")
  List<String> goals = new ArrayList<>();

  @Option(
      names = "--ignore-json-path",
      paramLabel = "PATH",
      description =
          "leave a JSON path of responses out of comparison, e.g. $.meta or $.items[*].price")
  List<String> ignoreJsonPaths = new ArrayList<>();

  @Option(
      names = "--compare-header",
      paramLabel = "NAME",
      description = "compare a response header too (Content-Type's media type is compared already)")
  List<String> compareHeaders = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "how long one request may take (default 30s)")
  String timeout = "30s";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default) or json")
  OutputFormat output = OutputFormat.table;

  @Option(
      names = "--mocks",
      description =
          "answer the build's outbound calls from the same snapshot while the replay runs: mocks"
              + " on --mocks-listen, whose environment the build must be started with; their misses"
              + " are reported and fail the run")
  boolean mocks;

  @Option(
      names = "--mocks-listen",
      paramLabel = "HOST:PORT",
      description = "where the mocks listen with --mocks (default 127.0.0.1:8099)")
  String mocksListen = "127.0.0.1:8099";

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReplayPlan plan = plan();
    List<Goal> parsedGoals = new ArrayList<>();
    for (String goal : goals) {
      try {
        parsedGoals.add(Goal.parse(goal));
      } catch (IllegalArgumentException e) {
        throw new CliException("--goal: " + e.getMessage());
      }
    }
    TrafficService traffic = TrafficService.open(main.environment().dataDirectory());
    try (ReplayMocks replayMocks =
        mocks
            ? ReplayMocks.start(
                traffic, main.environment().dataDirectory(), snapshot, mocksListen, err)
            : ReplayMocks.NONE) {
      return replay(traffic, plan, parsedGoals, replayMocks, out, err);
    }
  }

  private int replay(
      TrafficService traffic,
      ReplayPlan plan,
      List<Goal> parsedGoals,
      ReplayMocks replayMocks,
      PrintWriter out,
      PrintWriter err)
      throws InterruptedException {
    AtomicLong done = new AtomicLong();
    ReplayProgress progress = ReplayProgress.forStderr(err);
    ReplayService.Run run =
        new ReplayService(traffic)
            .prepare(snapshot, plan, outcome -> progress.update(done.incrementAndGet()));
    progress.start(run.report());
    err.println(
        "replaying "
            + run.requests()
            + " requests of snapshot "
            + run.snapshot().id()
            + " \""
            + run.snapshot().name()
            + "\" at "
            + plan.target()
            + " ("
            + plan.virtualUsers()
            + (plan.virtualUsers() == 1 ? " user, " : " users, ")
            + (plan.duration() != null
                ? "for " + duration
                : plan.times() == 1 ? "once" : plan.times() + " times")
            + ")");
    err.flush();
    Thread onSignal = new Thread(run::stop, "kubereplay-replay-stop");
    Runtime.getRuntime().addShutdownHook(onSignal);
    boolean stoppedEarly;
    try {
      stoppedEarly = run.run();
    } finally {
      progress.finish();
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // stopped by a signal: the report below is what there is
      }
    }
    replayMocks.close();
    ReplayOutput report =
        new ReplayOutput(
            run, parsedGoals, stoppedEarly, replayMocks.summary(), replayMocks.missed());
    if (output == OutputFormat.json) {
      report.printJson(out);
    } else {
      report.printTable(out);
    }
    out.flush();
    return report.passed() ? 0 : 1;
  }

  private ReplayPlan plan() {
    URI uri;
    try {
      uri = URI.create(target);
    } catch (IllegalArgumentException e) {
      throw new CliException("--target '" + target + "' is not a URL");
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new CliException(
          "--target '" + target + "' is not an http:// or https:// URL with a host");
    }
    Timing pacing;
    try {
      pacing = Timing.parse(timing);
    } catch (IllegalArgumentException e) {
      throw new CliException("--timing: " + e.getMessage());
    }
    List<HeaderRule> rules = new ArrayList<>();
    for (String header : headers) {
      try {
        rules.add(HeaderRule.parse(header, main.environment().variables()));
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage());
      }
    }
    Set<String> compared = new HashSet<>(ResponseComparison.Options.DEFAULT.comparedHeaders());
    compared.addAll(compareHeaders);
    Duration forDuration = duration == null ? null : Durations.parse(duration);
    try {
      return new ReplayPlan(
          uri,
          virtualUsers,
          rate,
          forDuration,
          times,
          pacing,
          rules,
          Durations.parse(timeout),
          new ResponseComparison.Options(compared, Set.copyOf(ignoreJsonPaths), true));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }
}
