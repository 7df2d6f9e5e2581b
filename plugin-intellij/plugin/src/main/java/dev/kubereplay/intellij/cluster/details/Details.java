package dev.kubereplay.intellij.cluster.details;

import static dev.kubereplay.intellij.cluster.details.DetailsTable.Cell;
import static dev.kubereplay.intellij.cluster.details.DetailsTable.Column;

import dev.kubereplay.intellij.cluster.ClusterState;
import dev.kubereplay.intellij.cluster.Load;
import dev.kubereplay.intellij.cluster.Scope;
import dev.kubereplay.intellij.cluster.ViewKind;
import dev.kubereplay.intellij.cluster.tree.ClusterNode;
import dev.kubereplay.intellij.cluster.tree.Formats;
import dev.kubereplay.intellij.cluster.tree.NodeText;
import dev.kubereplay.intellij.cluster.tree.Presentation;
import dev.kubereplay.intellij.cluster.tree.Tone;
import dev.kubereplay.protocol.cluster.ClusterDto;
import dev.kubereplay.protocol.cluster.ConfigurationResponse;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListReplaysResponse;
import dev.kubereplay.protocol.cluster.OperatorStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Chooses the details table for the selected node. Pure: tests call it with a state. */
public final class Details {

  private static final List<Column> PROPERTIES =
      List.of(Column.text("Property"), Column.text("Value"));

  private Details() {}

  public static DetailsTable of(ClusterState state, ClusterNode node) {
    if (node == null) {
      return DetailsTable.empty(
          state.contextList().isEmpty() ? "" : "Select a context, namespace or view");
    }
    if (node instanceof ClusterNode.Root) {
      return contexts(state);
    }
    if (node instanceof ClusterNode.Context context) {
      return context(state, context);
    }
    if (node instanceof ClusterNode.Namespace namespace) {
      return namespace(state, namespace.scope());
    }
    if (node instanceof ClusterNode.Category category) {
      return view(state, category.scope(), category.kind());
    }
    if (node instanceof ClusterNode.Item item) {
      return view(state, item.scope(), item.kind()).selecting(item.row());
    }
    if (node instanceof ClusterNode.Problem problem) {
      return DetailsTable.empty(problem.title())
          .withBanner(problem.failure().message(), Tone.ALERT);
    }
    return DetailsTable.empty(((ClusterNode.Message) node).text());
  }

  static DetailsTable view(ClusterState state, Scope scope, ViewKind kind) {
    String title =
        kind.contextLevel()
            ? "Operator configuration · " + scope.context()
            : kind.label() + " in " + scope.namespace() + " · " + scope.context();
    Load<Object> load = state.view(scope, kind);
    if (load == null || load instanceof Load.Loading) {
      return DetailsTable.empty(title).withBanner("Loading…", Tone.MUTED);
    }
    if (load instanceof Load.Failed<Object> failed) {
      return DetailsTable.empty(title).withBanner(failed.failure().message(), Tone.ALERT);
    }
    Load.Loaded<Object> loaded = (Load.Loaded<Object>) load;
    Object answer = loaded.value();
    if (answer instanceof ConfigurationResponse config) {
      title =
          "Operator configuration · "
              + config.namespace()
              + " · "
              + scope.context()
              + (config.overridesFound() ? " · with kubereplay-operator-overrides" : "");
    }
    DetailsTable table = ViewTables.of(title, answer);
    String stale = Formats.stale(loaded.freshness());
    if (stale != null) {
      return new DetailsTable(
          table.title(), table.columns(), table.rows(), -1, stale, Tone.CAUTION, true);
    }
    if (answer instanceof ListReplaysResponse r && !r.crdInstalled()) {
      return table.withBanner(
          "This cluster has no trafficreplays.kubereplay.dev CRD, so no replays.", Tone.MUTED);
    }
    if (answer instanceof ConfigurationResponse r && !r.found()) {
      return table.withBanner(
          "No kubereplay-operator ConfigMap in " + r.namespace() + ".", Tone.MUTED);
    }
    if (state.watches(scope) && kind.clusterView() != null) {
      return table.withBanner("Live: updates as the cluster changes.", Tone.INFO);
    }
    return table;
  }

  private static DetailsTable contexts(ClusterState state) {
    List<List<Cell>> rows = new ArrayList<>();
    for (KubeContextDto c : state.contextList()) {
      rows.add(
          List.of(
              Cell.of(c.name(), c.current() ? Tone.OK : Tone.NEUTRAL),
              Cell.of(c.cluster()),
              Cell.of(c.namespace()),
              Cell.of(c.user() + " (" + NodeText.authText(c.authKind()) + ")"),
              Cell.of(c.server()),
              Cell.of(c.sourceFile())));
    }
    List<Column> columns =
        List.of(
            Column.text("Context"),
            Column.text("Cluster"),
            Column.text("Namespace"),
            Column.text("User"),
            Column.text("Server"),
            Column.text("Defined in"));
    return new DetailsTable("Kube contexts", columns, rows, -1, null, Tone.NEUTRAL, false);
  }

  private static DetailsTable context(ClusterState state, ClusterNode.Context node) {
    KubeContextDto c = node.context();
    List<List<Cell>> rows = new ArrayList<>();
    property(rows, "Context", c.name() + (c.current() ? " (current)" : ""));
    property(rows, "Server", c.server());
    property(rows, "Cluster entry", c.cluster());
    property(rows, "User", c.user() + " (" + NodeText.authText(c.authKind()) + ")");
    property(rows, "Default namespace", c.namespace());
    property(rows, "Defined in", c.sourceFile());
    String banner = null;
    Tone bannerTone = Tone.NEUTRAL;
    if (node.cluster() instanceof Load.Loaded<ClusterDto> loaded) {
      ClusterDto d = loaded.value();
      property(rows, "Cluster name", d.clusterName());
      rows.add(
          List.of(
              Cell.of("Operator"),
              Cell.of(
                  d.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                  d.status() == OperatorStatus.INSTALLED ? Tone.OK : Tone.MUTED)));
      property(rows, "Operator namespace", d.operatorNamespace());
      property(rows, "Operator version", d.operatorVersion());
      rows.add(
          List.of(
              Cell.of("Newest version"),
              Cell.of(
                  d.latestVersion() + (d.upgradeAvailable() ? " (upgrade available)" : ""),
                  d.upgradeAvailable() ? Tone.CAUTION : Tone.NEUTRAL)));
      if (d.message() != null) {
        banner = d.message();
        bannerTone = Tone.MUTED;
      }
    } else if (node.cluster() instanceof Load.Failed<ClusterDto> failed) {
      banner = failed.failure().message();
      bannerTone = Tone.ALERT;
    }
    String stale = Formats.stale(node.connection());
    if (stale != null) {
      banner = stale;
      bannerTone = Tone.CAUTION;
    }
    Presentation look = NodeText.of(node);
    return new DetailsTable(look.text(), PROPERTIES, rows, -1, banner, bannerTone, stale != null);
  }

  /** A namespace: one row per view, with what it holds and whether it is live. */
  private static DetailsTable namespace(ClusterState state, Scope scope) {
    List<List<Cell>> rows = new ArrayList<>();
    for (ViewKind kind : ViewKind.values()) {
      ClusterNode.Category category =
          new ClusterNode.Category(scope, kind, state.view(scope, kind), false);
      Presentation look = NodeText.of(category);
      String live =
          state.watches(scope)
                  && kind.clusterView() != null
                  && state.watching().views().contains(kind.clusterView())
              ? "live"
              : "";
      String summary = look.detail().isEmpty() ? "not loaded (expand to load)" : look.detail();
      rows.add(List.of(Cell.of(kind.label()), Cell.of(summary, look.tone()), Cell.of(live)));
    }
    List<Column> columns = List.of(Column.text("View"), Column.text("Summary"), Column.text(""));
    return new DetailsTable(
        scope.namespace() + " · " + scope.context(), columns, rows, -1, null, Tone.NEUTRAL, false);
  }

  private static void property(List<List<Cell>> rows, String name, String value) {
    rows.add(List.of(Cell.of(name), Cell.of(value)));
  }
}
