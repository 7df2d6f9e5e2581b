package dev.kubereplay.server.cli;

import dev.kubereplay.server.KubeReplayException;

/** A command failed for a reason the user can act on; printed as one line, exit code 1. */
public final class CliException extends KubeReplayException {

  private static final long serialVersionUID = 1L;

  public CliException(String message) {
    super(null, message);
  }
}
