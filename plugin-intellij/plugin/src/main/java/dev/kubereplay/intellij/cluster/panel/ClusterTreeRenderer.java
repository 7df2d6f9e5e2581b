package dev.kubereplay.intellij.cluster.panel;

import dev.kubereplay.intellij.cluster.tree.ClusterNode;
import dev.kubereplay.intellij.cluster.tree.Mark;
import dev.kubereplay.intellij.cluster.tree.NodeText;
import dev.kubereplay.intellij.cluster.tree.Presentation;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTree;
import javax.swing.UIManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeCellRenderer;

/**
 * One row: a painted mark and a name, then the detail in grey. Alerts and warnings have red names;
 * stale rows are greyed.
 */
final class ClusterTreeRenderer implements TreeCellRenderer {

  private final JPanel row =
      new JPanel() {
        @Override
        public void setBounds(int x, int y, int width, int height) {
          super.setBounds(x, y, width, height);
          doLayout(); // also without a peer (headless painting), where validate() does nothing
        }
      };
  final JLabel name = new JLabel();
  final JLabel detail = new JLabel();

  ClusterTreeRenderer() {
    row.setLayout(new BorderLayout()); // no cached sizes: the same panel renders every row
    row.setBorder(BorderFactory.createEmptyBorder(1, 2, 1, 4));
    name.setIconTextGap(4);
    detail.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 0));
    row.add(name, BorderLayout.WEST);
    row.add(detail, BorderLayout.CENTER);
  }

  @Override
  public Component getTreeCellRendererComponent(
      JTree tree,
      Object value,
      boolean selected,
      boolean expanded,
      boolean leaf,
      int rowIndex,
      boolean hasFocus) {
    Object node = value instanceof DefaultMutableTreeNode n ? n.getUserObject() : value;
    if (!(node instanceof ClusterNode clusterNode)) {
      name.setIcon(null);
      name.setText("");
      detail.setText("");
      return row;
    }
    Presentation look = NodeText.of(clusterNode);
    Font font = tree.getFont();
    int style = (look.bold() ? Font.BOLD : 0) | (look.italic() ? Font.ITALIC : 0);
    Color normal = tree.getForeground();
    Color selectedText = color("Tree.selectionForeground", normal);
    Color nameColor = look.alertText() ? Colors.ALERT_TEXT : normal;
    if (look.stale()) {
      nameColor = Colors.secondary(normal);
    }
    row.setOpaque(selected);
    row.setBackground(color("Tree.selectionBackground", tree.getBackground()));
    name.setFont(font.deriveFont(style));
    name.setForeground(selected ? selectedText : nameColor);
    name.setText(look.text());
    name.setIcon(
        look.mark() == Mark.NONE
            ? null
            : new StatusIcon(look.mark(), Colors.mark(look.tone()), look.stale()));
    detail.setFont(font);
    detail.setForeground(selected ? selectedText : Colors.secondary(normal));
    detail.setText(look.detail());
    detail.setVisible(!look.detail().isEmpty());
    row.setToolTipText(look.tooltip());
    return row;
  }

  private static Color color(String key, Color fallback) {
    Color color = UIManager.getColor(key);
    return color != null ? color : fallback;
  }
}
