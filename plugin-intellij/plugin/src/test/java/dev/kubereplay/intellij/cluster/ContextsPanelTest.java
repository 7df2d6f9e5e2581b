package dev.kubereplay.intellij.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.rpc.ServerUnavailableException;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.tree.TreePath;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The panel painted headless into an image: what a person would see in the tool window. */
class ContextsPanelTest {

  private static final int WIDTH = 460;
  private static final int HEIGHT = 240;

  private final ExecutorService thread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    thread.shutdownNow();
  }

  @Test
  void renders_a_row_per_context_with_the_current_one_bold() throws Exception {
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    ContextsPanel panel = shown(() -> CompletableFuture.completedFuture(Samples.threeContexts()));

    BufferedImage image = onEdt(() -> paint(panel));
    Path png = save(image, "intellij-clusters.png");

    JTree tree = panel.tree();
    assertThat(tree.getRowCount()).isEqualTo(1 + 3); // the root, then one row per context
    assertThat(rowText(panel, 2)).isEqualTo("staging");
    assertThat(nameLabel(panel, 1).getFont().isBold()).isFalse();
    assertThat(nameLabel(panel, 2).getFont().isBold()).isTrue();
    assertThat(nameLabel(panel, 3).getFont().isBold()).isFalse();
    assertThat(panel.renderer().detail.getText()).isEqualTo("checkout · prod-eu-cluster");
    assertThat(panel.status().isVisible()).isFalse();

    assertThat(distinctColors(image, new Rectangle(0, 0, WIDTH, HEIGHT))).isGreaterThan(8);
    // Bold strokes are thicker: more ink per pixel of name than a plain name has.
    double plain = inkDensity(image, nameTextArea(panel, 1));
    double bold = inkDensity(image, nameTextArea(panel, 2));
    assertThat(bold).isGreaterThan(plain * 1.15);
    assertThat(Files.size(png)).isGreaterThan(1_000);
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
    ContextsPanel panel =
        shown(() -> CompletableFuture.failedFuture(new ServerUnavailableException(exit)));

    BufferedImage image = onEdt(() -> paint(panel));
    save(image, "intellij-server-down.png");

    assertThat(panel.tree().getRowCount()).isEqualTo(2);
    assertThat(rowText(panel, 1)).isEqualTo("Server not running");
    assertThat(panel.status().isVisible()).isTrue();
    assertThat(panel.status().getText())
        .contains(exit.reason())
        .contains("java.lang.IllegalStateException: boom");
    assertThat(ink(image, onEdt(() -> panel.status().getBounds()))).isGreaterThan(0);
  }

  @Test
  void renders_the_servers_error_message_as_it_is() throws Exception {
    String message =
        "/home/dev/.kube/config: line 4, column 9: mapping values are not allowed here";
    ContextsPanel panel =
        shown(
            () ->
                CompletableFuture.failedFuture(
                    new ResponseErrorException(
                        new ResponseError(ErrorCode.KUBECONFIG_MALFORMED.code(), message, null))));

    BufferedImage image = onEdt(() -> paint(panel));
    save(image, "intellij-kubeconfig-error.png");

    assertThat(panel.tree().getRowCount()).isEqualTo(2);
    assertThat(rowText(panel, 1)).isEqualTo("Malformed kubeconfig");
    assertThat(panel.renderer().detail.getText()).isEqualTo(message);
    assertThat(panel.status().isVisible()).isTrue();
    assertThat(panel.status().getText()).isEqualTo("Malformed kubeconfig:\n" + message);
    assertThat(ink(image, onEdt(() -> panel.tree().getRowBounds(1)))).isGreaterThan(0);
  }

  @Test
  void stops_listening_when_disposed() throws Exception {
    CompletableFuture<ListContextsResponse> answer =
        CompletableFuture.completedFuture(Samples.threeContexts());
    ContextsModel model = new ContextsModel(() -> answer, thread);
    ContextsPanel panel = onEdt(() -> new ContextsPanel(model));

    panel.dispose();
    model.refresh().get(5, TimeUnit.SECONDS);
    flushEdt();

    assertThat(panel.tree().getRowCount()).isLessThanOrEqualTo(2); // never got the contexts
  }

  private ContextsPanel shown(Supplier<CompletableFuture<ListContextsResponse>> answer)
      throws Exception {
    ContextsModel model = new ContextsModel(answer, thread);
    ContextsPanel panel = onEdt(() -> new ContextsPanel(model));
    model.refresh().get(5, TimeUnit.SECONDS);
    flushEdt();
    return panel;
  }

  private static BufferedImage paint(ContextsPanel panel) {
    panel.setSize(WIDTH, HEIGHT);
    // Wrapped text knows its height only once it has a width: a shown window lays out again when
    // it learns it (revalidate), a headless one needs the second pass done here.
    layOut(panel);
    layOut(panel);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(panel.getBackground());
    g.fillRect(0, 0, WIDTH, HEIGHT);
    panel.printAll(g);
    g.dispose();
    return image;
  }

  /** Headless components have no peer, so validate() does nothing: lay out by hand. */
  private static void layOut(Component component) {
    if (component instanceof Container container) {
      container.doLayout();
      for (Component child : container.getComponents()) {
        layOut(child);
      }
    }
  }

  private static JLabel nameLabel(ContextsPanel panel, int row) throws Exception {
    return onEdt(
        () -> {
          JTree tree = panel.tree();
          TreePath path = tree.getPathForRow(row);
          panel
              .renderer()
              .getTreeCellRendererComponent(
                  tree, path.getLastPathComponent(), false, true, true, row, false);
          JLabel name = panel.renderer().name;
          return name;
        });
  }

  private static String rowText(ContextsPanel panel, int row) throws Exception {
    return nameLabel(panel, row).getText();
  }

  /** Where row {@code row} paints its name's text (after the icon), in panel coordinates. */
  private static Rectangle nameTextArea(ContextsPanel panel, int row) throws Exception {
    JLabel name = nameLabel(panel, row);
    return onEdt(
        () -> {
          Rectangle bounds = panel.tree().getRowBounds(row);
          Rectangle inPanel = SwingUtilities.convertRectangle(panel.tree(), bounds, panel);
          int iconAndGap = name.getIcon().getIconWidth() + name.getIconTextGap();
          int left = inPanel.x + 2 + iconAndGap; // the renderer's left border is 2
          int width = name.getPreferredSize().width - iconAndGap;
          return new Rectangle(left, inPanel.y, width, inPanel.height);
        });
  }

  private static double inkDensity(BufferedImage image, Rectangle area) {
    return (double) ink(image, area) / (area.width * area.height);
  }

  /** Pixels clearly darker than the background: text and icons. */
  private static int ink(BufferedImage image, Rectangle area) {
    int count = 0;
    for (int y = Math.max(0, area.y); y < Math.min(area.y + area.height, image.getHeight()); y++) {
      for (int x = Math.max(0, area.x); x < Math.min(area.x + area.width, image.getWidth()); x++) {
        Color c = new Color(image.getRGB(x, y));
        if (c.getRed() + c.getGreen() + c.getBlue() < 3 * 160) {
          count++;
        }
      }
    }
    return count;
  }

  private static int distinctColors(BufferedImage image, Rectangle area) {
    Set<Integer> colors = new HashSet<>();
    for (int y = area.y; y < area.y + area.height; y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        colors.add(image.getRGB(x, y));
      }
    }
    return colors.size();
  }

  /** Writes target/screenshots/NAME and, when the build says where, the docs copy. */
  private static Path save(BufferedImage image, String name) throws Exception {
    Path dir = Path.of(System.getProperty("kubereplay.test.screenshotDir", "target/screenshots"));
    Files.createDirectories(dir);
    Path png = dir.resolve(name);
    ImageIO.write(image, "png", png.toFile());
    String docs = System.getProperty("kubereplay.test.docsScreenshotDir");
    if (docs != null && !docs.isBlank()) {
      Path docsDir = Files.createDirectories(Path.of(docs));
      Files.copy(png, docsDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    return png;
  }

  private static void flushEdt() throws Exception {
    SwingUtilities.invokeAndWait(() -> {});
  }

  private static <T> T onEdt(Supplier<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    SwingUtilities.invokeAndWait(() -> result.complete(work.get()));
    return result.get();
  }
}
