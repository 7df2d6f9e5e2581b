package dev.kubereplay.protocol.traffic;

import dev.kubereplay.protocol.Nullable;

/**
 * Parameters of {@code traffic/startRecording}.
 *
 * @param listen where the proxy listens, {@code host:port} on loopback ({@code 127.0.0.1}, {@code
 *     [::1]}, {@code localhost}); port 0 picks a free one
 * @param upstream the reverse proxy's target, {@code http://host:port}; absent in forward mode
 * @param forward true for a forward proxy ({@code HTTP_PROXY} of a local app): its requests are
 *     recorded as {@code OUT} pairs; false records the upstream's traffic as {@code IN} pairs
 * @param name the snapshot's name; {@code recording of <upstream>} when absent
 * @param redactKeys JSON keys and query parameters to redact besides the configured ones
 */
public record StartRecordingParams(
    String listen,
    @Nullable String upstream,
    boolean forward,
    @Nullable String name,
    @Nullable java.util.List<String> redactKeys) {

  /** A recording with the configured redaction only. */
  public StartRecordingParams(
      String listen, @Nullable String upstream, boolean forward, @Nullable String name) {
    this(listen, upstream, forward, name, null);
  }
}
