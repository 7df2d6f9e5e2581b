package dev.kubereplay.intellij.recordings.panel;

import dev.kubereplay.intellij.cluster.tree.Tone;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import dev.kubereplay.intellij.recordings.tree.Sparkline;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.Icon;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeCellRenderer;

/**
 * A Recordings row: the name, a snapshot's state word in its colour, then the detail in grey (an
 * endpoint's latency sparkline in blue); pairs in their status's colour with a dot; a snapshot
 * being recorded with a red dot, an interrupted one with an amber warning sign, one whose mocks run
 * with a green triangle and where they listen.
 */
final class RecordingRenderer extends DefaultTreeCellRenderer {

  @Override
  public Component getTreeCellRendererComponent(
      JTree tree,
      Object value,
      boolean selected,
      boolean expanded,
      boolean leaf,
      int row,
      boolean hasFocus) {
    super.getTreeCellRendererComponent(tree, value, selected, expanded, leaf, row, hasFocus);
    RecordingNode node =
        value instanceof DefaultMutableTreeNode n && n.getUserObject() instanceof RecordingNode r
            ? r
            : null;
    if (node == null) {
      return this;
    }
    Color tone = RecordingColors.color(node.tone());
    boolean snapshot = node.kind() == RecordingNode.Kind.SNAPSHOT;
    String main = html(node.text());
    if (snapshot) {
      main = "<b>" + main + "</b>"; // its tone is its state's: on the mark, not the name
    } else if (tone != null && !selected) {
      main = "<font color='" + hex(tone) + "'>" + main + "</font>";
    }
    String mark =
        node.mark().isEmpty()
            ? ""
            : "&nbsp;&nbsp;"
                + (tone == null || selected
                    ? html(node.mark())
                    : "<font color='" + hex(tone) + "'>" + html(node.mark()) + "</font>");
    String mocks =
        node.mocks().isEmpty()
            ? ""
            : "&nbsp;&nbsp;"
                + (selected
                    ? html(node.mocks())
                    : "<font color='"
                        + hex(RecordingColors.OK)
                        + "'>"
                        + html(node.mocks())
                        + "</font>");
    String detail = detail(node.detail(), selected);
    setText("<html>" + main + mark + mocks + detail + "</html>");
    setToolTipText(node.hint());
    switch (node.kind()) {
      case PAIR, MESSAGE -> setIcon(tone == null ? null : new Dot(tone));
      case LOAD_MORE -> setIcon(null);
      case SNAPSHOT -> {
        if (node.tone() == Tone.ALERT) {
          setIcon(new Dot(RecordingColors.ALERT_RECORDING));
        } else if (node.tone() == Tone.CAUTION) {
          setIcon(new Caution(RecordingColors.CAUTION));
        } else if (!node.mocks().isEmpty()) {
          setIcon(new Serving(RecordingColors.OK));
        }
      }
      default -> {}
    }
    return this;
  }

  /**
   * The detail in grey; an endpoint's sparkline at its end in the chart's blue, in a monospaced
   * face so that a blank (an empty bucket) is as wide as a bar.
   */
  private static String detail(String detail, boolean selected) {
    if (detail.isEmpty()) {
      return "";
    }
    String grey = "<font color='" + hex(RecordingColors.MUTED) + "'>";
    int cut = detail.lastIndexOf(" · ");
    String sparkline = cut < 0 ? "" : detail.substring(cut + 3);
    if (!Sparkline.is(sparkline)) {
      return "&nbsp;&nbsp;" + grey + html(detail) + "</font>";
    }
    return "&nbsp;&nbsp;"
        + grey
        + html(detail.substring(0, cut + 3))
        + "</font><font face='Monospaced'"
        + (selected ? "" : " color='" + hex(LatencyChart.BAR) + "'")
        + ">"
        + sparkline.replace(" ", "&nbsp;")
        + "</font>";
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String hex(Color c) {
    return String.format("#%06x", c.getRGB() & 0xffffff);
  }

  /** A warning triangle with an exclamation mark. */
  private record Caution(Color color) implements Icon {
    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
      Graphics2D g2 = (Graphics2D) g.create();
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setColor(color);
      g2.fillPolygon(new int[] {x + 6, x + 12, x}, new int[] {y + 1, y + 12, y + 12}, 3);
      g2.setColor(Color.WHITE);
      g2.fillRect(x + 5, y + 4, 2, 5);
      g2.fillRect(x + 5, y + 10, 2, 1);
      g2.dispose();
    }

    @Override
    public int getIconWidth() {
      return 13;
    }

    @Override
    public int getIconHeight() {
      return 13;
    }
  }

  /** A "play" triangle: the snapshot's mocks are answering. */
  record Serving(Color color) implements Icon {
    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
      Graphics2D g2 = (Graphics2D) g.create();
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setColor(color);
      g2.fillPolygon(new int[] {x + 2, x + 12, x + 2}, new int[] {y + 1, y + 6, y + 12}, 3);
      g2.dispose();
    }

    @Override
    public int getIconWidth() {
      return 13;
    }

    @Override
    public int getIconHeight() {
      return 13;
    }
  }

  /** A filled circle in a tone's colour. */
  private record Dot(Color color) implements Icon {
    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
      Graphics2D g2 = (Graphics2D) g.create();
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setColor(color);
      g2.fillOval(x + 2, y + 2, 9, 9);
      g2.dispose();
    }

    @Override
    public int getIconWidth() {
      return 13;
    }

    @Override
    public int getIconHeight() {
      return 13;
    }
  }
}
