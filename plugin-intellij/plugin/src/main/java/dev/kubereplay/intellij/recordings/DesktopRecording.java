package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.protocol.Nullable;

/**
 * The desktop recording the panel shows: a proxy started with {@code traffic/startRecording},
 * counting pairs from {@code traffic/didRecord} until {@code traffic/stopRecording} seals it.
 */
public record DesktopRecording(
    Phase phase,
    @Nullable String recordingId,
    String listen,
    @Nullable String upstream,
    long pairs,
    String lastRequest,
    String message) {

  /** Where a recording is. */
  public enum Phase {
    STARTING,
    RECORDING,
    STOPPING,
    STOPPED,
    FAILED;

    public boolean running() {
      return this == STARTING || this == RECORDING || this == STOPPING;
    }
  }

  DesktopRecording with(Phase next, String why) {
    return new DesktopRecording(next, recordingId, listen, upstream, pairs, lastRequest, why);
  }

  /** The line above the tree. */
  public String status() {
    String target = upstream == null ? "forward proxy" : "→ " + upstream;
    return switch (phase) {
      case STARTING -> "Starting a recording proxy on " + listen + " " + target + "…";
      case RECORDING, STOPPING ->
          "● Recording on "
              + listen
              + " "
              + target
              + " · "
              + RecordingText.count(pairs)
              + (pairs == 1 ? " pair" : " pairs")
              + (lastRequest.isBlank() ? "" : " · last " + lastRequest)
              + (phase == Phase.STOPPING ? " · stopping…" : "");
      case STOPPED, FAILED -> message;
    };
  }
}
