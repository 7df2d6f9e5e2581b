package dev.kubereplay.intellij.cluster.details;

import static dev.kubereplay.intellij.cluster.details.DetailsTable.Cell;
import static dev.kubereplay.intellij.cluster.details.DetailsTable.Column;

import dev.kubereplay.intellij.cluster.tree.Formats;
import dev.kubereplay.intellij.cluster.tree.NodeText;
import dev.kubereplay.intellij.cluster.tree.Tone;
import dev.kubereplay.protocol.cluster.ConfigEntryDto;
import dev.kubereplay.protocol.cluster.ConfigurationResponse;
import dev.kubereplay.protocol.cluster.EventDto;
import dev.kubereplay.protocol.cluster.ListEventsResponse;
import dev.kubereplay.protocol.cluster.ListReplaysResponse;
import dev.kubereplay.protocol.cluster.ListSecretsResponse;
import dev.kubereplay.protocol.cluster.ListServicesResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.PodProblemDto;
import dev.kubereplay.protocol.cluster.ReplayDto;
import dev.kubereplay.protocol.cluster.SecretDto;
import dev.kubereplay.protocol.cluster.ServiceDto;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The columns and rows of each view's table, one row per item in the server's order. */
final class ViewTables {

  static final List<Column> WORKLOAD_COLUMNS =
      List.of(
          Column.text("Kind"),
          Column.text("Name"),
          Column.number("Ready"),
          Column.text("Injected"),
          Column.text("TLS out"),
          Column.text("Sidecar health"),
          Column.number("CPU"),
          Column.number("Memory"),
          Column.number("Sidecar CPU"),
          Column.number("Sidecar memory"),
          Column.text("Problems"));

  private ViewTables() {}

  /** The table's columns and rows, or null for an answer of no known view. */
  static DetailsTable of(String title, Object answer) {
    if (answer instanceof ListWorkloadsResponse r) {
      return table(title, WORKLOAD_COLUMNS, r.workloads().stream().map(ViewTables::row).toList());
    }
    if (answer instanceof ListSecretsResponse r) {
      return table(
          title,
          List.of(Column.text("Name"), Column.text("Type"), Column.text("Keys")),
          r.secrets().stream().map(ViewTables::row).toList());
    }
    if (answer instanceof ListServicesResponse r) {
      return table(
          title,
          List.of(
              Column.text("Name"),
              Column.text("Type"),
              Column.text("Cluster IP"),
              Column.text("Ports"),
              Column.text("Selector"),
              Column.text("Workloads")),
          r.services().stream().map(ViewTables::row).toList());
    }
    if (answer instanceof ListEventsResponse r) {
      return table(
          title,
          List.of(
              Column.text("Type"),
              Column.text("Reason"),
              Column.text("Object"),
              Column.text("Message"),
              Column.number("Count"),
              Column.text("First seen"),
              Column.text("Last seen"),
              Column.text("Workload")),
          r.events().stream().map(ViewTables::row).toList());
    }
    if (answer instanceof ListReplaysResponse r) {
      return table(
          title,
          List.of(
              Column.text("Name"),
              Column.text("Phase"),
              Column.number("Progress"),
              Column.number("Success"),
              Column.text("Ready"),
              Column.text("Workload"),
              Column.text("Snapshot"),
              Column.text("Mode"),
              Column.text("Started"),
              Column.text("Finished"),
              Column.text("Message")),
          r.replays().stream().map(ViewTables::row).toList());
    }
    if (answer instanceof ConfigurationResponse r) {
      return table(
          title,
          List.of(
              Column.text("Key"),
              Column.text("Value"),
              Column.text("Override"),
              Column.text("Effective")),
          r.entries().stream().map(ViewTables::row).toList());
    }
    return null;
  }

  static List<Cell> row(WorkloadDto w) {
    Tone health = NodeText.healthTone(w);
    String healthText = w.sidecarHealth().name().toLowerCase(Locale.ROOT);
    String why = w.healthReasons().isEmpty() ? null : String.join("; ", w.healthReasons());
    // The reasons, counted; which pods and why in the tooltip.
    Map<String, Integer> reasons = new LinkedHashMap<>();
    List<String> explained = new ArrayList<>();
    for (PodProblemDto p : w.problems()) {
      reasons.merge(p.reason(), 1, Integer::sum);
      explained.add(
          p.pod()
              + (p.container() != null ? "/" + p.container() : "")
              + ": "
              + p.reason()
              + (p.message() != null ? ": " + p.message() : ""));
    }
    List<String> problems = new ArrayList<>();
    reasons.forEach((reason, count) -> problems.add(count > 1 ? reason + " ×" + count : reason));
    return List.of(
        Cell.of(w.kind()),
        Cell.of(w.name()),
        Cell.of(
            w.ready() + "/" + w.desired(), w.ready() < w.desired() ? Tone.CAUTION : Tone.NEUTRAL),
        Cell.of(w.injected() ? "yes" : "no"),
        Cell.of(w.tlsOut() ? "yes" : "no"),
        Cell.of(healthText, health, why),
        Cell.of(Formats.cpu(w.appRequests().cpuMillis())),
        Cell.of(Formats.memory(w.appRequests().memoryBytes())),
        Cell.of(Formats.cpu(w.sidecarRequests().cpuMillis())),
        Cell.of(Formats.memory(w.sidecarRequests().memoryBytes())),
        Cell.of(
            String.join(", ", problems),
            problems.isEmpty() ? Tone.NEUTRAL : Tone.ALERT,
            explained.isEmpty() ? null : String.join("\n", explained)));
  }

  static List<Cell> row(SecretDto s) {
    return List.of(Cell.of(s.name()), Cell.of(s.type()), Cell.of(String.join(", ", s.keys())));
  }

  static List<Cell> row(ServiceDto s) {
    return List.of(
        Cell.of(s.name()),
        Cell.of(s.type()),
        Cell.of(s.clusterIP()),
        Cell.of(Formats.ports(s.ports())),
        Cell.of(Formats.selector(s.selector())),
        Cell.of(Formats.workloads(s.workloads())));
  }

  static List<Cell> row(EventDto e) {
    Tone tone = "Warning".equalsIgnoreCase(e.type()) ? Tone.ALERT : Tone.NEUTRAL;
    return List.of(
        Cell.of(e.type(), tone),
        Cell.of(e.reason(), tone),
        Cell.of(e.objectKind() + "/" + e.objectName()),
        Cell.of(e.message()),
        Cell.of(Integer.toString(e.count())),
        Cell.of(Formats.time(e.firstSeen())),
        Cell.of(Formats.time(e.lastSeen())),
        Cell.of(e.workload() != null ? e.workload().kind() + "/" + e.workload().name() : ""));
  }

  static List<Cell> row(ReplayDto r) {
    return List.of(
        Cell.of(r.name()),
        Cell.of(r.phase(), NodeText.replayTone(r)),
        Cell.of(Formats.percent(r.progress())),
        Cell.of(Formats.percent(r.successRate())),
        Cell.of(r.ready() ? "yes" : "no", r.ready() ? Tone.OK : Tone.NEUTRAL),
        Cell.of(r.workload()),
        Cell.of(r.snapshotID()),
        Cell.of(r.mode()),
        Cell.of(Formats.time(r.startedTime())),
        Cell.of(Formats.time(r.finishedTime())),
        Cell.of(r.message()));
  }

  static List<Cell> row(ConfigEntryDto e) {
    return List.of(
        Cell.of(e.key()),
        Cell.of(e.value()),
        Cell.of(e.override(), e.override() != null ? Tone.CAUTION : Tone.NEUTRAL),
        Cell.of(e.effective()));
  }

  private static DetailsTable table(String title, List<Column> columns, List<List<Cell>> rows) {
    return new DetailsTable(title, columns, rows, -1, null, Tone.NEUTRAL, false);
  }
}
