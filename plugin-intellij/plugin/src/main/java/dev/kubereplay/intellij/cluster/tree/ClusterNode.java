package dev.kubereplay.intellij.cluster.tree;

import dev.kubereplay.intellij.cluster.Load;
import dev.kubereplay.intellij.cluster.Scope;
import dev.kubereplay.intellij.cluster.ViewKind;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.protocol.cluster.ClusterDto;
import dev.kubereplay.protocol.cluster.ConfigEntryDto;
import dev.kubereplay.protocol.cluster.EventDto;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ReplayDto;
import dev.kubereplay.protocol.cluster.SecretDto;
import dev.kubereplay.protocol.cluster.ServiceDto;
import dev.kubereplay.protocol.cluster.WorkloadDto;

/**
 * What a row of the cluster tree shows: the user object of its tree node, with the data the actions
 * need. Plain records; {@link #key()} names the row across rebuilds, so expansion and selection
 * survive new answers.
 */
public sealed interface ClusterNode {

  String key();

  /** The top row: what the tree lists, and from where. */
  record Root(String title, String detail) implements ClusterNode {
    @Override
    public String key() {
      return "/";
    }
  }

  /**
   * A kube context.
   *
   * @param cluster its {@code listClusters} entry, null until asked
   * @param connection whether its API server is reachable, as last told
   */
  record Context(KubeContextDto context, Load<ClusterDto> cluster, FreshnessDto connection)
      implements ClusterNode {
    @Override
    public String key() {
      return keyOf(context.name());
    }

    public static String keyOf(String context) {
      return "context:" + context;
    }
  }

  /**
   * A namespace of a context.
   *
   * @param fallbackReason why only this namespace is listed (the user may not list namespaces), or
   *     null
   * @param contextDefault whether it is the context's own namespace
   * @param watched whether the server keeps it live for the tool window
   */
  record Namespace(Scope scope, String fallbackReason, boolean contextDefault, boolean watched)
      implements ClusterNode {
    @Override
    public String key() {
      return keyOf(scope);
    }

    public static String keyOf(Scope scope) {
      return "namespace:" + scope.context() + "/" + scope.namespace();
    }
  }

  /**
   * A view of a namespace: Configuration, Workloads, and so on.
   *
   * @param load its answer, null until asked
   * @param watched whether the server keeps it live
   */
  record Category(Scope scope, ViewKind kind, Load<Object> load, boolean watched)
      implements ClusterNode {
    @Override
    public String key() {
      return keyOf(scope, kind);
    }

    public static String keyOf(Scope scope, ViewKind kind) {
      return "view:" + scope.context() + "/" + scope.namespace() + "/" + kind;
    }
  }

  /** A node that stands for one row of a view's table. */
  sealed interface Item extends ClusterNode {
    Scope scope();

    ViewKind kind();

    /** Which row of the view's table (in the server's order). */
    int row();

    FreshnessDto freshness();

    default boolean stale() {
      return freshness() != null && freshness().stale();
    }
  }

  record Workload(Scope scope, WorkloadDto workload, int row, FreshnessDto freshness)
      implements Item {
    @Override
    public ViewKind kind() {
      return ViewKind.WORKLOADS;
    }

    @Override
    public String key() {
      return itemKey(scope, kind(), workload.kind() + "/" + workload.name());
    }
  }

  record Secret(Scope scope, SecretDto secret, int row, FreshnessDto freshness) implements Item {
    @Override
    public ViewKind kind() {
      return ViewKind.SECRETS;
    }

    @Override
    public String key() {
      return itemKey(scope, kind(), secret.name());
    }
  }

  record Service(Scope scope, ServiceDto service, int row, FreshnessDto freshness) implements Item {
    @Override
    public ViewKind kind() {
      return ViewKind.SERVICES;
    }

    @Override
    public String key() {
      return itemKey(scope, kind(), service.name());
    }
  }

  /** An event; events have no name of their own, so the key counts repeats of the same text. */
  record Event(Scope scope, EventDto event, int row, int repeat, FreshnessDto freshness)
      implements Item {
    @Override
    public ViewKind kind() {
      return ViewKind.EVENTS;
    }

    @Override
    public String key() {
      return itemKey(scope, kind(), identity(event) + "#" + repeat);
    }

    static String identity(EventDto event) {
      return event.objectKind() + "/" + event.objectName() + "/" + event.reason();
    }
  }

  record Replay(Scope scope, ReplayDto replay, int row, FreshnessDto freshness) implements Item {
    @Override
    public ViewKind kind() {
      return ViewKind.REPLAYS;
    }

    @Override
    public String key() {
      return itemKey(scope, kind(), replay.name());
    }
  }

  record ConfigEntry(Scope scope, ConfigEntryDto entry, int row, FreshnessDto freshness)
      implements Item {
    @Override
    public ViewKind kind() {
      return ViewKind.CONFIGURATION;
    }

    @Override
    public String key() {
      return itemKey(scope, kind(), entry.key());
    }
  }

  /** A failure in place of a node's content, e.g. "forbidden: cannot list secrets in ...". */
  record Problem(String parentKey, String title, RpcFailure failure) implements ClusterNode {
    @Override
    public String key() {
      return parentKey + "#problem";
    }
  }

  /** A note in place of content: loading, nothing found. */
  record Message(String parentKey, String text) implements ClusterNode {
    @Override
    public String key() {
      return parentKey + "#message";
    }
  }

  private static String itemKey(Scope scope, ViewKind kind, String id) {
    return Category.keyOf(scope, kind) + "/" + id;
  }
}
