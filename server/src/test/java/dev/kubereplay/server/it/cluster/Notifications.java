package dev.kubereplay.server.it.cluster;

import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.cluster.ClusterChangeKind;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Waiting for {@code cluster/didChange} notifications of a session. */
final class Notifications {

  private Notifications() {}

  static Predicate<DidChangeClusterParams> views(ClusterView view) {
    return change ->
        change.changes().contains(ClusterChangeKind.VIEWS)
            && change.views() != null
            && change.views().contains(view);
  }

  static Predicate<DidChangeClusterParams> contexts() {
    return change -> change.changes().contains(ClusterChangeKind.CONTEXTS);
  }

  static Predicate<DidChangeClusterParams> connection(boolean stale) {
    return change ->
        change.changes().contains(ClusterChangeKind.CONNECTION)
            && change.freshness() != null
            && change.freshness().stale() == stale;
  }

  /**
   * The first notification matching {@code wanted} within {@code timeout}; the ones before it are
   * dropped.
   *
   * @throws AssertionError listing what came instead
   */
  static DidChangeClusterParams await(
      TestSession session, Predicate<DidChangeClusterParams> wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<DidChangeClusterParams> others = new ArrayList<>();
    while (true) {
      long left = deadline - System.nanoTime();
      DidChangeClusterParams change =
          left <= 0 ? null : session.client().awaitClusterChange(Duration.ofNanos(left));
      if (change == null) {
        throw new AssertionError(
            "no matching cluster/didChange within " + timeout.toMillis() + " ms; got " + others);
      }
      if (wanted.test(change)) {
        return change;
      }
      others.add(change);
    }
  }

  /** Drops notifications until none came for {@code quiet}: what watching started has settled. */
  static List<DidChangeClusterParams> settle(TestSession session, Duration quiet, Duration max)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    List<DidChangeClusterParams> dropped = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      DidChangeClusterParams change = session.client().awaitClusterChange(quiet);
      if (change == null) {
        return dropped;
      }
      dropped.add(change);
    }
    throw new AssertionError("notifications did not settle within " + max + ": " + dropped);
  }
}
