package dev.kubereplay.intellij.cluster.tree;

import static dev.kubereplay.intellij.cluster.tree.Formats.escape;

import dev.kubereplay.protocol.cluster.ConfigEntryDto;
import dev.kubereplay.protocol.cluster.EventDto;
import dev.kubereplay.protocol.cluster.HealthLevel;
import dev.kubereplay.protocol.cluster.PodProblemDto;
import dev.kubereplay.protocol.cluster.ReplayDto;
import dev.kubereplay.protocol.cluster.SecretDto;
import dev.kubereplay.protocol.cluster.ServiceDto;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How the item rows look: workloads, secrets, services, events, replays, configuration keys. */
final class ItemText {

  private ItemText() {}

  static Presentation of(ClusterNode.Item item) {
    Presentation look;
    if (item instanceof ClusterNode.Workload w) {
      look = workload(w.workload());
    } else if (item instanceof ClusterNode.Secret s) {
      look = secret(s.secret());
    } else if (item instanceof ClusterNode.Service s) {
      look = service(s.service());
    } else if (item instanceof ClusterNode.Event e) {
      look = event(e.event());
    } else if (item instanceof ClusterNode.Replay r) {
      look = replay(r.replay());
    } else {
      look = config(((ClusterNode.ConfigEntry) item).entry());
    }
    return look.withStale(item.stale());
  }

  /** "2/2 · injected · TLS out", then the kind when it is not a Deployment, then pod problems. */
  static String workloadDetail(WorkloadDto w) {
    List<String> parts = new ArrayList<>();
    parts.add(w.ready() + "/" + w.desired());
    if (w.injected()) {
      parts.add("injected");
    }
    if (w.tlsOut()) {
      parts.add("TLS out");
    }
    if (!"Deployment".equals(w.kind())) {
      parts.add(w.kind());
    }
    Set<String> reasons = new LinkedHashSet<>();
    w.problems().forEach(p -> reasons.add(p.reason()));
    parts.addAll(reasons);
    return String.join(" · ", parts);
  }

  static Presentation workload(WorkloadDto w) {
    return Presentation.of(w.name(), workloadDetail(w), Mark.WORKLOAD, NodeText.healthTone(w))
        .withAlertText(w.sidecarHealth() == HealthLevel.ALERT)
        .withTooltip(workloadTooltip(w));
  }

  static String workloadTooltip(WorkloadDto w) {
    StringBuilder html =
        new StringBuilder("<html><b>")
            .append(escape(w.kind()))
            .append(' ')
            .append(escape(w.name()))
            .append("</b> in ")
            .append(escape(w.namespace()))
            .append("<br>Ready ")
            .append(w.ready())
            .append('/')
            .append(w.desired())
            .append(" · sidecar injection ")
            .append(w.injected() ? "on" : "off")
            .append(" · TLS out ")
            .append(w.tlsOut() ? "on" : "off")
            .append("<br>Sidecar health: ")
            .append(NodeText.health(w));
    if (!w.healthReasons().isEmpty()) {
      html.append("<ul>");
      w.healthReasons().forEach(r -> html.append("<li>").append(escape(r)).append("</li>"));
      html.append("</ul>");
    }
    if (!w.problems().isEmpty()) {
      html.append(w.healthReasons().isEmpty() ? "<br>" : "").append("Problems:<ul>");
      for (PodProblemDto p : w.problems()) {
        html.append("<li>").append(escape(problem(p))).append("</li>");
      }
      html.append("</ul>");
    }
    html.append(w.problems().isEmpty() && w.healthReasons().isEmpty() ? "<br>" : "")
        .append("Requests: app ")
        .append(Formats.cpu(w.appRequests().cpuMillis()))
        .append(" CPU, ")
        .append(Formats.memory(w.appRequests().memoryBytes()))
        .append(" · sidecar ")
        .append(Formats.cpu(w.sidecarRequests().cpuMillis()))
        .append(" CPU, ")
        .append(Formats.memory(w.sidecarRequests().memoryBytes()));
    return html.append("</html>").toString();
  }

  /** "api-7d9f-x2k/api: CrashLoopBackOff: back-off 5m0s restarting failed container" */
  static String problem(PodProblemDto p) {
    String where = p.container() != null ? p.pod() + "/" + p.container() : p.pod();
    return where
        + ": "
        + p.reason()
        + (p.message() != null && !p.message().isBlank() ? ": " + p.message() : "");
  }

  static Presentation secret(SecretDto s) {
    String detail = s.type() + " · " + Formats.plural(s.keys().size(), "key", "keys");
    String keys = s.keys().isEmpty() ? "no keys" : "Keys: " + escape(String.join(", ", s.keys()));
    return Presentation.of(s.name(), detail, Mark.KEY, Tone.NEUTRAL)
        .withTooltip(
            "<html><b>"
                + escape(s.name())
                + "</b> ("
                + escape(s.type())
                + ")<br>"
                + keys
                + "<br>Values never leave the kubereplay server.</html>");
  }

  static Presentation service(ServiceDto s) {
    List<String> parts = new ArrayList<>();
    parts.add(s.type() + (s.clusterIP() != null ? " " + s.clusterIP() : ""));
    if (!s.ports().isEmpty()) {
      parts.add(Formats.ports(s.ports()));
    }
    if (!s.workloads().isEmpty()) {
      parts.add("→ " + Formats.workloads(s.workloads()));
    }
    return Presentation.of(s.name(), String.join(" · ", parts), Mark.SERVICE, Tone.INFO)
        .withTooltip(
            "<html><b>"
                + escape(s.name())
                + "</b><br>Selector: "
                + escape(s.selector().isEmpty() ? "none" : Formats.selector(s.selector()))
                + "<br>Selects: "
                + escape(s.workloads().isEmpty() ? "no workload" : Formats.workloads(s.workloads()))
                + "</html>");
  }

  static Presentation event(EventDto e) {
    boolean warning = NodeText.warning(e);
    String detail =
        e.objectKind()
            + "/"
            + e.objectName()
            + " · "
            + NodeText.oneLine(e.message())
            + (e.count() > 1 ? " (×" + e.count() + ")" : "");
    return Presentation.of(e.reason(), detail, Mark.TRIANGLE, warning ? Tone.ALERT : Tone.INFO)
        .withAlertText(warning)
        .withTooltip(
            "<html><b>"
                + escape(e.type() + " " + e.reason())
                + "</b> on "
                + escape(e.objectKind() + " " + e.objectName())
                + (e.workload() != null
                    ? " of " + escape(e.workload().kind() + " " + e.workload().name())
                    : "")
                + "<br>"
                + escape(e.message())
                + "<br>"
                + e.count()
                + (e.count() == 1 ? " time" : " times")
                + (e.firstSeen() != null ? ", first " + Formats.time(e.firstSeen()) : "")
                + (e.lastSeen() != null ? ", last " + Formats.time(e.lastSeen()) : "")
                + "</html>");
  }

  static Presentation replay(ReplayDto r) {
    List<String> parts = new ArrayList<>();
    parts.add(r.phase() != null ? r.phase() : "no phase yet");
    if (r.progress() != null) {
      parts.add(Formats.percent(r.progress()));
    }
    if (r.successRate() != null) {
      parts.add(Formats.percent(r.successRate()) + " ok");
    }
    if (r.workload() != null) {
      parts.add(r.workload());
    }
    return Presentation.of(r.name(), String.join(" · ", parts), Mark.REPLAY, NodeText.replayTone(r))
        .withAlertText(NodeText.replayTone(r) == Tone.ALERT)
        .withTooltip(
            "<html><b>TrafficReplay "
                + escape(r.name())
                + "</b><br>Snapshot: "
                + escape(r.snapshotID() != null ? r.snapshotID() : "none")
                + " · mode: "
                + escape(r.mode() != null ? r.mode() : "default")
                + (r.startedTime() != null ? "<br>Started " + Formats.time(r.startedTime()) : "")
                + (r.finishedTime() != null ? "<br>Finished " + Formats.time(r.finishedTime()) : "")
                + (r.message() != null ? "<br>" + escape(r.message()) : "")
                + "</html>");
  }

  static Presentation config(ConfigEntryDto e) {
    boolean overridden = e.override() != null;
    String detail =
        overridden
            ? e.effective() + " · override" + (e.value() != null ? " (was " + e.value() + ")" : "")
            : e.effective();
    return Presentation.of(e.key(), detail, Mark.CONFIG, overridden ? Tone.CAUTION : Tone.MUTED)
        .withTooltip(
            "<html><b>"
                + escape(e.key())
                + "</b><br>kubereplay-operator: "
                + escape(e.value() != null ? e.value() : "not set")
                + "<br>kubereplay-operator-overrides (deprecated): "
                + escape(overridden ? e.override() : "not set")
                + "<br>Effective: "
                + escape(e.effective())
                + "</html>");
  }
}
