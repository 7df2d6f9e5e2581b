package dev.kubereplay.intellij.cluster.tree;

import static dev.kubereplay.intellij.testing.Samples.CONTEXT;
import static dev.kubereplay.intellij.testing.Samples.NAMESPACE;

import dev.kubereplay.intellij.cluster.ClusterState;
import dev.kubereplay.intellij.cluster.ContextsState;
import dev.kubereplay.intellij.cluster.Load;
import dev.kubereplay.intellij.cluster.Scope;
import dev.kubereplay.intellij.cluster.ViewKey;
import dev.kubereplay.intellij.cluster.ViewKind;
import dev.kubereplay.intellij.testing.Samples;
import dev.kubereplay.protocol.cluster.ListNamespacesResponse;
import dev.kubereplay.protocol.cluster.WatchParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.tree.DefaultMutableTreeNode;

/** States and tree walks shared by the tree tests. */
final class TreeStates {

  static final Scope SHOP = new Scope(CONTEXT, NAMESPACE);

  private TreeStates() {}

  static ClusterState state(
      Map<String, Load<ListNamespacesResponse>> namespaces, Map<ViewKind, Load<Object>> views) {
    return stateWith(namespaces, views, null);
  }

  static ClusterState stateWith(
      Map<String, Load<ListNamespacesResponse>> namespaces,
      Map<ViewKind, Load<Object>> views,
      WatchParams watching) {
    Map<ViewKey, Load<Object>> keyed = new HashMap<>();
    views.forEach((kind, load) -> keyed.put(ViewKey.of(SHOP, kind), load));
    return new ClusterState(
        new ContextsState.Loaded(Samples.threeContexts()),
        Map.of(CONTEXT, new Load.Loaded<>(Samples.stagingCluster(), Load.FRESH)),
        namespaces,
        Map.of(),
        Map.of(),
        keyed,
        watching);
  }

  static ClusterState loadedShop(Map<ViewKind, Load<Object>> views) {
    return state(Map.of(CONTEXT, new Load.Loaded<>(Samples.namespaces(), Load.FRESH)), views);
  }

  static ClusterState withContexts(ContextsState contexts) {
    return new ClusterState(contexts, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null);
  }

  static Load<Object> loaded(Object answer) {
    return new Load.Loaded<>(answer, Load.FRESH);
  }

  static ClusterNode.Context context(DefaultMutableTreeNode root) {
    return (ClusterNode.Context) node(root, 1).getUserObject();
  }

  static DefaultMutableTreeNode node(DefaultMutableTreeNode parent, int index) {
    return (DefaultMutableTreeNode) parent.getChildAt(index);
  }

  static DefaultMutableTreeNode shop(DefaultMutableTreeNode root) {
    return node(node(root, 1), 3);
  }

  static DefaultMutableTreeNode view(ClusterState state, int index) {
    return node(shop(ClusterTree.build(state)), index);
  }

  static List<String> details(DefaultMutableTreeNode parent) {
    return children(parent).stream().map(n -> NodeText.of(n).detail()).toList();
  }

  static List<ClusterNode> children(DefaultMutableTreeNode parent) {
    List<ClusterNode> values = new ArrayList<>();
    for (int i = 0; i < parent.getChildCount(); i++) {
      values.add((ClusterNode) ((DefaultMutableTreeNode) parent.getChildAt(i)).getUserObject());
    }
    return values;
  }
}
