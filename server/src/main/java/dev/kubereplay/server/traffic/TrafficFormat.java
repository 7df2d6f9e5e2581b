package dev.kubereplay.server.traffic;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file format kubereplay imports: HAR, Postman, kubereplay JSONL, WireMock, Speedscale. Each
 * reads its file streaming (memory does not grow with the file) into a {@link PairSink}.
 */
public interface TrafficFormat {

  /** The name used by {@code --format}, e.g. {@code har}. */
  String name();

  /** Whether the file looks like this format (for guessing when no format is given). */
  boolean recognizes(Path file) throws IOException;

  /**
   * Reads the file. Checks {@code cancelled} between entries.
   *
   * @throws ImportException when the file is not valid (malformed, truncated, wrong format, a body
   *     over the limit), naming where and why
   * @throws java.util.concurrent.CancellationException when cancelled
   */
  void read(Path file, ImportOptions options, PairSink sink, Cancellation cancelled)
      throws IOException;

  /** Asked between entries; true stops the read. */
  @FunctionalInterface
  interface Cancellation {
    boolean isCancelled();

    /**
     * Asked once, just before the work makes its result final (a file moved into place): true when
     * it may, and from then on it can no longer be cancelled; false when it was cancelled.
     */
    default boolean commit() {
      return !isCancelled();
    }

    Cancellation NEVER = () -> false;
  }
}
