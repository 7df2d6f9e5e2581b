package dev.kubereplay.server.traffic;

import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a snapshot's pairs to a file format, streaming: one pair in memory at a time. */
public interface PairWriter extends AutoCloseable {

  /** The format's name, e.g. {@code jsonl}. */
  String name();

  /** Starts writing {@code snapshot} to {@code out}. */
  void begin(OutputStream out, Snapshot snapshot) throws IOException;

  void write(RRPair pair) throws IOException;

  /** Finishes the file (closing brackets); does not close the stream. */
  void end() throws IOException;

  @Override
  default void close() {}
}
