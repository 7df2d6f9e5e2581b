package dev.kubereplay.intellij.cluster.panel;

import static dev.kubereplay.intellij.testing.Samples.CONTEXT;
import static dev.kubereplay.intellij.testing.Samples.NAMESPACE;
import static dev.kubereplay.intellij.testing.Screens.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.cluster.ClusterModel;
import dev.kubereplay.intellij.cluster.ContextsModel;
import dev.kubereplay.intellij.cluster.ContextsState;
import dev.kubereplay.intellij.cluster.Scope;
import dev.kubereplay.intellij.cluster.ViewKind;
import dev.kubereplay.intellij.cluster.tree.ClusterNode;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.rpc.ServerUnavailableException;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.intellij.testing.Samples;
import dev.kubereplay.intellij.testing.Screens;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.ListContextsParams;
import dev.kubereplay.protocol.cluster.WatchParams;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.JTable;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.tree.TreePath;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The panel painted headless into images: what a person would see in the tool window. */
class ClusterPanelTest {

  private static final Scope SHOP = new Scope(CONTEXT, NAMESPACE);
  private static final int WIDTH = 1120;
  private static final int HEIGHT = 720;

  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private final FakeServer fake = Samples.answering(new FakeServer());
  private ClusterModel panelModel;

  @AfterEach
  void stop() {
    thread.shutdownNow();
    fake.close();
  }

  @Test
  void renders_the_tree_down_to_workloads_in_health_colours_and_their_details_table()
      throws Exception {
    ClusterPanel panel = shown(fake.direct());

    panel.reveal(ClusterNode.Category.keyOf(SHOP, ViewKind.WORKLOADS));
    settle();

    BufferedImage image = onEdt(() -> Screens.paint(panel, WIDTH, HEIGHT));
    Path png = Screens.save(image, "intellij-cluster-tree.png");

    assertThat(Files.size(png)).isGreaterThan(10_000);
    assertThat(rowTexts(panel))
        .contains(
            "staging", "shop", "Workloads", "api", "checkout", "payments-worker", "orders-db");
    // The workload marks: one green, one amber, one red (and a grey one without a sidecar).
    Rectangle tree =
        onEdt(
            () ->
                SwingUtilities.convertRectangle(
                    panel.tree().getParent(), panel.tree().getParent().getBounds(), panel));
    assertThat(Screens.pixelsNear(image, tree, Colors.OK, 12)).isGreaterThan(20);
    assertThat(Screens.pixelsNear(image, tree, Colors.CAUTION, 12)).isGreaterThan(20);
    assertThat(Screens.pixelsNear(image, tree, Colors.ALERT, 12)).isGreaterThan(20);
    // The details table shows the workloads' columns and rows.
    JTable table = panel.details().table();
    assertThat(onEdt(() -> table.getColumnCount())).isEqualTo(11);
    assertThat(onEdt(() -> table.getRowCount())).isEqualTo(4);
    assertThat(onEdt(() -> panel.details().title().getText()))
        .isEqualTo("Workloads in shop · staging");
    Rectangle details =
        onEdt(
            () ->
                SwingUtilities.convertRectangle(
                    panel.details().getParent(), panel.details().getBounds(), panel));
    assertThat(Screens.ink(image, details)).isGreaterThan(3_000);
    // Showing the workloads made the server keep them live.
    assertThat(fake.params("cluster/watch"))
        .contains(new WatchParams(CONTEXT, NAMESPACE, List.of(ClusterView.WORKLOADS)));
  }

  @Test
  void renders_the_contexts_with_the_current_one_open_and_its_operator() throws Exception {
    ClusterPanel panel = shown(fake.direct());
    panel.reveal(ClusterNode.Context.keyOf(CONTEXT));
    settle();

    BufferedImage image = onEdt(() -> Screens.paint(panel, 640, 520));
    Screens.save(image, "intellij-clusters.png");

    List<String> rows = rowTexts(panel);
    assertThat(rows.subList(0, 4))
        .containsExactly("Kube contexts", "kind-dev", "staging", "default");
    assertThat(rows).contains("shop", "prod-eu");
    assertThat(onEdt(() -> renderer(panel, 2).detail.getText()))
        .isEqualTo("payments · staging-cluster · current · operator 0.3.1 ↑ 0.4.0");
    assertThat(onEdt(() -> renderer(panel, 2).name.getFont().isBold())).isTrue();
    assertThat(Screens.distinctColors(image, new Rectangle(0, 0, 640, 520))).isGreaterThan(8);
    assertThat(onEdt(() -> panel.details().table().getValueAt(0, 1).toString()))
        .contains("staging (current)");
  }

  @Test
  void renders_forbidden_and_stale_views_on_their_own_nodes() throws Exception {
    fake.fail(
        "cluster/listSecrets",
        ErrorCode.FORBIDDEN,
        "forbidden: cannot list secrets in namespace shop");
    FreshnessDto stale =
        new FreshnessDto(true, Instant.now(), "API server https://10.0.0.1:6443 unreachable");
    fake.answer("cluster/listWorkloads", Samples.workloads(stale));
    ClusterPanel panel = shown(fake.direct());

    panel.reveal(ClusterNode.Category.keyOf(SHOP, ViewKind.SECRETS));
    settle();
    panel.reveal(ClusterNode.Category.keyOf(SHOP, ViewKind.WORKLOADS));
    settle();

    BufferedImage image = onEdt(() -> Screens.paint(panel, WIDTH, HEIGHT));
    Screens.save(image, "intellij-cluster-states.png");

    int secretsRow = row(panel, "Secrets");
    assertThat(onEdt(() -> renderer(panel, secretsRow).detail.getText()))
        .isEqualTo("forbidden: cannot list secrets in namespace shop");
    Rectangle secrets = rowBounds(panel, secretsRow);
    assertThat(Screens.pixelsNear(image, secrets, Colors.ALERT_TEXT, 30)).isGreaterThan(20);
    assertThat(rowTexts(panel)).contains("Forbidden");
    int workloadsRow = row(panel, "Workloads");
    assertThat(onEdt(() -> renderer(panel, workloadsRow).detail.getText()))
        .contains("stale since ");
    assertThat(onEdt(() -> panel.details().banner().getText())).startsWith("stale since ");
    // Everything else keeps working: the workloads are there, greyed.
    assertThat(rowTexts(panel)).contains("api", "payments-worker");
  }

  @Test
  void renders_the_servers_error_and_a_status_line_when_it_is_not_running() throws Exception {
    ServerExit exit =
        new ServerExit(
            "The kubereplay server exited with code 1.",
            List.of(
                "INFO: kubereplay 0.1.0 serving on stdio",
                "SEVERE: /home/dev/.kube/config: line 4: mapping values are not allowed here",
                "Exception in thread \"main\" java.lang.IllegalStateException: boom"));
    fake.listContexts = () -> CompletableFuture.failedFuture(new ServerUnavailableException(exit));
    ClusterPanel panel = shown(fake.direct());

    BufferedImage image = onEdt(() -> Screens.paint(panel, 520, 300));
    Screens.save(image, "intellij-server-down.png");

    assertThat(onEdt(() -> panel.tree().getRowCount())).isEqualTo(2);
    assertThat(rowTexts(panel).get(1)).isEqualTo("Server not running");
    assertThat(onEdt(() -> panel.status().isVisible())).isTrue();
    assertThat(onEdt(() -> panel.status().getText()))
        .isEqualTo(
            exit.reason()
                + "\nLast lines on its stderr:\n  "
                + String.join("\n  ", exit.stderrTail())
                + "\nRefresh to start it again.");
    assertThat(Screens.ink(image, onEdt(() -> panel.status().getBounds()))).isGreaterThan(0);
  }

  @Test
  void renders_the_servers_error_message_as_it_is() throws Exception {
    String message =
        "/home/dev/.kube/config: line 4, column 9: mapping values are not allowed here";
    fake.listContexts =
        () ->
            CompletableFuture.failedFuture(
                new ResponseErrorException(
                    new ResponseError(ErrorCode.KUBECONFIG_MALFORMED.code(), message, null)));
    ClusterPanel panel = shown(fake.direct());

    BufferedImage image = onEdt(() -> Screens.paint(panel, 520, 300));
    Screens.save(image, "intellij-kubeconfig-error.png");

    assertThat(rowTexts(panel).get(1)).isEqualTo("Malformed kubeconfig");
    assertThat(onEdt(() -> renderer(panel, 1).detail.getText())).isEqualTo(message);
    assertThat(onEdt(() -> panel.status().getText()))
        .isEqualTo("Malformed kubeconfig:\n" + message);
    assertThat(ClusterPanel.serverStatus(new ContextsState.Loaded(Samples.threeContexts())))
        .isNull();
  }

  @Test
  void a_rebuilt_tree_keeps_what_was_expanded_and_selected() throws Exception {
    ClusterPanel panel = shown(fake.direct());
    panel.reveal(ClusterNode.Category.keyOf(SHOP, ViewKind.WORKLOADS));
    settle();
    int rows = onEdt(() -> panel.tree().getRowCount());

    panelModel.refresh(); // every answer comes again, as new objects

    settle();

    assertThat(onEdt(() -> panel.tree().getRowCount())).isEqualTo(rows);
    assertThat(onEdt(() -> panel.selectedNode()))
        .isInstanceOf(ClusterNode.Category.class)
        .extracting(node -> ((ClusterNode.Category) node).kind())
        .isEqualTo(ViewKind.WORKLOADS);
  }

  @Test
  void what_the_user_opened_opens_again_when_it_comes_back_and_what_they_closed_stays_closed()
      throws Exception {
    ClusterPanel panel = shown(fake.direct());
    panel.reveal(ClusterNode.Category.keyOf(SHOP, ViewKind.WORKLOADS));
    settle();
    List<String> open = rowTexts(panel);
    var answering = fake.listContexts;

    // The server goes away: the tree is down to its error, every node the user opened gone.
    fake.listContexts =
        () ->
            CompletableFuture.failedFuture(
                new ServerUnavailableException(new ServerExit("exited", List.of())));
    panelModel.refresh();
    settle();
    assertThat(rowTexts(panel)).hasSize(2).doesNotContain("shop", "api");

    fake.listContexts = answering;
    panelModel.refresh();
    settle();
    assertThat(rowTexts(panel)).isEqualTo(open);

    // Closing the namespace closes what is under it, through later rebuilds too.
    int shop = row(panel, "shop");
    onEdt(
        () -> {
          panel.tree().collapseRow(shop);
          return null;
        });
    panelModel.refresh();
    settle();
    assertThat(rowTexts(panel)).contains("shop").doesNotContain("Workloads", "api");
  }

  @Test
  void stops_listening_when_disposed() throws Exception {
    ServerCalls calls = fake.direct();
    ContextsModel contexts = contexts(calls);
    ClusterModel model = new ClusterModel(calls, thread, contexts);
    ClusterPanel panel = onEdt(() -> new ClusterPanel(model));

    panel.dispose();
    contexts.refresh().get(5, TimeUnit.SECONDS);
    settle();

    assertThat(onEdt(() -> panel.tree().getRowCount())).isLessThanOrEqualTo(2); // never got them
  }

  // --- helpers ---

  private ClusterPanel shown(ServerCalls calls) throws Exception {
    ContextsModel contexts = contexts(calls);
    panelModel = new ClusterModel(calls, thread, contexts);
    ClusterPanel panel = onEdt(() -> new ClusterPanel(panelModel));
    panelModel.refresh();
    settle();
    return panel;
  }

  private ContextsModel contexts(ServerCalls calls) {
    return new ContextsModel(
        () -> calls.call(s -> s.getClusterService().listContexts(new ListContextsParams())),
        thread);
  }

  /** Lets the model and the UI thread answer each other until nothing is left to do. */
  private void settle() throws Exception {
    for (int i = 0; i < 12; i++) {
      thread.submit(() -> {}).get(5, TimeUnit.SECONDS);
      Screens.flushEdt();
    }
  }

  private static List<String> rowTexts(ClusterPanel panel) throws Exception {
    return onEdt(
        () -> {
          List<String> texts = new ArrayList<>();
          for (int row = 0; row < panel.tree().getRowCount(); row++) {
            texts.add(renderer(panel, row).name.getText());
          }
          return texts;
        });
  }

  private static int row(ClusterPanel panel, String text) throws Exception {
    return rowTexts(panel).indexOf(text);
  }

  private static Rectangle rowBounds(ClusterPanel panel, int row) throws Exception {
    return onEdt(
        () -> {
          JTree tree = panel.tree();
          return SwingUtilities.convertRectangle(tree, tree.getRowBounds(row), panel);
        });
  }

  private static ClusterTreeRenderer renderer(ClusterPanel panel, int row) {
    JTree tree = panel.tree();
    TreePath path = tree.getPathForRow(row);
    panel
        .renderer()
        .getTreeCellRendererComponent(
            tree, path.getLastPathComponent(), false, tree.isExpanded(row), false, row, false);
    return panel.renderer();
  }
}
