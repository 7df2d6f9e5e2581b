package dev.kubereplay.intellij.cluster.tree;

import static dev.kubereplay.intellij.cluster.tree.Formats.escape;
import static dev.kubereplay.intellij.cluster.tree.Formats.plural;

import dev.kubereplay.intellij.cluster.Load;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.AuthKind;
import dev.kubereplay.protocol.cluster.ClusterDto;
import dev.kubereplay.protocol.cluster.ConfigurationResponse;
import dev.kubereplay.protocol.cluster.EventDto;
import dev.kubereplay.protocol.cluster.HealthLevel;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListEventsResponse;
import dev.kubereplay.protocol.cluster.ListReplaysResponse;
import dev.kubereplay.protocol.cluster.ListSecretsResponse;
import dev.kubereplay.protocol.cluster.ListServicesResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.OperatorStatus;
import dev.kubereplay.protocol.cluster.ReplayDto;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the rows above the items look: root, contexts, namespaces, views, failures and notes. Pure,
 * so tests check the words and the panel only paints them.
 */
public final class NodeText {

  private NodeText() {}

  public static Presentation of(ClusterNode node) {
    if (node instanceof ClusterNode.Root root) {
      return Presentation.of(root.title(), root.detail(), Mark.DOT, Tone.INFO).withBold(true);
    }
    if (node instanceof ClusterNode.Context context) {
      return context(context);
    }
    if (node instanceof ClusterNode.Namespace namespace) {
      return namespace(namespace);
    }
    if (node instanceof ClusterNode.Category category) {
      return category(category);
    }
    if (node instanceof ClusterNode.Item item) {
      return ItemText.of(item);
    }
    if (node instanceof ClusterNode.Problem problem) {
      RpcFailure failure = problem.failure();
      return Presentation.of(problem.title(), oneLine(failure.message()), Mark.ERROR, Tone.ALERT)
          .withAlertText(true)
          .withTooltip(
              "<html><b>"
                  + escape(problem.title())
                  + "</b><br>"
                  + escape(failure.message()).replace("\n", "<br>")
                  + "</html>");
    }
    ClusterNode.Message message = (ClusterNode.Message) node;
    return Presentation.of(message.text(), "", Mark.NONE, Tone.MUTED).withItalic();
  }

  static Presentation context(ClusterNode.Context node) {
    KubeContextDto context = node.context();
    List<String> parts = new ArrayList<>(List.of(context.namespace(), context.cluster()));
    if (context.current()) {
      parts.add("current");
    }
    Tone tone = context.current() ? Tone.OK : Tone.MUTED;
    Load<ClusterDto> cluster = node.cluster();
    if (cluster instanceof Load.Loading) {
      parts.add("checking operator…");
    } else if (cluster instanceof Load.Failed<ClusterDto> failed) {
      parts.add("operator unknown: " + oneLine(failed.failure().message()));
    } else if (cluster instanceof Load.Loaded<ClusterDto> loaded) {
      ClusterDto dto = loaded.value();
      parts.add(operator(dto));
      if (dto.status() == OperatorStatus.UNREACHABLE) {
        tone = Tone.ALERT;
      }
    }
    String stale = Formats.stale(node.connection());
    if (stale != null) {
      parts.add(stale);
    }
    return Presentation.of(
            context.name(),
            String.join(" · ", parts),
            context.current() ? Mark.DOT : Mark.RING,
            tone)
        .withTooltip(contextTooltip(context, cluster))
        .withStale(stale != null)
        .withBold(context.current());
  }

  /** "operator 0.3.1 ↑ 0.4.0", "no operator", ... */
  static String operator(ClusterDto cluster) {
    return switch (cluster.status()) {
      case INSTALLED ->
          "operator "
              + (cluster.operatorVersion() != null ? cluster.operatorVersion() : "?")
              + (cluster.upgradeAvailable() ? " ↑ " + cluster.latestVersion() : "");
      case NOT_INSTALLED -> "no operator";
      case FORBIDDEN -> "operator: forbidden";
      case UNREACHABLE -> "unreachable";
    };
  }

  /** Where a context points, and what kubereplay found there. */
  public static String contextTooltip(KubeContextDto context, Load<ClusterDto> cluster) {
    StringBuilder html =
        new StringBuilder("<html><b>")
            .append(escape(context.name()))
            .append("</b>")
            .append(context.current() ? " (current context)" : "")
            .append("<br>Server: ")
            .append(
                escape(context.server() != null ? context.server() : "unknown (no cluster entry)"))
            .append("<br>Cluster: ")
            .append(escape(context.cluster()))
            .append("<br>User: ")
            .append(escape(context.user()))
            .append(" (")
            .append(authText(context.authKind()))
            .append(")<br>Namespace: ")
            .append(escape(context.namespace()))
            .append("<br>Defined in: ")
            .append(escape(context.sourceFile()));
    if (cluster instanceof Load.Loaded<ClusterDto> loaded) {
      ClusterDto dto = loaded.value();
      html.append("<br><br>Cluster name: ").append(escape(dto.clusterName()));
      html.append("<br>Operator: ").append(escape(operatorSentence(dto)));
      if (dto.message() != null && !dto.message().isBlank()) {
        html.append("<br>").append(escape(dto.message()));
      }
    }
    return html.append("</html>").toString();
  }

  static String operatorSentence(ClusterDto cluster) {
    return switch (cluster.status()) {
      case INSTALLED ->
          "installed in "
              + cluster.operatorNamespace()
              + ", version "
              + cluster.operatorVersion()
              + (cluster.upgradeAvailable()
                  ? " (" + cluster.latestVersion() + " is available)"
                  : " (the newest known)");
      case NOT_INSTALLED -> "not installed";
      case FORBIDDEN -> "cannot tell: the user may not list Deployments where it would be";
      case UNREACHABLE -> "cannot tell: the API server did not answer";
    };
  }

  public static String authText(AuthKind kind) {
    if (kind == null) {
      return "unknown auth";
    }
    return switch (kind) {
      case CLIENT_CERTIFICATE -> "client certificate";
      case TOKEN -> "bearer token";
      case BASIC -> "user name and password";
      case EXEC -> "exec plugin";
      case AUTH_PROVIDER -> "auth provider";
      case NONE -> "no credentials";
    };
  }

  static Presentation namespace(ClusterNode.Namespace node) {
    List<String> parts = new ArrayList<>();
    if (node.contextDefault()) {
      parts.add("context default");
    }
    if (node.watched()) {
      parts.add("live");
    }
    Tone tone = node.watched() ? Tone.INFO : Tone.MUTED;
    String tooltip = "<html><b>" + escape(node.scope().namespace()) + "</b>";
    if (node.fallbackReason() != null) {
      parts.add("the only one shown: " + oneLine(node.fallbackReason()));
      tone = Tone.CAUTION;
      tooltip += "<br>Namespaces cannot be listed here: " + escape(node.fallbackReason());
    }
    if (node.watched()) {
      tooltip += "<br>Kept live: changes show as they happen.";
    }
    return Presentation.of(node.scope().namespace(), String.join(" · ", parts), Mark.SQUARE, tone)
        .withTooltip(tooltip + "</html>");
  }

  static Presentation category(ClusterNode.Category node) {
    String label = node.kind().label();
    Load<Object> load = node.load();
    if (load == null) {
      return Presentation.of(label, "", Mark.FOLDER, Tone.NEUTRAL);
    }
    if (load instanceof Load.Loading) {
      return Presentation.of(label, "loading…", Mark.FOLDER, Tone.NEUTRAL);
    }
    if (load instanceof Load.Failed<Object> failed) {
      String message = failed.failure().message();
      return Presentation.of(label, oneLine(message), Mark.FOLDER, Tone.ALERT)
          .withAlertText(true)
          .withTooltip("<html><b>" + escape(label) + "</b><br>" + escape(message) + "</html>");
    }
    Load.Loaded<Object> loaded = (Load.Loaded<Object>) load;
    List<String> parts = new ArrayList<>();
    Tone tone = summary(loaded.value(), parts);
    String stale = Formats.stale(loaded.freshness());
    if (stale != null) {
      parts.add(stale);
    }
    String tooltip =
        "<html><b>"
            + escape(label)
            + "</b>"
            + (node.watched() ? "<br>Kept live." : "")
            + (stale != null ? "<br>" + escape(stale) : "")
            + "</html>";
    return Presentation.of(label, String.join(" · ", parts), Mark.FOLDER, tone)
        .withTooltip(tooltip)
        .withStale(stale != null);
  }

  /** Adds a view's counts to {@code parts}; answers the tone of its worst item. */
  private static Tone summary(Object answer, List<String> parts) {
    if (answer instanceof ListWorkloadsResponse r) {
      parts.add(Integer.toString(r.workloads().size()));
      long alerts =
          r.workloads().stream().filter(w -> w.sidecarHealth() == HealthLevel.ALERT).count();
      long cautions =
          r.workloads().stream().filter(w -> w.sidecarHealth() == HealthLevel.CAUTION).count();
      if (alerts > 0) {
        parts.add(plural((int) alerts, "alert", "alerts"));
      }
      if (cautions > 0) {
        parts.add(cautions + " caution");
      }
      return alerts > 0 ? Tone.ALERT : cautions > 0 ? Tone.CAUTION : Tone.NEUTRAL;
    }
    if (answer instanceof ListSecretsResponse r) {
      parts.add(Integer.toString(r.secrets().size()));
    } else if (answer instanceof ListServicesResponse r) {
      parts.add(Integer.toString(r.services().size()));
    } else if (answer instanceof ListEventsResponse r) {
      parts.add(Integer.toString(r.events().size()));
      long warnings = r.events().stream().filter(NodeText::warning).count();
      if (warnings > 0) {
        parts.add(plural((int) warnings, "warning", "warnings"));
        return Tone.ALERT;
      }
    } else if (answer instanceof ListReplaysResponse r) {
      if (!r.crdInstalled()) {
        parts.add("TrafficReplay CRD not installed");
        return Tone.MUTED;
      }
      parts.add(Integer.toString(r.replays().size()));
    } else if (answer instanceof ConfigurationResponse r) {
      if (!r.found()) {
        parts.add("no kubereplay-operator ConfigMap in " + r.namespace());
        return Tone.MUTED;
      }
      parts.add(r.namespace());
      parts.add(plural(r.entries().size(), "key", "keys"));
      long overrides = r.entries().stream().filter(e -> e.override() != null).count();
      if (overrides > 0) {
        parts.add(plural((int) overrides, "override", "overrides"));
        return Tone.CAUTION;
      }
    }
    return Tone.NEUTRAL;
  }

  static boolean warning(EventDto event) {
    return "Warning".equalsIgnoreCase(event.type());
  }

  /** What a failure is called in the tree. */
  public static String problemTitle(RpcFailure failure) {
    if (failure.serverGone()) {
      return "Server not running";
    }
    ErrorCode code = failure.code();
    return switch (code) {
      case FORBIDDEN -> "Forbidden";
      case CLUSTER_UNREACHABLE -> "Unreachable";
      case CONTEXT_NOT_FOUND -> "Unknown context";
      case NOT_FOUND -> "Not found";
      default -> "Failed";
    };
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replace('\n', ' ');
  }

  static String health(WorkloadDto workload) {
    return switch (workload.sidecarHealth()) {
      case OK -> "ok";
      case CAUTION -> "caution";
      case ALERT -> "alert";
    };
  }

  /** Green for a healthy injected workload, grey when there is no sidecar to judge. */
  public static Tone healthTone(WorkloadDto workload) {
    return switch (workload.sidecarHealth()) {
      case OK -> workload.injected() ? Tone.OK : Tone.MUTED;
      case CAUTION -> Tone.CAUTION;
      case ALERT -> Tone.ALERT;
    };
  }

  /** Red for a failed replay, green for a ready one, blue while it runs. */
  public static Tone replayTone(ReplayDto replay) {
    String phase = replay.phase() == null ? "" : replay.phase().toLowerCase(Locale.ROOT);
    if (phase.contains("fail") || phase.contains("error")) {
      return Tone.ALERT;
    }
    if (replay.ready()) {
      return Tone.OK;
    }
    return phase.isEmpty() ? Tone.MUTED : Tone.INFO;
  }
}
