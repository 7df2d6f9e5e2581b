package dev.kubereplay.intellij.cluster;

import dev.kubereplay.intellij.rpc.ServerExit;
import java.awt.BorderLayout;
import java.awt.Color;
import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;

/**
 * The contexts tree and, under it, a status line that explains a failure in full. It listens to a
 * {@link ContextsModel}: each new state is turned into tree nodes on the model's thread, and only
 * the finished tree is handed to the UI thread.
 */
public final class ContextsPanel extends JPanel implements ContextsModel.Listener {

  private static final int STDERR_LINES_SHOWN = 8;

  private final ContextsModel model;
  private final DefaultTreeModel treeModel = new DefaultTreeModel(new DefaultMutableTreeNode());
  private final JTree tree = new JTree(treeModel);
  private final ContextsTreeRenderer renderer = new ContextsTreeRenderer();
  private final JTextArea status = new JTextArea();

  public ContextsPanel(ContextsModel model) {
    super(new BorderLayout());
    this.model = model;
    tree.setCellRenderer(renderer);
    tree.setRootVisible(true);
    tree.setShowsRootHandles(true);
    tree.setRowHeight(0); // each row as tall as its renderer
    ToolTipManager.sharedInstance().registerComponent(tree);
    add(new JScrollPane(tree), BorderLayout.CENTER);

    status.setEditable(false);
    status.setLineWrap(true);
    status.setWrapStyleWord(true);
    status.setForeground(new Color(0xB3261E));
    status.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createMatteBorder(1, 0, 0, 0, Color.GRAY),
            BorderFactory.createEmptyBorder(4, 6, 4, 6)));
    status.setVisible(false);
    add(status, BorderLayout.SOUTH);

    model.addListener(this);
  }

  /** Stops listening; call when the panel is thrown away. */
  public void dispose() {
    model.removeListener(this);
  }

  @Override
  public void contextsChanged(ContextsState state) {
    DefaultMutableTreeNode root = ContextsTree.build(state);
    String statusText = statusText(state);
    SwingUtilities.invokeLater(() -> show(root, statusText));
  }

  /**
   * The status line's text, or null when there is nothing to explain: the whole of a failure,
   * wrapped, since its tree row is one line that a narrow tool window cuts.
   */
  static String statusText(ContextsState state) {
    if (state instanceof ContextsState.RequestFailed failed) {
      return ContextsTree.titleOf(failed.code()) + ":\n" + failed.message();
    }
    if (!(state instanceof ContextsState.ServerUnavailable unavailable)) {
      return null;
    }
    ServerExit exit = unavailable.exit();
    StringBuilder text = new StringBuilder(exit.reason());
    var tail = exit.stderrTail();
    if (!tail.isEmpty()) {
      text.append("\nLast lines on its stderr:");
      for (String line : tail.subList(Math.max(0, tail.size() - STDERR_LINES_SHOWN), tail.size())) {
        text.append("\n  ").append(line);
      }
    }
    return text.append("\nRefresh to start it again.").toString();
  }

  private void show(DefaultMutableTreeNode root, String statusText) {
    treeModel.setRoot(root);
    for (int row = 0; row < tree.getRowCount(); row++) {
      tree.expandRow(row);
    }
    status.setText(statusText != null ? statusText : "");
    status.setVisible(statusText != null);
    revalidate();
    repaint();
  }

  JTree tree() {
    return tree;
  }

  ContextsTreeRenderer renderer() {
    return renderer;
  }

  JTextArea status() {
    return status;
  }
}
