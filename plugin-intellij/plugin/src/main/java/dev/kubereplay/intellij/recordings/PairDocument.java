package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.recordings.details.LatencyText;
import dev.kubereplay.intellij.recordings.mocks.MockLogEntry;
import dev.kubereplay.intellij.recordings.mocks.MockText;
import dev.kubereplay.intellij.recordings.tree.EndpointRef;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.GetPairParams;
import java.util.concurrent.Executor;

/**
 * What the pane beside the tree shows for the selected row: a pair's document ({@code
 * traffic/getPair}), or an endpoint's latency as its snapshot lists it now. Selections happen on
 * the model's thread; a mock log row shows the pair it opens. An answer for a row no longer
 * selected is dropped.
 */
final class PairDocument {

  private final ServerCalls server;
  private final Executor modelThread;
  private final RecordingsModel model;
  private final Snapshots snapshots;

  // Written on the model thread only.
  private volatile String document = "";
  private volatile EndpointRef endpoint;
  private long request;

  PairDocument(
      ServerCalls server, Executor modelThread, RecordingsModel model, Snapshots snapshots) {
    this.server = server;
    this.modelThread = modelThread;
    this.model = model;
    this.snapshots = snapshots;
  }

  /** The selected pair as text, or the selected endpoint's latency; empty for other rows. */
  String text() {
    EndpointRef ref = endpoint;
    if (ref == null) {
      return document;
    }
    EndpointDto e = endpoint();
    return e == null ? "" : LatencyText.document(ref.host(), e);
  }

  /** The selected endpoint as its snapshot lists it now; null when no endpoint row is selected. */
  EndpointDto endpoint() {
    EndpointRef ref = endpoint;
    return ref == null
        ? null
        : snapshots.endpoint(ref.snapshotId(), ref.host(), ref.method(), ref.pathTemplate());
  }

  /**
   * A mock log row: the request it stands for above the recorded pair it was answered with, or for
   * a miss above its closest recorded pair ({@code traffic/getPair}).
   */
  void selectLogEntry(@Nullable String snapshotId, MockLogEntry entry) {
    modelThread.execute(
        () -> {
          long asked = ++request;
          endpoint = null;
          String heading = MockText.heading(entry);
          Long pairId = entry.pairId();
          if (snapshotId == null || pairId == null) {
            document = heading;
            model.changed();
            return;
          }
          document = heading + "Loading…";
          model.changed();
          server
              .call(s -> s.getTrafficService().getPair(new GetPairParams(snapshotId, pairId)))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    if (asked != request) {
                      return; // another row was selected meanwhile
                    }
                    document =
                        heading
                            + (failure != null
                                ? "Could not load the pair: " + RpcFailure.of(failure).message()
                                : RecordingText.document(answer.pair()));
                    model.changed();
                  },
                  modelThread);
        });
  }

  void select(@Nullable RecordingNode node) {
    modelThread.execute(
        () -> {
          long asked = ++request;
          endpoint =
              node != null && node.kind() == RecordingNode.Kind.ENDPOINT
                  ? new EndpointRef(
                      node.snapshotId(), node.host(), node.method(), node.pathTemplate())
                  : null;
          if (node == null || node.kind() != RecordingNode.Kind.PAIR) {
            document = "";
            model.changed();
            return;
          }
          document = "Loading…";
          model.changed();
          server
              .call(
                  s ->
                      s.getTrafficService()
                          .getPair(new GetPairParams(node.snapshotId(), node.pairId())))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    if (asked != request) {
                      return; // another row was selected meanwhile
                    }
                    document =
                        failure != null
                            ? "Could not load the pair: " + RpcFailure.of(failure).message()
                            : RecordingText.document(answer.pair());
                    model.changed();
                  },
                  modelThread);
        });
  }
}
