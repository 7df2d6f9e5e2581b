package dev.kubereplay.intellij.cluster;

import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.WatchParams;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code cluster/watch} the tool window wants. The server keeps one scope live per client, so
 * this is the scope in focus with the views shown there; nothing when none is shown (a collapsed
 * namespace, a collapsed context).
 */
public final class WatchPlan {

  private WatchPlan() {}

  public static Optional<WatchParams> wanted(Shown shown) {
    Scope focus = shown.focus();
    if (focus == null || focus.namespace() == null) {
      return Optional.empty();
    }
    Set<ClusterView> views = EnumSet.noneOf(ClusterView.class);
    for (ViewKind kind : ViewKind.values()) {
      if (kind.clusterView() != null && shown.shows(focus, kind)) {
        views.add(kind.clusterView());
      }
    }
    if (views.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new WatchParams(focus.context(), focus.namespace(), List.copyOf(views)));
  }
}
