package dev.kubereplay.intellij.cluster.panel;

import dev.kubereplay.intellij.cluster.tree.ClusterNode;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;

/** A tree's expansion and selection by node key, so they survive a rebuilt tree. UI thread. */
final class TreeKeys {

  private TreeKeys() {}

  /** The keys of the expanded nodes that can be seen. */
  static Set<String> expanded(JTree tree) {
    Set<String> keys = new HashSet<>();
    var expanded = tree.getExpandedDescendants(new TreePath(tree.getModel().getRoot()));
    if (expanded != null) {
      for (TreePath path : Collections.list(expanded)) {
        ClusterNode node = nodeOf(path);
        if (node != null) {
          keys.add(node.key());
        }
      }
    }
    return keys;
  }

  /** The selected node's key, then its ancestors' keys: where to go when it is gone. */
  static Deque<String> selected(JTree tree) {
    Deque<String> keys = new ArrayDeque<>();
    TreePath path = tree.getSelectionPath();
    while (path != null) {
      ClusterNode node = nodeOf(path);
      if (node != null) {
        keys.addLast(node.key());
      }
      path = path.getParentPath();
    }
    return keys;
  }

  /** Every node's path, by key. */
  static Map<String, TreePath> paths(JTree tree) {
    Map<String, TreePath> paths = new HashMap<>();
    DefaultMutableTreeNode root = (DefaultMutableTreeNode) tree.getModel().getRoot();
    var nodes = root.breadthFirstEnumeration();
    while (nodes.hasMoreElements()) {
      DefaultMutableTreeNode node = (DefaultMutableTreeNode) nodes.nextElement();
      if (node.getUserObject() instanceof ClusterNode value) {
        paths.put(value.key(), new TreePath(node.getPath()));
      }
    }
    return paths;
  }

  /**
   * Expands the nodes whose keys are in {@code keys}, parents first, and only where the parent is
   * open: a node the user closed keeps its open children closed with it.
   */
  static void expand(JTree tree, Set<String> keys) {
    DefaultMutableTreeNode root = (DefaultMutableTreeNode) tree.getModel().getRoot();
    var nodes = root.preorderEnumeration();
    while (nodes.hasMoreElements()) {
      DefaultMutableTreeNode node = (DefaultMutableTreeNode) nodes.nextElement();
      if (node.getUserObject() instanceof ClusterNode value && keys.contains(value.key())) {
        TreePath path = new TreePath(node.getPath());
        TreePath parent = path.getParentPath();
        if (parent == null || tree.isExpanded(parent)) {
          tree.expandPath(path);
        }
      }
    }
  }

  static ClusterNode nodeOf(TreePath path) {
    Object last = path.getLastPathComponent();
    return last instanceof DefaultMutableTreeNode node
            && node.getUserObject() instanceof ClusterNode value
        ? value
        : null;
  }
}
