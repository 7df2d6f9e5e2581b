package dev.kubereplay.server.cli.replay;

import dev.kubereplay.protocol.jsonrpc.ProtocolGson;
import dev.kubereplay.server.cli.Table;
import dev.kubereplay.server.replay.ReplayService;
import dev.kubereplay.server.replay.compare.Mismatch;
import dev.kubereplay.server.replay.generator.Outcome;
import dev.kubereplay.server.replay.report.Goal;
import dev.kubereplay.server.replay.report.RunReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A finished replay as the CLI prints it: a table for people, JSON for scripts. */
final class ReplayOutput {

  private static final int FAILURES_SHOWN = 20;

  private final ReplayService.Run run;
  private final RunReport report;
  private final List<RunReport.GoalResult> goals;
  private final boolean stoppedEarly;

  private final ReplayMocks.Summary mocks;
  private final long mockMisses;

  ReplayOutput(
      ReplayService.Run run,
      List<Goal> goals,
      boolean stoppedEarly,
      ReplayMocks.Summary mocks,
      long mockMisses) {
    this.run = run;
    this.report = run.report();
    this.goals = report.check(goals);
    this.stoppedEarly = stoppedEarly;
    this.mocks = mocks;
    this.mockMisses = mockMisses;
  }

  /**
   * With goals, they decide; without, every request must pass and the mocks (with {@code --mocks})
   * must have answered every outbound call. A stopped run never passes.
   */
  boolean passed() {
    if (stoppedEarly || report.total() == 0) {
      return false;
    }
    if (goals.isEmpty()) {
      // the build called something the recording never saw: the run cannot vouch for it
      return report.failed() == 0 && mockMisses == 0;
    }
    return goals.stream().allMatch(RunReport.GoalResult::met);
  }

  void printTable(PrintWriter out) {
    Table endpoints =
        new Table("ENDPOINT", "COUNT", "PASSED", "FAILED", "P50", "P90", "P95", "P99", "MAX");
    for (RunReport.EndpointStats e : report.endpoints()) {
      endpoints.row(
          e.endpoint(),
          Long.toString(e.count()),
          Long.toString(e.passed()),
          Long.toString(e.count() - e.passed()),
          ms(e.p50()),
          ms(e.p90()),
          ms(e.p95()),
          ms(e.p99()),
          ms(e.max()));
    }
    endpoints.print(out);
    List<Outcome> failures = report.failures();
    if (!failures.isEmpty()) {
      out.println();
      out.println(
          "FAILURES ("
              + Math.min(FAILURES_SHOWN, failures.size())
              + " of "
              + report.failed()
              + ")");
      for (Outcome failure : failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))) {
        out.println(
            "  " + failure.endpoint() + "  " + failure.url() + "  pair " + failure.pairId());
        if (failure.error() != null) {
          out.println("    " + failure.error().name().toLowerCase(Locale.ROOT) + ": no response");
        }
        for (Mismatch mismatch : failure.mismatches()) {
          out.println("    " + mismatch.describe());
        }
      }
    }
    if (!report.errors().isEmpty()) {
      out.println();
      out.println("ERRORS");
      report
          .errors()
          .forEach(
              (kind, count) ->
                  out.println("  " + kind.name().toLowerCase(Locale.ROOT) + ": " + count));
    }
    if (mocks.started()) {
      out.println();
      out.println(
          "MOCKS: " + mocks.answered() + " outbound calls answered, " + mockMisses + " missed");
      for (var miss : mocks.misses().subList(0, Math.min(FAILURES_SHOWN, mocks.misses().size()))) {
        out.println("  " + MockLog.line(miss));
      }
    }
    if (!goals.isEmpty()) {
      out.println();
      out.println("GOALS");
      for (RunReport.GoalResult goal : goals) {
        out.println(
            "  "
                + (goal.met() ? "PASS" : "FAIL")
                + "  "
                + goal.goal().text()
                + "  ("
                + actual(goal)
                + ")");
      }
    }
    out.println();
    out.println(
        (passed() ? "PASSED" : "FAILED")
            + (stoppedEarly ? " (stopped before the end)" : "")
            + ": "
            + report.passed()
            + " passed, "
            + report.failed()
            + " failed"
            + String.format(Locale.ROOT, " (%.1f %% success)", report.successPercent()));
  }

  void printJson(PrintWriter out) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("snapshot", run.snapshot().id());
    json.put("passed", passed());
    json.put("complete", !stoppedEarly);
    json.put("requests", report.total());
    json.put("passedRequests", report.passed());
    json.put("failedRequests", report.failed());
    json.put("successPercent", report.successPercent());
    json.put("endpoints", report.endpoints());
    json.put("errors", report.errors());
    json.put("failures", report.failures());
    if (mocks.started()) {
      json.put(
          "mocks",
          Map.of(
              "answered",
              mocks.answered(),
              "missed",
              mockMisses,
              "misses",
              mocks.misses().stream().map(MockLog::line).toList()));
    }
    json.put(
        "goals",
        goals.stream()
            .map(g -> Map.of("goal", g.goal().text(), "actual", g.actual(), "met", g.met()))
            .toList());
    out.println(ProtocolGson.create().newBuilder().setPrettyPrinting().create().toJson(json));
  }

  private static String actual(RunReport.GoalResult goal) {
    return switch (goal.goal().metric()) {
      case "success" -> String.format(Locale.ROOT, "%.1f %%", goal.actual());
      case "errors" -> String.format(Locale.ROOT, "%.0f", goal.actual());
      default -> ms(goal.actual());
    };
  }

  private static String ms(double millis) {
    return millis >= 100
        ? String.format(Locale.ROOT, "%.0f ms", millis)
        : String.format(Locale.ROOT, "%.1f ms", millis);
  }
}
