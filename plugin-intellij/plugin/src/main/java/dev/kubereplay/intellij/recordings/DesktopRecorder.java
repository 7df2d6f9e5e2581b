package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.traffic.DidRecordParams;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.StartRecordingParams;
import dev.kubereplay.protocol.traffic.StopRecordingParams;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Recordings view's desktop recording: {@code traffic/startRecording}, the pairs counted from
 * {@code traffic/didRecord}, and {@code traffic/stopRecording}. Runs on the model's thread and
 * tells the model after each change.
 */
final class DesktopRecorder {

  private final ServerCalls server;
  private final Executor modelThread;
  private final RecordingsModel model;
  private final Supplier<List<String>> redactKeys;

  // Written on the model thread only.
  private volatile DesktopRecording recording;

  /**
   * @param redactKeys the settings' extra redaction keys, read as each recording is started
   */
  DesktopRecorder(
      ServerCalls server,
      Executor modelThread,
      RecordingsModel model,
      Supplier<List<String>> redactKeys) {
    this.server = server;
    this.modelThread = modelThread;
    this.model = model;
    this.redactKeys = redactKeys;
  }

  DesktopRecording recording() {
    return recording;
  }

  /** Starts a recording proxy on {@code listen}: reverse to {@code upstream}, or forward (null). */
  CompletableFuture<Void> start(String listen, String upstream, String name) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    modelThread.execute(
        () -> {
          DesktopRecording current = recording;
          if (current != null && current.phase().running()) {
            sent.complete(null);
            return;
          }
          recording =
              new DesktopRecording(
                  DesktopRecording.Phase.STARTING, null, listen, upstream, 0, "", "");
          model.changed();
          StartRecordingParams params =
              new StartRecordingParams(
                  listen,
                  upstream,
                  upstream == null,
                  name,
                  ImportOptions.redactKeys(redactKeys.get()));
          server
              .call(s -> s.getTrafficService().startRecording(params))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    DesktopRecording run = recording;
                    recording =
                        failure != null
                            ? run.with(
                                DesktopRecording.Phase.FAILED,
                                "Could not start recording on "
                                    + listen
                                    + ": "
                                    + RpcFailure.of(failure).message())
                            : new DesktopRecording(
                                DesktopRecording.Phase.RECORDING,
                                answer.recordingId(),
                                answer.address(),
                                upstream,
                                0,
                                "",
                                "");
                    if (failure == null) {
                      model.loadSnapshots(); // the new snapshot, being recorded
                    }
                    model.changed();
                    sent.complete(null);
                  },
                  modelThread);
        });
    return sent;
  }

  /** Stop: {@code traffic/stopRecording}; the sealed snapshot is listed. */
  CompletableFuture<Void> stop() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    modelThread.execute(
        () -> {
          DesktopRecording run = recording;
          if (run == null
              || run.phase() != DesktopRecording.Phase.RECORDING
              || run.recordingId() == null) {
            done.complete(null);
            return;
          }
          recording = run.with(DesktopRecording.Phase.STOPPING, "");
          model.changed();
          server
              .call(
                  s ->
                      s.getTrafficService()
                          .stopRecording(new StopRecordingParams(run.recordingId())))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    DesktopRecording now = recording;
                    if (failure != null) {
                      recording =
                          now.with(
                              DesktopRecording.Phase.FAILED,
                              "Could not stop the recording: " + RpcFailure.of(failure).message());
                    } else {
                      SnapshotDto s = answer.snapshot();
                      recording =
                          now.with(
                              DesktopRecording.Phase.STOPPED,
                              "Recorded "
                                  + RecordingText.count(s.inCount() + s.outCount())
                                  + " pairs into \""
                                  + s.name()
                                  + "\"");
                      model.loadSnapshots();
                    }
                    model.changed();
                    done.complete(null);
                  },
                  modelThread);
        });
    return done;
  }

  void didRecord(DidRecordParams params) {
    modelThread.execute(
        () -> {
          DesktopRecording run = recording;
          if (run != null
              && run.phase().running()
              && params.recordingId().equals(run.recordingId())) {
            recording =
                new DesktopRecording(
                    run.phase(),
                    run.recordingId(),
                    run.listen(),
                    run.upstream(),
                    params.pairs(),
                    params.lastRequest() == null ? "" : params.lastRequest(),
                    "");
            model.changed();
          }
        });
  }

  /**
   * The server stopped: a running recording ended with it. What arrived until then stays in its
   * snapshot, which the server lists as interrupted. Model thread only.
   */
  void serverStopped() {
    DesktopRecording rec = recording;
    if (rec != null && rec.phase().running()) {
      recording =
          rec.with(
              DesktopRecording.Phase.FAILED,
              "The kubereplay server stopped: the recording ended there; its snapshot keeps"
                  + " what was recorded until then");
    }
  }
}
