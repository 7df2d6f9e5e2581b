package dev.kubereplay.intellij.recordings.panel;

import dev.kubereplay.intellij.recordings.RecordingsModel;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.ActionEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTree;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;
import javax.swing.event.TreeExpansionEvent;
import javax.swing.event.TreeExpansionListener;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;

/**
 * The Recordings tab in plain Swing: the snapshot tree beside the selected pair's document (an
 * endpoint's: its latency chart above its numbers), the running import (progress, Cancel) or its
 * report, the running export (Cancel), running mocks and their log under the tree, and a status
 * line. Shows {@link RecordingsModel}; decides nothing itself.
 */
public final class RecordingsPanel extends JPanel {

  private final RecordingsModel model;
  private final Runnable listener = () -> SwingUtilities.invokeLater(this::update);
  private final DefaultTreeModel treeModel = new DefaultTreeModel(new DefaultMutableTreeNode(null));
  private final JTree tree = new JTree(treeModel);
  private final JTextArea document = new JTextArea();
  private final LatencyChart chart = new LatencyChart();
  private final JScrollPane detail = new JScrollPane(document);
  private final RunningBars bars;
  private final JLabel status = new JLabel(" ");
  private final JPanel north = new JPanel(new BorderLayout());
  private final MocksPanel mocks;
  private boolean updating;
  // What the user opened, kept across rebuilds: a row that is briefly absent while its parent
  // loads again (after a refresh) opens again when it comes back.
  private final Set<String> wantExpanded = new HashSet<>();

  public RecordingsPanel(RecordingsModel model) {
    super(new BorderLayout());
    this.model = model;

    tree.setRootVisible(false);
    tree.setShowsRootHandles(true);
    tree.setCellRenderer(new RecordingRenderer());
    tree.addTreeExpansionListener(
        new TreeExpansionListener() {
          @Override
          public void treeExpanded(TreeExpansionEvent event) {
            RecordingNode node = node(event.getPath());
            if (node != null && !updating) {
              wantExpanded.add(node.key());
              open(node);
            }
          }

          @Override
          public void treeCollapsed(TreeExpansionEvent event) {
            RecordingNode node = node(event.getPath());
            if (node != null && !updating) {
              wantExpanded.remove(node.key());
            }
          }
        });
    tree.addTreeSelectionListener(
        event -> {
          if (!updating) {
            RecordingNode node = selectedNode();
            model.select(node);
            if (node != null) {
              open(node);
            }
          }
        });

    ToolTipManager.sharedInstance().registerComponent(tree);
    tree.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mouseClicked(MouseEvent event) {
            if (event.getClickCount() == 2 && SwingUtilities.isLeftMouseButton(event)) {
              TreePath path = tree.getPathForLocation(event.getX(), event.getY());
              if (path != null) {
                activate(node(path));
              }
            }
          }
        });
    tree.getInputMap(JComponent.WHEN_FOCUSED)
        .put(KeyStroke.getKeyStroke("ENTER"), "kubereplay.activate");
    tree.getActionMap()
        .put(
            "kubereplay.activate",
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent event) {
                TreePath path = tree.getSelectionPath();
                if (path == null) {
                  return;
                }
                RecordingNode node = node(path);
                if (node != null && node.kind() == RecordingNode.Kind.LOAD_MORE) {
                  activate(node);
                } else if (tree.isExpanded(path)) {
                  tree.collapsePath(path);
                } else {
                  tree.expandPath(path);
                }
              }
            });

    document.setEditable(false);
    document.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    document.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    // Beside the tree: a selected endpoint's latency chart above the document, in its frame; the
    // chart stays in place while the text scrolls.
    chart.setBorder(BorderFactory.createMatteBorder(0, 0, 1, 0, RecordingColors.MUTED));
    detail.setColumnHeaderView(chart);
    // Under the tree: running mocks and their log, whose rows open pairs in the pane beside.
    mocks = new MocksPanel(model);
    JPanel left = new JPanel(new BorderLayout());
    left.add(new JScrollPane(tree), BorderLayout.CENTER);
    left.add(mocks, BorderLayout.SOUTH);
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, detail);
    split.setResizeWeight(0.5);
    split.setBorder(null);

    bars = new RunningBars(model);
    north.add(bars, BorderLayout.SOUTH);
    status.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
    add(north, BorderLayout.NORTH);
    add(split, BorderLayout.CENTER);
    add(status, BorderLayout.SOUTH);
    setPreferredSize(new Dimension(900, 500));

    model.addListener(listener);
    update();
  }

  /** The IDE's toolbar goes above the tree. */
  public void setToolbar(JComponent toolbar) {
    north.add(toolbar, BorderLayout.NORTH);
  }

  public JTree tree() {
    return tree;
  }

  public JTextArea documentArea() {
    return document;
  }

  public LatencyChart latencyChart() {
    return chart;
  }

  public JButton cancelButton() {
    return bars.cancel;
  }

  public JLabel importStatus() {
    return bars.importStatus;
  }

  public JTextArea reportArea() {
    return bars.report;
  }

  public JLabel exportStatus() {
    return bars.exportStatus;
  }

  public JButton exportCancelButton() {
    return bars.exportCancel;
  }

  public JLabel recordingStatus() {
    return bars.recordingStatus;
  }

  public JButton stopRecordingButton() {
    return bars.stopRecording;
  }

  /** Running mocks, their environment and their log. */
  public MocksPanel mocksPanel() {
    return mocks;
  }

  public JLabel statusLine() {
    return status;
  }

  public RecordingNode selectedNode() {
    TreePath path = tree.getSelectionPath();
    return path == null ? null : node(path);
  }

  public void dispose() {
    model.removeListener(listener);
  }

  /** Double-click or Enter: a "Load more" row loads the next page. */
  void activate(RecordingNode node) {
    if (node != null && node.kind() == RecordingNode.Kind.LOAD_MORE) {
      model.loadMore(node.snapshotId(), node.host(), node.method(), node.pathTemplate());
    }
  }

  private void open(RecordingNode node) {
    switch (node.kind()) {
      case SNAPSHOT -> model.openSnapshot(node.snapshotId());
      case ENDPOINT ->
          model.openEndpoint(node.snapshotId(), node.host(), node.method(), node.pathTemplate());
      default -> {}
    }
  }

  /** Shows the model as it is now, keeping expansion and selection. */
  public void update() {
    java.util.List<RecordingNode> reopened = new java.util.ArrayList<>();
    updating = true;
    try {
      Set<String> expanded = new HashSet<>(wantExpanded);
      Enumeration<TreePath> open = tree.getExpandedDescendants(new TreePath(treeModel.getRoot()));
      if (open != null) {
        while (open.hasMoreElements()) {
          RecordingNode node = node(open.nextElement());
          if (node != null) {
            expanded.add(node.key());
          }
        }
      }
      RecordingNode selected = selectedNode();
      DefaultMutableTreeNode root = build(model.tree());
      treeModel.setRoot(root);
      restore(root, expanded, selected == null ? null : selected.key(), reopened);

      document.setText(model.document());
      document.setCaretPosition(0);
      chart.setBackground(
          document.getBackground()); // the text's colours, also after a theme change
      chart.setForeground(document.getForeground());
      chart.setEndpoint(model.selectedEndpoint());
      detail.getColumnHeader().setVisible(chart.isVisible()); // else its room stays, blank
      bars.update(model);
      RecordingNode now = selectedNode();
      mocks.update(now == null ? null : now.snapshotId());
      status.setText(model.status().isEmpty() ? " " : model.status());
      status.setForeground(
          model.status().startsWith("Could not") ? RecordingColors.ALERT : getForeground());
      revalidate();
      repaint();
    } finally {
      updating = false;
    }
    // Rows expanded again after a refresh ask again for what they show (no-op when known).
    reopened.forEach(this::open);
  }

  private void restore(
      DefaultMutableTreeNode root,
      Set<String> expanded,
      String selected,
      java.util.List<RecordingNode> reopened) {
    Enumeration<?> all = root.preorderEnumeration();
    while (all.hasMoreElements()) {
      DefaultMutableTreeNode n = (DefaultMutableTreeNode) all.nextElement();
      if (n.getUserObject() instanceof RecordingNode node) {
        TreePath path = new TreePath(n.getPath());
        TreePath parent = path.getParentPath();
        boolean parentOpen =
            parent == null || parent.getPathCount() == 1 || tree.isExpanded(parent);
        if (expanded.contains(node.key()) && parentOpen) {
          tree.expandPath(path);
          reopened.add(node);
        }
        if (node.key().equals(selected)) {
          tree.setSelectionPath(path);
        }
      }
    }
  }

  private static DefaultMutableTreeNode build(RecordingNode node) {
    DefaultMutableTreeNode n = new DefaultMutableTreeNode(node);
    for (RecordingNode child : node.children()) {
      n.add(build(child));
    }
    return n;
  }

  private static RecordingNode node(TreePath path) {
    Object last = path.getLastPathComponent();
    return last instanceof DefaultMutableTreeNode n && n.getUserObject() instanceof RecordingNode r
        ? r
        : null;
  }
}
