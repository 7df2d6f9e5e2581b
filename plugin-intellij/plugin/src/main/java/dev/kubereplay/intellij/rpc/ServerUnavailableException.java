package dev.kubereplay.intellij.rpc;

/** A request could not reach the server; {@link #exit()} says why. */
public final class ServerUnavailableException extends Exception {

  private final ServerExit exit;

  public ServerUnavailableException(ServerExit exit) {
    super(exit.reason());
    this.exit = exit;
  }

  public ServerExit exit() {
    return exit;
  }
}
