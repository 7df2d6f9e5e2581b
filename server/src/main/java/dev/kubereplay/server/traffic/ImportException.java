package dev.kubereplay.server.traffic;

import dev.kubereplay.server.KubeReplayException;
import java.nio.file.Path;

/**
 * A source cannot be read. The message names the file, where in it (line and column, or the entry),
 * and the reason, in one line; nothing of the source is kept.
 */
public final class ImportException extends KubeReplayException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public ImportException(Path file, String where, String reason) {
    super(file == null ? null : file.toString(), message(file, where, reason));
    this.file = file;
  }

  public ImportException(Path file, String where, String reason, Throwable cause) {
    super(file == null ? null : file.toString(), message(file, where, reason), cause);
    this.file = file;
  }

  private static String message(Path file, String where, String reason) {
    return file + (where == null || where.isEmpty() ? "" : ": " + where) + ": " + reason;
  }

  public Path file() {
    return file;
  }
}
