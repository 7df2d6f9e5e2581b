package dev.kubereplay.intellij.cluster.tree;

import dev.kubereplay.intellij.cluster.ClusterState;
import dev.kubereplay.intellij.cluster.ContextsState;
import dev.kubereplay.intellij.cluster.Load;
import dev.kubereplay.intellij.cluster.Scope;
import dev.kubereplay.intellij.cluster.ViewKind;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.ConfigurationResponse;
import dev.kubereplay.protocol.cluster.EventDto;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import dev.kubereplay.protocol.cluster.ListEventsResponse;
import dev.kubereplay.protocol.cluster.ListNamespacesResponse;
import dev.kubereplay.protocol.cluster.ListReplaysResponse;
import dev.kubereplay.protocol.cluster.ListSecretsResponse;
import dev.kubereplay.protocol.cluster.ListServicesResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.tree.DefaultMutableTreeNode;

/**
 * Builds the tree that shows a {@link ClusterState}: contexts, their namespaces, each namespace's
 * views and their items. Pure: it runs on the model's thread, never the UI thread. A node whose
 * content was not asked for yet gets a placeholder child, so it can be expanded.
 */
public final class ClusterTree {

  public static final String TITLE = "Kube contexts";

  private ClusterTree() {}

  public static DefaultMutableTreeNode build(ClusterState state) {
    ContextsState contexts = state.contexts();
    if (contexts instanceof ContextsState.Loaded loaded) {
      return loaded(state, loaded.response());
    }
    DefaultMutableTreeNode root = node(new ClusterNode.Root(TITLE, ""));
    if (contexts instanceof ContextsState.RequestFailed failed) {
      RpcFailure failure = new RpcFailure(failed.code(), failed.message(), false);
      root.add(node(new ClusterNode.Problem("/", contextsTitle(failed.code()), failure)));
    } else if (contexts instanceof ContextsState.ServerUnavailable unavailable) {
      RpcFailure failure =
          new RpcFailure(ErrorCode.INTERNAL_ERROR, unavailable.exit().reason(), true);
      root.add(node(new ClusterNode.Problem("/", "Server not running", failure)));
    } else {
      root.add(node(new ClusterNode.Message("/", "Starting the kubereplay server…")));
    }
    return root;
  }

  public static String contextsTitle(ErrorCode code) {
    return switch (code) {
      case KUBECONFIG_NOT_FOUND -> "No kubeconfig found";
      case KUBECONFIG_UNREADABLE -> "Cannot read the kubeconfig";
      case KUBECONFIG_MALFORMED -> "Malformed kubeconfig";
      default -> "Cannot list the contexts";
    };
  }

  private static DefaultMutableTreeNode loaded(ClusterState state, ListContextsResponse response) {
    String files = String.join(", ", response.kubeconfigFiles());
    DefaultMutableTreeNode root = node(new ClusterNode.Root(TITLE, files));
    for (KubeContextDto context : response.contexts()) {
      root.add(context(state, context));
    }
    if (response.contexts().isEmpty()) {
      root.add(
          node(
              new ClusterNode.Message(
                  "/", files.isEmpty() ? "No contexts" : "No contexts in " + files)));
    }
    return root;
  }

  private static DefaultMutableTreeNode context(ClusterState state, KubeContextDto context) {
    String name = context.name();
    ClusterNode.Context value =
        new ClusterNode.Context(context, state.clusters().get(name), state.connection(name));
    DefaultMutableTreeNode node = node(value);
    Load<ListNamespacesResponse> listed = state.namespaces().get(name);
    String fallback = null;
    if (listed instanceof Load.Loaded<ListNamespacesResponse> loaded && loaded.value().fallback()) {
      fallback =
          loaded.value().message() != null
              ? loaded.value().message()
              : "the user may not list namespaces";
    }
    if (listed instanceof Load.Failed<ListNamespacesResponse> failed) {
      node.add(problem(value.key(), failed.failure()));
    }
    List<String> names = state.namespacesOf(name);
    for (String namespace : names) {
      Scope scope = new Scope(name, namespace);
      boolean listedOne =
          listed instanceof Load.Loaded<ListNamespacesResponse> loaded
              && loaded.value().namespaces().contains(namespace);
      node.add(
          namespace(
              state,
              new ClusterNode.Namespace(
                  scope,
                  listedOne ? fallback : null,
                  namespace.equals(context.namespace()),
                  state.watches(scope))));
    }
    if (names.isEmpty() && !(listed instanceof Load.Failed)) {
      String text = listed instanceof Load.Loaded ? "No namespaces" : "Loading namespaces…";
      node.add(node(new ClusterNode.Message(value.key(), text)));
    }
    return node;
  }

  private static DefaultMutableTreeNode namespace(
      ClusterState state, ClusterNode.Namespace namespace) {
    DefaultMutableTreeNode node = node(namespace);
    Scope scope = namespace.scope();
    for (ViewKind kind : ViewKind.values()) {
      boolean watched =
          state.watching() != null
              && namespace.watched()
              && kind.clusterView() != null
              && state.watching().views().contains(kind.clusterView());
      ClusterNode.Category category =
          new ClusterNode.Category(scope, kind, state.view(scope, kind), watched);
      node.add(category(category));
    }
    return node;
  }

  private static DefaultMutableTreeNode category(ClusterNode.Category category) {
    DefaultMutableTreeNode node = node(category);
    Load<Object> load = category.load();
    if (load == null || load instanceof Load.Loading) {
      node.add(node(new ClusterNode.Message(category.key(), "Loading…")));
      return node;
    }
    if (load instanceof Load.Failed<Object> failed) {
      node.add(problem(category.key(), failed.failure()));
      return node;
    }
    Load.Loaded<Object> loaded = (Load.Loaded<Object>) load;
    List<ClusterNode.Item> items = items(category.scope(), loaded.value(), loaded.freshness());
    items.forEach(item -> node.add(node(item)));
    if (items.isEmpty()) {
      node.add(node(new ClusterNode.Message(category.key(), emptyText(loaded.value()))));
    }
    return node;
  }

  /** A view's answer as item nodes, in the server's order. */
  public static List<ClusterNode.Item> items(Scope scope, Object answer, FreshnessDto freshness) {
    List<ClusterNode.Item> items = new ArrayList<>();
    if (answer instanceof ListWorkloadsResponse r) {
      for (int i = 0; i < r.workloads().size(); i++) {
        items.add(new ClusterNode.Workload(scope, r.workloads().get(i), i, freshness));
      }
    } else if (answer instanceof ListSecretsResponse r) {
      for (int i = 0; i < r.secrets().size(); i++) {
        items.add(new ClusterNode.Secret(scope, r.secrets().get(i), i, freshness));
      }
    } else if (answer instanceof ListServicesResponse r) {
      for (int i = 0; i < r.services().size(); i++) {
        items.add(new ClusterNode.Service(scope, r.services().get(i), i, freshness));
      }
    } else if (answer instanceof ListEventsResponse r) {
      Map<String, Integer> repeats = new HashMap<>();
      for (int i = 0; i < r.events().size(); i++) {
        EventDto event = r.events().get(i);
        int repeat = repeats.merge(ClusterNode.Event.identity(event), 1, Integer::sum) - 1;
        items.add(new ClusterNode.Event(scope, event, i, repeat, freshness));
      }
    } else if (answer instanceof ListReplaysResponse r) {
      for (int i = 0; i < r.replays().size(); i++) {
        items.add(new ClusterNode.Replay(scope, r.replays().get(i), i, freshness));
      }
    } else if (answer instanceof ConfigurationResponse r) {
      for (int i = 0; i < r.entries().size(); i++) {
        items.add(new ClusterNode.ConfigEntry(scope, r.entries().get(i), i, freshness));
      }
    }
    return items;
  }

  private static String emptyText(Object answer) {
    if (answer instanceof ListReplaysResponse r && !r.crdInstalled()) {
      return "No TrafficReplay CRD in this cluster";
    }
    if (answer instanceof ConfigurationResponse r && !r.found()) {
      return "No kubereplay-operator ConfigMap in " + r.namespace();
    }
    return "None";
  }

  private static DefaultMutableTreeNode problem(String parentKey, RpcFailure failure) {
    return node(new ClusterNode.Problem(parentKey, NodeText.problemTitle(failure), failure));
  }

  private static DefaultMutableTreeNode node(ClusterNode value) {
    return new DefaultMutableTreeNode(value);
  }
}
