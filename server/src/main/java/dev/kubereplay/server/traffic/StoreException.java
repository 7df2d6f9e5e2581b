package dev.kubereplay.server.traffic;

import dev.kubereplay.server.KubeReplayException;

/** The database cannot be opened, read or written (disk full, a newer schema, a locked file). */
public final class StoreException extends KubeReplayException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(null, message, cause);
  }

  public StoreException(String message) {
    super(null, message);
  }
}
