package dev.kubereplay.intellij.cluster;

import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import javax.swing.tree.DefaultMutableTreeNode;

/** Builds the tree that shows a {@link ContextsState}. Pure: safe to call off the UI thread. */
final class ContextsTree {

  static final String TITLE = "Kube contexts";

  private ContextsTree() {}

  static DefaultMutableTreeNode build(ContextsState state) {
    if (state instanceof ContextsState.Loaded loaded) {
      return loaded(loaded.response());
    }
    DefaultMutableTreeNode root = node(new ContextsNode.Root(TITLE, ""));
    if (state instanceof ContextsState.RequestFailed failed) {
      root.add(node(new ContextsNode.Error(titleOf(failed.code()), failed.message())));
    } else if (state instanceof ContextsState.ServerUnavailable unavailable) {
      root.add(node(new ContextsNode.Error("Server not running", unavailable.exit().reason())));
    } else {
      root.add(node(new ContextsNode.Message("Starting the kubereplay server…")));
    }
    return root;
  }

  private static DefaultMutableTreeNode loaded(ListContextsResponse response) {
    String files = String.join(", ", response.kubeconfigFiles());
    DefaultMutableTreeNode root = node(new ContextsNode.Root(TITLE, files));
    for (KubeContextDto context : response.contexts()) {
      root.add(node(new ContextsNode.Context(context)));
    }
    if (response.contexts().isEmpty()) {
      root.add(
          node(
              new ContextsNode.Message(
                  files.isEmpty() ? "No contexts" : "No contexts in " + files)));
    }
    return root;
  }

  static String titleOf(ErrorCode code) {
    return switch (code) {
      case KUBECONFIG_NOT_FOUND -> "No kubeconfig found";
      case KUBECONFIG_UNREADABLE -> "Cannot read the kubeconfig";
      case KUBECONFIG_MALFORMED -> "Malformed kubeconfig";
      default -> "Cannot list the contexts";
    };
  }

  private static DefaultMutableTreeNode node(ContextsNode value) {
    return new DefaultMutableTreeNode(value);
  }
}
