package dev.kubereplay.intellij.cluster.panel;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.tree.TreePath;

/** A plain JTree does not select on a right click; the context menu acts on the selection. */
final class SelectOnRightClick extends MouseAdapter {

  private final JTree tree;

  SelectOnRightClick(JTree tree) {
    this.tree = tree;
  }

  @Override
  public void mousePressed(MouseEvent event) {
    select(event);
  }

  @Override
  public void mouseReleased(MouseEvent event) {
    select(event);
  }

  private void select(MouseEvent event) {
    if (event.isPopupTrigger() || SwingUtilities.isRightMouseButton(event)) {
      TreePath path = tree.getPathForLocation(event.getX(), event.getY());
      if (path != null) {
        tree.setSelectionPath(path);
      }
    }
  }
}
