package dev.kubereplay.intellij.cluster;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.Icon;

/** Small painted marks for the tree rows, so the view needs no image resources. */
enum StatusIcon implements Icon {
  /** The kubeconfig's current context: a filled green dot. */
  CURRENT(new Color(0x3FA34D), true),
  /** Any other context: a hollow grey ring. */
  CONTEXT(new Color(0x8C8C8C), false),
  /** A failure: a filled red dot. */
  ERROR(new Color(0xD64541), true),
  /** The root: a filled blue dot. */
  ROOT(new Color(0x3574F0), true);

  private static final int SIZE = 12;

  private final Color color;
  private final boolean filled;

  StatusIcon(Color color, boolean filled) {
    this.color = color;
    this.filled = filled;
  }

  @Override
  public void paintIcon(Component c, Graphics g, int x, int y) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setColor(color);
      if (filled) {
        g2.fillOval(x + 2, y + 2, SIZE - 4, SIZE - 4);
      } else {
        g2.setStroke(new BasicStroke(1.5f));
        g2.drawOval(x + 2, y + 2, SIZE - 5, SIZE - 5);
      }
    } finally {
      g2.dispose();
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
