package dev.kubereplay.server.replay;

import dev.kubereplay.server.replay.generator.Generator;
import dev.kubereplay.server.replay.generator.ReplayPlan;
import dev.kubereplay.server.replay.report.RunReport;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.model.StoredPair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Local replays: a snapshot's inbound requests sent at a target and judged into a report. */
public final class ReplayService {

  /** A run under way: its report grows as requests end; {@link #stop()} ends it early. */
  public static final class Run {
    private final Snapshot snapshot;
    private final Generator generator;
    private final RunReport report;
    private final int requests;

    Run(Snapshot snapshot, Generator generator, RunReport report, int requests) {
      this.snapshot = snapshot;
      this.generator = generator;
      this.report = report;
      this.requests = requests;
    }

    public Snapshot snapshot() {
      return snapshot;
    }

    public RunReport report() {
      return report;
    }

    /** How many distinct recorded requests it sends. */
    public int requests() {
      return requests;
    }

    /** Sends until done or stopped; returns whether it was stopped before the end. */
    public boolean run() throws InterruptedException {
      generator.run();
      return generator.stoppedEarly();
    }

    public void stop() {
      generator.stop();
    }
  }

  private final TrafficService traffic;

  public ReplayService(TrafficService traffic) {
    this.traffic = traffic;
  }

  /**
   * Prepares a run of a snapshot's inbound requests.
   *
   * @param listener hears of every request as it ends, after the report has it
   * @throws ReplayException when the snapshot has no inbound requests to send
   */
  public Run prepare(
      String snapshotReference,
      ReplayPlan plan,
      Consumer<dev.kubereplay.server.replay.generator.Outcome> listener) {
    Snapshot snapshot = traffic.resolve(snapshotReference);
    List<StoredPair> inbound = new ArrayList<>();
    traffic.recordedPairs().forEach(snapshot.id(), Direction.IN, inbound::add);
    if (inbound.isEmpty()) {
      throw new ReplayException(
          ReplayException.Reason.NOTHING_TO_REPLAY,
          snapshot.id(),
          "snapshot '"
              + snapshot.name()
              + "' has no inbound requests to send; mark the hosts it serves as inbound"
              + " (snapshot reclassify "
              + snapshot.id()
              + " --host HOST --direction in)");
    }
    RunReport report = new RunReport();
    Generator generator =
        new Generator(
            plan,
            inbound,
            outcome -> {
              report.add(outcome);
              listener.accept(outcome);
            });
    return new Run(snapshot, generator, report, inbound.size());
  }
}
