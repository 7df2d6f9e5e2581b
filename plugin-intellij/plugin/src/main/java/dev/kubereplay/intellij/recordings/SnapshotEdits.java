package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.ReclassifyParams;
import dev.kubereplay.protocol.traffic.RenameSnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the user changes in the store: a snapshot renamed or deleted ({@code
 * traffic/renameSnapshot}, {@code traffic/deleteSnapshot}), a host's or an endpoint's pairs
 * reclassified ({@code traffic/reclassify}). Called from the actions on the UI thread, so every
 * request goes out from the model's thread; the status line says how each went.
 */
final class SnapshotEdits {

  private final ServerCalls server;
  private final Executor modelThread;
  private final RecordingsModel model;
  private final Snapshots snapshots;
  private final EndpointPairs pairs;

  SnapshotEdits(
      ServerCalls server,
      Executor modelThread,
      RecordingsModel model,
      Snapshots snapshots,
      EndpointPairs pairs) {
    this.server = server;
    this.modelThread = modelThread;
    this.model = model;
    this.snapshots = snapshots;
    this.pairs = pairs;
  }

  CompletableFuture<Void> rename(String snapshotId, String name) {
    return act(
        () ->
            server.call(
                s ->
                    s.getTrafficService()
                        .renameSnapshot(new RenameSnapshotParams(snapshotId, name))),
        answer -> "Renamed to \"" + answer.snapshot().name() + "\"",
        "Could not rename the snapshot");
  }

  CompletableFuture<Void> delete(String snapshotId) {
    String name = snapshots.name(snapshotId);
    return act(
        () ->
            server.call(s -> s.getTrafficService().deleteSnapshot(new SnapshotParams(snapshotId))),
        answer ->
            answer.deleted() ? "Deleted \"" + name + "\"" : "\"" + name + "\" was gone already",
        "Could not delete \"" + name + "\"");
  }

  /**
   * The pairs of one endpoint of {@code host} ({@code method} and {@code pathTemplate}; every
   * method when it is null), or of the whole host when {@code pathTemplate} is null, become {@code
   * direction}. The snapshot's counts, its endpoints and the opened pairs of what was marked load
   * again; done when they have.
   */
  CompletableFuture<Void> reclassify(
      String snapshotId,
      String host,
      @Nullable String method,
      @Nullable String pathTemplate,
      PairDirection direction) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    ReclassifyParams params =
        new ReclassifyParams(snapshotId, host, method, pathTemplate, direction);
    String what =
        pathTemplate == null ? host : RecordingText.endpointName(method, host, pathTemplate);
    modelThread.execute(
        () ->
            server
                .call(s -> s.getTrafficService().reclassify(params))
                .whenCompleteAsync(
                    (answer, failure) -> {
                      if (failure != null) {
                        model.status(
                            "Could not mark "
                                + what
                                + " as "
                                + RecordingText.directionName(direction)
                                + ": "
                                + RpcFailure.of(failure).message());
                        model.changed();
                        done.complete(null);
                        return;
                      }
                      model.status(RecordingText.reclassified(what, direction, answer.changed()));
                      snapshots.replace(answer.snapshot());
                      model.changed();
                      reload(snapshotId, host, method, pathTemplate)
                          .whenComplete((ignored, error) -> done.complete(null));
                    },
                    modelThread));
    return done;
  }

  /**
   * The snapshot's endpoints, and the pairs of the host (or of its endpoint) again, as far as they
   * were opened.
   */
  private CompletableFuture<Void> reload(
      String snapshotId, String host, @Nullable String method, @Nullable String pathTemplate) {
    List<CompletableFuture<?>> loads = new ArrayList<>();
    loads.add(snapshots.reloadEndpoints(snapshotId));
    pairs.reload(snapshotId, host, method, pathTemplate, loads);
    return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new));
  }

  /**
   * Sends {@code request} from the model's thread, says how it went and lists the snapshots again
   * after a change.
   */
  private <T> CompletableFuture<Void> act(
      Supplier<CompletableFuture<T>> request, Function<T, String> said, String failed) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    modelThread.execute(
        () ->
            request
                .get()
                .whenCompleteAsync(
                    (answer, failure) -> {
                      model.status(
                          failure != null
                              ? failed + ": " + RpcFailure.of(failure).message()
                              : said.apply(answer));
                      if (failure == null) {
                        snapshots.load();
                      }
                      model.changed();
                      done.complete(null);
                    },
                    modelThread));
    return done;
  }
}
