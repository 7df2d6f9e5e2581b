package dev.kubereplay.intellij.cluster.panel;

import dev.kubereplay.intellij.cluster.tree.Mark;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import javax.swing.Icon;

/** The small painted marks in front of tree rows, so the view needs no image resources. */
final class StatusIcon implements Icon {

  static final int SIZE = 14;

  private final Mark mark;
  private final Color color;
  private final boolean faded;

  StatusIcon(Mark mark, Color color, boolean faded) {
    this.mark = mark;
    this.color = color;
    this.faded = faded;
  }

  Mark mark() {
    return mark;
  }

  Color color() {
    return color;
  }

  @Override
  public void paintIcon(Component c, Graphics g, int x, int y) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      if (faded) {
        g2.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
      }
      g2.translate(x, y);
      g2.setColor(color);
      g2.setStroke(new BasicStroke(1.5f));
      paint(g2);
    } finally {
      g2.dispose();
    }
  }

  private void paint(Graphics2D g) {
    switch (mark) {
      case DOT -> g.fillOval(3, 3, 8, 8);
      case RING -> g.drawOval(3, 3, 8, 8);
      case SQUARE -> {
        g.fillRoundRect(3, 3, 8, 8, 3, 3);
      }
      case FOLDER -> {
        g.fillRoundRect(1, 3, 6, 3, 2, 2);
        g.fillRoundRect(1, 4, 12, 8, 3, 3);
      }
      case WORKLOAD -> g.fillOval(2, 2, 10, 10);
      case KEY -> {
        g.drawOval(2, 4, 5, 5);
        g.drawLine(7, 7, 12, 7);
        g.drawLine(10, 7, 10, 10);
      }
      case SERVICE ->
          g.fillPolygon(new Polygon(new int[] {7, 12, 7, 2}, new int[] {2, 7, 12, 7}, 4));
      case TRIANGLE -> {
        g.fillPolygon(new Polygon(new int[] {7, 13, 1}, new int[] {1, 12, 12}, 3));
        g.setColor(Color.WHITE);
        g.fillRect(6, 4, 2, 5);
        g.fillRect(6, 10, 2, 1);
      }
      case REPLAY -> g.fillPolygon(new Polygon(new int[] {3, 12, 3}, new int[] {2, 7, 12}, 3));
      case CONFIG -> {
        g.drawOval(3, 3, 8, 8);
        g.fillOval(5, 5, 4, 4);
      }
      case ERROR -> {
        g.fillOval(1, 1, 12, 12);
        g.setColor(Color.WHITE);
        g.fillRect(6, 3, 2, 6);
        g.fillRect(6, 10, 2, 2);
      }
      case NONE -> {}
    }
  }

  @Override
  public int getIconWidth() {
    return SIZE;
  }

  @Override
  public int getIconHeight() {
    return SIZE;
  }
}
