package dev.kubereplay.intellij.cluster.panel;

import dev.kubereplay.intellij.cluster.ClusterModel;
import dev.kubereplay.intellij.cluster.ClusterState;
import dev.kubereplay.intellij.cluster.ContextsState;
import dev.kubereplay.intellij.cluster.Scope;
import dev.kubereplay.intellij.cluster.Shown;
import dev.kubereplay.intellij.cluster.ViewKind;
import dev.kubereplay.intellij.cluster.actions.ClusterActions;
import dev.kubereplay.intellij.cluster.details.Details;
import dev.kubereplay.intellij.cluster.tree.ClusterNode;
import dev.kubereplay.intellij.cluster.tree.ClusterTree;
import dev.kubereplay.intellij.rpc.ServerExit;
import java.awt.BorderLayout;
import java.awt.Color;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;
import javax.swing.event.TreeExpansionEvent;
import javax.swing.event.TreeExpansionListener;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;

/**
 * The tool window's main tab: the cluster tree, the details table of the selected node under it,
 * and a status line. It listens to a {@link ClusterModel}: each state becomes tree nodes on the
 * model's thread; the UI thread only swaps the finished tree in, keeping expansion and selection by
 * node key. After every expansion, selection and rebuild it tells the model what is {@link Shown}.
 */
public final class ClusterPanel extends JPanel
    implements ClusterModel.Listener, ClusterActions.View {

  private static final int STDERR_LINES_SHOWN = 8;
  private static final Color ERROR_COLOR = new Color(0xB3261E);

  private final ClusterModel model;
  private final DefaultTreeModel treeModel = new DefaultTreeModel(new DefaultMutableTreeNode());
  private final JTree tree = new JTree(treeModel);
  private final ClusterTreeRenderer renderer = new ClusterTreeRenderer();
  private final DetailsView details = new DetailsView();
  private final JSplitPane split;
  private final JTextArea status = new JTextArea();

  // The UI thread's.
  private ClusterState state = ClusterState.initial();
  private boolean restoring;
  private boolean currentContextExpanded;
  // What the user opened and has not closed: opened again when it comes back after a rebuild
  // that lacked it (e.g. a restarted server's namespaces still loading).
  private final Set<String> wantExpanded = new HashSet<>();
  private Scope focus;
  private String pendingReveal;
  private Shown reported;
  private String actionStatus;
  private boolean actionError;

  public ClusterPanel(ClusterModel model) {
    super(new BorderLayout());
    this.model = model;
    tree.setCellRenderer(renderer);
    tree.setRootVisible(true);
    tree.setShowsRootHandles(true);
    tree.setRowHeight(0); // each row as tall as its renderer
    ToolTipManager.sharedInstance().registerComponent(tree);
    tree.addTreeExpansionListener(
        new TreeExpansionListener() {
          @Override
          public void treeExpanded(TreeExpansionEvent event) {
            if (!restoring) {
              ClusterNode node = TreeKeys.nodeOf(event.getPath());
              if (node != null) {
                wantExpanded.add(node.key());
              }
              focusOn(node);
              reportShown();
            }
          }

          @Override
          public void treeCollapsed(TreeExpansionEvent event) {
            if (!restoring) {
              ClusterNode node = TreeKeys.nodeOf(event.getPath());
              if (node != null) {
                wantExpanded.remove(node.key());
              }
              reportShown();
            }
          }
        });
    tree.addTreeSelectionListener(
        event -> {
          if (!restoring) {
            focusOn(selectedNode());
            reportShown();
          }
          showDetails();
        });
    tree.addMouseListener(new SelectOnRightClick(tree));

    split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(tree), details);
    split.setResizeWeight(0.55);
    split.setBorder(null);
    add(split, BorderLayout.CENTER);

    status.setEditable(false);
    status.setLineWrap(true);
    status.setWrapStyleWord(true);
    status.setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createMatteBorder(1, 0, 0, 0, Color.GRAY),
            BorderFactory.createEmptyBorder(4, 6, 4, 6)));
    status.setVisible(false);
    add(status, BorderLayout.SOUTH);

    model.addListener(this);
  }

  /** The toolbar (IntelliJ's, built from the same action group as the context menu). */
  public void setToolbar(JComponent toolbar) {
    add(toolbar, BorderLayout.NORTH);
  }

  /** Stops listening; call when the panel is thrown away. */
  public void dispose() {
    model.removeListener(this);
  }

  /** The selected node, or null. UI thread. */
  public ClusterNode selectedNode() {
    TreePath path = tree.getSelectionPath();
    return path == null ? null : TreeKeys.nodeOf(path);
  }

  public JTree tree() {
    return tree;
  }

  @Override
  public void clusterChanged(ClusterState next) {
    DefaultMutableTreeNode root = ClusterTree.build(next);
    SwingUtilities.invokeLater(() -> apply(next, root));
  }

  @Override
  public void reveal(String key) {
    onUiThread(
        () -> {
          if (!revealNow(key)) {
            pendingReveal = key; // shown once a later tree has it
          }
        });
  }

  @Override
  public void showStatus(String message, boolean error) {
    onUiThread(
        () -> {
          actionStatus = message;
          actionError = error;
          showStatusLine();
        });
  }

  private void apply(ClusterState next, DefaultMutableTreeNode root) {
    Set<String> expanded = TreeKeys.expanded(tree);
    expanded.addAll(wantExpanded);
    Deque<String> selected = TreeKeys.selected(tree);
    restoring = true;
    try {
      treeModel.setRoot(root);
      Map<String, TreePath> paths = TreeKeys.paths(tree);
      tree.expandPath(new TreePath(root));
      if (!currentContextExpanded && next.contexts() instanceof ContextsState.Loaded) {
        currentContextExpanded = true;
        next.contextList().stream()
            .filter(c -> c.current())
            .findFirst()
            .map(c -> ClusterNode.Context.keyOf(c.name()))
            .ifPresent(
                key -> {
                  expanded.add(key);
                  wantExpanded.add(key);
                });
      }
      TreeKeys.expand(tree, expanded);
      // The selected node, or the nearest ancestor that is still there.
      for (String key : selected) {
        TreePath path = paths.get(key);
        if (path != null) {
          tree.setSelectionPath(path);
          break;
        }
      }
    } finally {
      restoring = false;
    }
    state = next;
    if (pendingReveal != null && revealNow(pendingReveal)) {
      pendingReveal = null;
    }
    showDetails();
    showStatusLine();
    reportShown();
  }

  private boolean revealNow(String key) {
    TreePath path = TreeKeys.paths(tree).get(key);
    if (path == null) {
      return false;
    }
    tree.expandPath(path);
    tree.setSelectionPath(path);
    tree.scrollPathToVisible(path);
    return true;
  }

  private void focusOn(ClusterNode node) {
    Scope scope = scopeOf(node);
    if (scope != null) {
      focus = scope;
    }
  }

  private static Scope scopeOf(ClusterNode node) {
    if (node instanceof ClusterNode.Namespace n) {
      return n.scope();
    }
    if (node instanceof ClusterNode.Category c) {
      return c.scope();
    }
    if (node instanceof ClusterNode.Item i) {
      return i.scope();
    }
    return null;
  }

  /** Tells the model what can be seen now, when that changed. */
  private void reportShown() {
    Set<String> contexts = new HashSet<>();
    Set<Scope> namespaces = new HashSet<>();
    Map<Scope, Set<ViewKind>> views = new HashMap<>();
    for (int row = 0; row < tree.getRowCount(); row++) {
      if (!tree.isExpanded(row)) {
        continue;
      }
      ClusterNode node = TreeKeys.nodeOf(tree.getPathForRow(row));
      if (node instanceof ClusterNode.Context c) {
        contexts.add(c.context().name());
      } else if (node instanceof ClusterNode.Namespace n) {
        namespaces.add(n.scope());
      } else if (node instanceof ClusterNode.Category c) {
        views.computeIfAbsent(c.scope(), s -> new HashSet<>()).add(c.kind());
      }
    }
    ClusterNode selected = selectedNode();
    String selectedContext = contextOf(selected);
    Scope selectedScope = scopeOf(selected);
    ViewKind selectedView =
        selected instanceof ClusterNode.Category c
            ? c.kind()
            : selected instanceof ClusterNode.Item i ? i.kind() : null;
    Shown shown =
        new Shown(contexts, namespaces, views, selectedContext, selectedScope, selectedView, focus);
    if (!shown.equals(reported)) {
      reported = shown;
      model.show(shown);
    }
  }

  private static String contextOf(ClusterNode node) {
    if (node instanceof ClusterNode.Context c) {
      return c.context().name();
    }
    Scope scope = scopeOf(node);
    return scope == null ? null : scope.context();
  }

  private void showDetails() {
    details.show(Details.of(state, selectedNode()));
  }

  private void showStatusLine() {
    String server = serverStatus(state.contexts());
    String text = server != null ? server : actionStatus;
    boolean error = server != null || actionError;
    status.setText(text != null ? text : "");
    status.setForeground(error ? ERROR_COLOR : getForeground());
    status.setVisible(text != null);
    revalidate();
    repaint();
  }

  /**
   * The status line's text for the contexts, or null when there is nothing to explain: the whole of
   * a failure, wrapped, since its tree row is one line that a narrow tool window cuts.
   */
  public static String serverStatus(ContextsState contexts) {
    if (contexts instanceof ContextsState.RequestFailed failed) {
      return ClusterTree.contextsTitle(failed.code()) + ":\n" + failed.message();
    }
    if (!(contexts instanceof ContextsState.ServerUnavailable unavailable)) {
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

  private static void onUiThread(Runnable work) {
    if (SwingUtilities.isEventDispatchThread()) {
      work.run();
    } else {
      SwingUtilities.invokeLater(work);
    }
  }

  ClusterTreeRenderer renderer() {
    return renderer;
  }

  DetailsView details() {
    return details;
  }

  JTextArea status() {
    return status;
  }

  JSplitPane split() {
    return split;
  }
}
