package dev.kubereplay.server.traffic;

import dev.kubereplay.server.traffic.model.RRPair;

/**
 * Where a source puts what it reads: pairs, and the entries it had to skip, with why. An import
 * writes into a sink inside one transaction; a source never writes to the store itself.
 */
public interface PairSink {

  /** A pair read from the source. */
  void accept(RRPair pair);

  /**
   * A pair read from the source, with where it is there, for what is to be said about it later
   * (e.g. a body kept coded: see {@link dev.kubereplay.server.traffic.redact.Redactor}).
   *
   * @param entry where it is in the source, e.g. {@code entry 12} or {@code line 40}
   */
  default void accept(String entry, RRPair pair) {
    accept(pair);
  }

  /**
   * An entry that cannot be replayed and was left out.
   *
   * @param entry where it is in the source, e.g. {@code entry 12} or {@code line 40}
   * @param reason why, e.g. {@code WebSocket upgrade} or {@code aborted request (no response)}
   */
  void skip(String entry, String reason);

  /** A {@code {{variable}}} left unresolved in a request (Postman). */
  default void unresolved(String variable) {}

  /** Progress through the source, in bytes read; for progress bars. */
  default void progress(long bytesRead, long totalBytes) {}
}
