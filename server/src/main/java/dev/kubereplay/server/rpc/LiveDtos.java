package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.server.cluster.live.Freshness;
import dev.kubereplay.server.cluster.live.LiveView;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Live views and freshness between the protocol and the cluster domain. */
public final class LiveDtos {

  private LiveDtos() {}

  public static FreshnessDto freshness(Freshness freshness) {
    return new FreshnessDto(freshness.stale(), freshness.since(), freshness.reason());
  }

  public static ClusterView view(LiveView view) {
    return ClusterView.valueOf(view.name());
  }

  public static LiveView view(ClusterView view) {
    return LiveView.valueOf(view.name());
  }

  /** The protocol's views, in the protocol's order. */
  public static List<ClusterView> views(Collection<LiveView> views) {
    return views.stream().map(LiveDtos::view).sorted().toList();
  }

  public static Set<LiveView> liveViews(Collection<ClusterView> views) {
    Set<LiveView> live = EnumSet.noneOf(LiveView.class);
    views.forEach(view -> live.add(view(view)));
    return live;
  }
}
