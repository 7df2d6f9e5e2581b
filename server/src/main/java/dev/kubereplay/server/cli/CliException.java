package dev.kubereplay.server.cli;

/** A command failed for a reason the user can act on; printed as one line, exit code 1. */
public final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CliException(String message) {
    super(message);
  }
}
