package dev.kubereplay.server.traffic.store;

/** The database cannot be opened, read or written (disk full, a newer schema, a locked file). */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
