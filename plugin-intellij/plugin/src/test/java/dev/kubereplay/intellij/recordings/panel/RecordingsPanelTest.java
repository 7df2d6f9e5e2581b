package dev.kubereplay.intellij.recordings.panel;

import static dev.kubereplay.intellij.testing.Screens.onEdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.recordings.RecordingsModel;
import dev.kubereplay.intellij.recordings.TrafficSamples;
import dev.kubereplay.intellij.recordings.details.LatencyBars;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.intellij.testing.Screens;
import dev.kubereplay.protocol.traffic.CancelParams;
import dev.kubereplay.protocol.traffic.CancelResponse;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.DidProgressParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotResponse;
import dev.kubereplay.protocol.traffic.ImportFileResponse;
import dev.kubereplay.protocol.traffic.ListPairsParams;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.swing.JComponent;
import javax.swing.JTree;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Recordings tab painted headless: what a person would see in the tool window. */
class RecordingsPanelTest {

  private final FakeServer fake = TrafficSamples.traffic(new FakeServer());
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final RecordingsModel model = session.recordings();

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  private static TreePath path(JTree tree, String labelStart) {
    DefaultMutableTreeNode root = (DefaultMutableTreeNode) tree.getModel().getRoot();
    Enumeration<?> all = root.preorderEnumeration();
    while (all.hasMoreElements()) {
      DefaultMutableTreeNode n = (DefaultMutableTreeNode) all.nextElement();
      if (n.getUserObject() instanceof RecordingNode node && node.label().startsWith(labelStart)) {
        return new TreePath(n.getPath());
      }
    }
    return null;
  }

  private void expand(RecordingsPanel panel, String labelStart, String childStart)
      throws Exception {
    Await.until(labelStart, () -> sync(() -> path(panel.tree(), labelStart) != null));
    Screens.runOnEdt(() -> panel.tree().expandPath(path(panel.tree(), labelStart)));
    Await.until(childStart, () -> sync(() -> path(panel.tree(), childStart) != null));
  }

  private static boolean sync(java.util.function.BooleanSupplier check) {
    try {
      return onEdt(check::getAsBoolean);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void the_tree_the_selected_pair_and_a_running_import() throws Exception {
    RecordingText.zone(ZoneOffset.UTC);
    fake.answer("traffic/importFile", new ImportFileResponse("op-1"));
    fake.answer("traffic/cancel", new CancelResponse(true));
    fake.answer(
        "traffic/listSnapshots",
        new dev.kubereplay.protocol.traffic.ListSnapshotsResponse(
            java.util.List.of(
                TrafficSamples.LIVE,
                TrafficSamples.CHECKOUT,
                TrafficSamples.POSTMAN,
                TrafficSamples.CUT)));
    RecordingsPanel panel = onEdt(() -> new RecordingsPanel(model));
    model.refresh();

    expand(panel, "checkout-flow", "api.shop.local");
    expand(panel, "api.shop.local", "GET /orders/{id}");
    expand(panel, "payments.internal", "POST /v1/charges");
    expand(panel, "GET /orders/{id}", "200  /orders/7");
    Screens.runOnEdt(() -> panel.tree().setSelectionPath(path(panel.tree(), "200  /orders/7")));
    Await.until("document", () -> sync(() -> panel.documentArea().getText().contains("200 OK")));

    fake.answer(
        "traffic/startRecording",
        new dev.kubereplay.protocol.traffic.StartRecordingResponse(
            "r-1", "127.0.0.1:41234", "s-9"));
    model.startRecording("127.0.0.1:0", "http://localhost:8080", null).join();
    fake.sendDidRecord(
        new dev.kubereplay.protocol.traffic.DidRecordParams(
            "r-1", 37, "POST http://localhost:8080/checkout"));
    Await.until(
        "recording shown",
        () -> sync(() -> panel.recordingStatus().getText().contains("37 pairs")));
    model.importFile("/home/me/Downloads/shop.example.com.har").join();
    fake.sendDidProgress(new DidProgressParams("op-1", 620, 1000, "entry 4,210"));
    Await.until("progress shown", () -> sync(() -> panel.importStatus().getText().contains("62%")));
    assertThat(onEdt(() -> panel.cancelButton().isShowing() || panel.cancelButton().isVisible()))
        .isTrue();

    BufferedImage image = onEdt(() -> Screens.paint(panel, 1000, 560));
    Path png = Screens.save(image, "intellij-recordings.png");
    assertThat(Files.size(png)).isGreaterThan(10_000);

    // The tree has text, the pair's status dots are coloured, the document has text.
    Rectangle treeArea =
        onEdt(
            () ->
                SwingUtilities.convertRectangle(
                    panel.tree().getParent(), panel.tree().getParent().getBounds(), panel));
    assertThat(Screens.ink(image, treeArea)).isGreaterThan(1500);
    Rectangle ok = onEdt(() -> rowBounds(panel, "200  /orders/7"));
    Rectangle alert = onEdt(() -> rowBounds(panel, "503  /orders/9"));
    assertThat(Screens.pixelsNear(image, ok, RecordingColors.OK, 40)).isGreaterThan(20);
    assertThat(Screens.pixelsNear(image, alert, RecordingColors.ALERT, 40)).isGreaterThan(20);
    // The snapshot being recorded has a red mark, the interrupted one an amber one, the
    // complete one neither; the endpoint's last row offers the next page in blue.
    Rectangle live = onEdt(() -> rowBounds(panel, "recording of http://localhost:8080"));
    Rectangle cut = onEdt(() -> rowBounds(panel, "staging smoke"));
    Rectangle complete = onEdt(() -> rowBounds(panel, "checkout-flow"));
    Rectangle more = onEdt(() -> rowBounds(panel, "Load more (4 of 812)"));
    assertThat(Screens.pixelsNear(image, live, RecordingColors.ALERT_RECORDING, 40))
        .isGreaterThan(40);
    assertThat(Screens.pixelsNear(image, cut, RecordingColors.CAUTION, 40)).isGreaterThan(40);
    assertThat(Screens.pixelsNear(image, complete, RecordingColors.ALERT_RECORDING, 40)).isZero();
    assertThat(Screens.pixelsNear(image, complete, RecordingColors.CAUTION, 40)).isZero();
    assertThat(Screens.pixelsNear(image, more, RecordingColors.INFO, 40)).isGreaterThan(20);
    assertThat(onEdt(() -> tooltip(panel, "staging smoke")))
        .contains("holds the pairs that arrived until then");
    Rectangle doc =
        onEdt(
            () ->
                SwingUtilities.convertRectangle(
                    panel.documentArea().getParent(),
                    panel.documentArea().getParent().getBounds(),
                    panel));
    assertThat(Screens.ink(image, doc)).isGreaterThan(1500);

    // Cancel sends traffic/cancel.
    Screens.runOnEdt(() -> panel.cancelButton().doClick());
    Await.until("cancel sent", () -> fake.count("traffic/cancel") == 1);
    assertThat(fake.params("traffic/cancel")).containsExactly(new CancelParams("op-1"));

    // Refresh asks again for what is open, and it shows again.
    int endpointsBefore = fake.count("traffic/listEndpoints");
    int pairsBefore = fake.count("traffic/listPairs");
    model.refresh();
    Await.until("endpoints again", () -> fake.count("traffic/listEndpoints") > endpointsBefore);
    Await.until("pairs again", () -> fake.count("traffic/listPairs") > pairsBefore);
    Await.until("shown again", () -> sync(() -> path(panel.tree(), "503  /orders/9") != null));
  }

  @Test
  void a_selected_endpoint_shows_its_latency_as_a_chart_above_its_numbers() throws Exception {
    RecordingText.zone(ZoneOffset.UTC);
    RecordingsPanel panel = onEdt(() -> new RecordingsPanel(model));
    model.refresh();
    expand(panel, "checkout-flow", "api.shop.local");
    expand(panel, "api.shop.local", "GET /orders/{id}");
    expand(panel, "payments.internal", "POST /v1/charges");
    Screens.runOnEdt(() -> panel.tree().setSelectionPath(path(panel.tree(), "GET /orders/{id}")));
    Await.until("chart", () -> sync(() -> panel.latencyChart().isVisible()));
    assertThat(onEdt(() -> panel.documentArea().getText())).contains("Duration    Pairs");

    BufferedImage image = onEdt(() -> Screens.paint(panel, 1000, 560));
    Path png = Screens.save(image, "intellij-latency.png");
    assertThat(Files.size(png)).isGreaterThan(10_000);

    LatencyChart chart = onEdt(panel::latencyChart);
    Rectangle area =
        onEdt(() -> SwingUtilities.convertRectangle(chart.getParent(), chart.getBounds(), panel));
    assertThat(area.width).isGreaterThan(300);
    assertThat(area.height).isGreaterThan(150);
    LatencyBars bars = onEdt(chart::bars);
    assertThat(bars.title()).isEqualTo("Latency of GET /orders/{id} · 812 pairs");

    // The bars: blue columns, one run of them per non-empty bucket (25, 160, 330, 260, 30, 7),
    // each as tall as its count says.
    assertThat(Screens.pixelsNear(image, area, LatencyChart.BAR, 12)).isGreaterThan(3000);
    List<Integer> heights = barHeights(image, area);
    assertThat(heights).hasSize(6);
    assertThat(heights.get(2)).isGreaterThan(heights.get(3)); // 330 > 260
    assertThat(heights.get(3)).isGreaterThan(heights.get(1)); // 260 > 160
    assertThat(heights.get(1)).isGreaterThan(heights.get(4)); // 160 > 30
    assertThat(heights.get(4)).isGreaterThan(heights.get(5)); // 30 > 7
    assertThat(heights.get(2) / (double) heights.get(1)).isCloseTo(330 / 160.0, within(0.1));
    // The markers in their colours, the title and the bound labels in ink.
    assertThat(Screens.pixelsNear(image, area, LatencyChart.P50, 30)).isGreaterThan(60);
    assertThat(Screens.pixelsNear(image, area, LatencyChart.P95, 30)).isGreaterThan(60);
    Rectangle title = new Rectangle(area.x, area.y + bars.titleTop(), area.width, 16);
    assertThat(Screens.ink(image, title)).isGreaterThan(200);
    Rectangle labels =
        new Rectangle(area.x, area.y + bars.labelTop(), area.width, area.height - bars.labelTop());
    assertThat(Screens.ink(image, labels)).isGreaterThan(60);
    // The numbers under the chart.
    Rectangle doc =
        onEdt(
            () ->
                SwingUtilities.convertRectangle(
                    panel.documentArea(), panel.documentArea().getVisibleRect(), panel));
    assertThat(doc.y).isGreaterThanOrEqualTo(area.y + area.height);
    assertThat(Screens.ink(image, doc)).isGreaterThan(1000);

    // An endpoint without durations, a pair, a host: no chart.
    Screens.runOnEdt(() -> panel.tree().setSelectionPath(path(panel.tree(), "POST /v1/charges")));
    Await.until(
        "no durations",
        () -> sync(() -> panel.documentArea().getText().contains("No durations recorded")));
    assertThat(onEdt(() -> panel.latencyChart().isVisible())).isFalse();
    expand(panel, "GET /orders/{id}", "200  /orders/7");
    Screens.runOnEdt(() -> panel.tree().setSelectionPath(path(panel.tree(), "200  /orders/7")));
    Await.until("pair", () -> sync(() -> panel.documentArea().getText().contains("200 OK")));
    assertThat(onEdt(() -> panel.latencyChart().isVisible())).isFalse();
    Screens.runOnEdt(() -> panel.tree().setSelectionPath(path(panel.tree(), "api.shop.local")));
    Await.until("host", () -> sync(() -> panel.documentArea().getText().isEmpty()));
    assertThat(onEdt(() -> panel.latencyChart().isVisible())).isFalse();
  }

  /**
   * The heights of the bars in {@code area}, left to right: runs of columns holding the bar colour
   * (a marker line crossing a bar does not split it), each as high as its tallest column.
   */
  private static List<Integer> barHeights(BufferedImage image, Rectangle area) {
    List<Integer> heights = new ArrayList<>();
    int run = 0;
    int blank = 0;
    for (int x = area.x; x < area.x + area.width; x++) {
      int column =
          Screens.pixelsNear(image, new Rectangle(x, area.y, 1, area.height), LatencyChart.BAR, 12);
      if (column > 0) {
        if (run == 0 || blank > 2) {
          heights.add(column);
        } else {
          heights.set(heights.size() - 1, Math.max(heights.get(heights.size() - 1), column));
        }
        run++;
        blank = 0;
      } else {
        blank++;
        if (blank > 2) {
          run = 0;
        }
      }
    }
    return heights;
  }

  @Test
  void the_import_report_when_the_import_finishes() throws Exception {
    RecordingText.zone(ZoneOffset.UTC);
    fake.answer("traffic/importFile", new ImportFileResponse("op-9"));
    RecordingsPanel panel = onEdt(() -> new RecordingsPanel(model));
    model.refresh();
    Await.until("listed", () -> sync(() -> path(panel.tree(), "checkout-flow") != null));
    model.importFile("/home/me/Downloads/browser.har").join();
    fake.answer(
        "traffic/listSnapshots",
        new dev.kubereplay.protocol.traffic.ListSnapshotsResponse(
            java.util.List.of(
                TrafficSamples.IMPORTED, TrafficSamples.CHECKOUT, TrafficSamples.POSTMAN)));
    fake.sendDidFinishImport(new DidFinishImportParams("op-9", TrafficSamples.REPORT, null));
    Await.until(
        "report shown",
        () -> sync(() -> panel.reportArea().getText().contains("Unresolved variables: baseUrl")));
    assertThat(onEdt(() -> panel.cancelButton().isVisible())).isFalse();
    Await.until("listed again", () -> sync(() -> path(panel.tree(), "browser.har") != null));
    assertThat(onEdt(() -> panel.importStatus().getText()))
        .isEqualTo("Imported browser.har into \"browser.har\"");

    BufferedImage image = onEdt(() -> Screens.paint(panel, 1000, 480));
    Path png = Screens.save(image, "intellij-recordings-import.png");
    assertThat(Files.size(png)).isGreaterThan(5_000);
    Rectangle report =
        onEdt(
            () ->
                SwingUtilities.convertRectangle(
                    panel.reportArea().getParent(), panel.reportArea().getBounds(), panel));
    assertThat(Screens.ink(image, report)).isGreaterThan(800);
  }

  @Test
  void a_running_export_shows_and_cancel_asks_the_server_to_stop_it() throws Exception {
    // Never answers: only the client's $/cancelRequest ends it (lsp4j cancels this future).
    CompletableFuture<ExportSnapshotResponse> writing = new CompletableFuture<>();
    fake.answer("traffic/exportSnapshot", params -> writing);
    RecordingsPanel panel = onEdt(() -> new RecordingsPanel(model));
    model.refresh();
    Await.until("listed", () -> sync(() -> path(panel.tree(), "checkout-flow") != null));

    model.export("s-1", "har", "/home/me/shop.har");
    Await.until(
        "export shown",
        () ->
            sync(
                () ->
                    panel
                        .exportStatus()
                        .getText()
                        .equals("Exporting “checkout-flow” to shop.har…")));
    assertThat(onEdt(() -> panel.exportCancelButton().isVisible())).isTrue();
    assertThat(onEdt(() -> panel.exportCancelButton().isEnabled())).isTrue();

    BufferedImage image = onEdt(() -> Screens.paint(panel, 1000, 480));
    Path png = Screens.save(image, "intellij-recordings-export.png");
    assertThat(Files.size(png)).isGreaterThan(5_000);
    Rectangle button =
        onEdt(
            () ->
                SwingUtilities.convertRectangle(
                    panel.exportCancelButton().getParent(),
                    panel.exportCancelButton().getBounds(),
                    panel));
    assertThat(button.width).isGreaterThan(20);
    assertThat(button.y).isBetween(0, 480 - button.height);
    assertThat(Screens.ink(image, button)).isGreaterThan(40);
    Rectangle line =
        onEdt(
            () ->
                SwingUtilities.convertRectangle(
                    panel.exportStatus().getParent(), panel.exportStatus().getBounds(), panel));
    assertThat(Screens.ink(image, line)).isGreaterThan(150);

    Screens.runOnEdt(() -> panel.exportCancelButton().doClick());

    Await.until("the server saw $/cancelRequest", writing::isCancelled);
    Await.until(
        "cancelled said",
        () ->
            sync(
                () ->
                    panel
                        .statusLine()
                        .getText()
                        .equals(
                            "Export of “checkout-flow” cancelled; shop.har was left as it was")));
    assertThat(onEdt(() -> panel.exportCancelButton().isShowing())).isFalse();
    assertThat(model.exportRun()).isNull();
  }

  @Test
  void a_refresh_opens_again_what_was_open_even_when_its_parent_answers_late() throws Exception {
    RecordingText.zone(ZoneOffset.UTC);
    RecordingsPanel panel = onEdt(() -> new RecordingsPanel(model));
    model.refresh();
    expand(panel, "checkout-flow", "api.shop.local");
    expand(panel, "api.shop.local", "GET /orders/{id}");
    expand(panel, "GET /orders/{id}", "200  /orders/7");

    // The snapshots answer at once; the endpoints only after the tree was drawn without them.
    fake.answer(
        "traffic/listEndpoints",
        params ->
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> TrafficSamples.CHECKOUT_ENDPOINTS,
                java.util.concurrent.CompletableFuture.delayedExecutor(
                    400, java.util.concurrent.TimeUnit.MILLISECONDS)));
    int pairsBefore = fake.count("traffic/listPairs");
    model.refresh();
    Await.until(
        "endpoints loading", () -> sync(() -> path(panel.tree(), "api.shop.local") == null));
    Await.until("pairs asked again", () -> fake.count("traffic/listPairs") > pairsBefore);
    Await.until("pair shown again", () -> sync(() -> path(panel.tree(), "200  /orders/7") != null));
    assertThat(onEdt(() -> panel.tree().isVisible(path(panel.tree(), "200  /orders/7")))).isTrue();
  }

  @Test
  void a_load_more_row_shows_the_next_page_on_double_click_and_on_enter() throws Exception {
    RecordingText.zone(ZoneOffset.UTC);
    fake.answer("traffic/listPairs", params -> TrafficSamples.page(params, 450));
    RecordingsPanel panel = onEdt(() -> new RecordingsPanel(model));
    model.refresh();
    expand(panel, "checkout-flow", "api.shop.local");
    expand(panel, "api.shop.local", "GET /orders/{id}");
    expand(panel, "GET /orders/{id}", "Load more (200 of 450)");

    Screens.runOnEdt(
        () -> {
          panel.setSize(1000, 560);
          Screens.layOut(panel);
          Rectangle row = panel.tree().getPathBounds(path(panel.tree(), "Load more (200 of 450)"));
          int x = row.x + row.width / 2;
          int y = row.y + row.height / 2;
          long now = System.currentTimeMillis();
          for (int clicks = 1; clicks <= 2; clicks++) {
            panel
                .tree()
                .dispatchEvent(
                    new MouseEvent(
                        panel.tree(),
                        MouseEvent.MOUSE_CLICKED,
                        now,
                        0,
                        x,
                        y,
                        clicks,
                        false,
                        MouseEvent.BUTTON1));
          }
        });
    Await.until(
        "second page", () -> sync(() -> path(panel.tree(), "Load more (400 of 450)") != null));
    assertThat(fake.params("traffic/listPairs"))
        .containsExactly(
            new ListPairsParams("s-1", "api.shop.local", "GET", "/orders/{id}", 0, 200),
            new ListPairsParams("s-1", "api.shop.local", "GET", "/orders/{id}", 200, 200));

    Screens.runOnEdt(
        () -> {
          JTree tree = panel.tree();
          tree.setSelectionPath(path(tree, "Load more (400 of 450)"));
          Object name = tree.getInputMap().get(KeyStroke.getKeyStroke("ENTER"));
          tree.getActionMap()
              .get(name)
              .actionPerformed(new ActionEvent(tree, ActionEvent.ACTION_PERFORMED, "enter"));
        });
    Await.until("all", () -> sync(() -> path(panel.tree(), "200  /orders/1449") != null));
    assertThat(onEdt(() -> path(panel.tree(), "Load more"))).isNull();
    assertThat(fake.count("traffic/listPairs")).isEqualTo(3);

    // Elsewhere Enter opens and closes the row, as a click on its handle does.
    Screens.runOnEdt(
        () -> {
          JTree tree = panel.tree();
          tree.setSelectionPath(path(tree, "POST /checkout"));
          Object name = tree.getInputMap().get(KeyStroke.getKeyStroke("ENTER"));
          tree.getActionMap()
              .get(name)
              .actionPerformed(new ActionEvent(tree, ActionEvent.ACTION_PERFORMED, "enter"));
        });
    assertThat(onEdt(() -> panel.tree().isExpanded(path(panel.tree(), "POST /checkout")))).isTrue();
  }

  private static String tooltip(RecordingsPanel panel, String labelStart) {
    JTree tree = panel.tree();
    TreePath path = path(tree, labelStart);
    int row = tree.getRowForPath(path);
    JComponent cell =
        (JComponent)
            tree.getCellRenderer()
                .getTreeCellRendererComponent(
                    tree, path.getLastPathComponent(), false, false, true, row, false);
    return cell.getToolTipText();
  }

  private static Rectangle rowBounds(RecordingsPanel panel, String labelStart) {
    Rectangle row = panel.tree().getPathBounds(path(panel.tree(), labelStart));
    Point origin = SwingUtilities.convertPoint(panel.tree(), 0, 0, panel);
    return new Rectangle(origin.x + row.x, origin.y + row.y, row.width, row.height);
  }
}
