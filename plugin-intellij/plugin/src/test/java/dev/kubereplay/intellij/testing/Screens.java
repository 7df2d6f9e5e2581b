package dev.kubereplay.intellij.testing;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

/** Panels painted headless into images, saved as PNGs, and looked at pixel by pixel. */
public final class Screens {

  private Screens() {}

  /** Paints a component at the given size, as a window of that size would show it. */
  public static BufferedImage paint(JComponent component, int width, int height) {
    component.setSize(width, height);
    // Wrapped text knows its height only once it has a width: a shown window lays out again when
    // it learns it (revalidate), a headless one needs the second pass done here.
    layOut(component);
    layOut(component);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(component.getBackground());
    g.fillRect(0, 0, width, height);
    component.printAll(g);
    g.dispose();
    return image;
  }

  /** Headless components have no peer, so validate() does nothing: lay out by hand. */
  public static void layOut(Component component) {
    if (component instanceof Container container) {
      container.doLayout();
      for (Component child : container.getComponents()) {
        layOut(child);
      }
    }
  }

  /** Writes target/screenshots/NAME and, when the build says where, the docs copy. */
  public static Path save(BufferedImage image, String name) throws Exception {
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

  /** Pixels clearly darker than the background: text and icons. */
  public static int ink(BufferedImage image, Rectangle area) {
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

  /** Pixels close to {@code color}: a painted mark, coloured text. */
  public static int pixelsNear(BufferedImage image, Rectangle area, Color color, int tolerance) {
    int count = 0;
    for (int y = Math.max(0, area.y); y < Math.min(area.y + area.height, image.getHeight()); y++) {
      for (int x = Math.max(0, area.x); x < Math.min(area.x + area.width, image.getWidth()); x++) {
        Color c = new Color(image.getRGB(x, y));
        if (Math.abs(c.getRed() - color.getRed()) <= tolerance
            && Math.abs(c.getGreen() - color.getGreen()) <= tolerance
            && Math.abs(c.getBlue() - color.getBlue()) <= tolerance) {
          count++;
        }
      }
    }
    return count;
  }

  public static int distinctColors(BufferedImage image, Rectangle area) {
    Set<Integer> colors = new HashSet<>();
    for (int y = area.y; y < Math.min(area.y + area.height, image.getHeight()); y++) {
      for (int x = area.x; x < Math.min(area.x + area.width, image.getWidth()); x++) {
        colors.add(image.getRGB(x, y));
      }
    }
    return colors.size();
  }

  public static void flushEdt() throws Exception {
    SwingUtilities.invokeAndWait(() -> {});
  }

  public static <T> T onEdt(Supplier<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    SwingUtilities.invokeAndWait(() -> result.complete(work.get()));
    return result.get();
  }

  public static void runOnEdt(Runnable work) throws Exception {
    SwingUtilities.invokeAndWait(work);
  }
}
