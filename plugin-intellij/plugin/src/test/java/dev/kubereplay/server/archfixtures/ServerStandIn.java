package dev.kubereplay.server.archfixtures;

/** Stands in for a server class in the plugin's rule fixtures; the server is not on its path. */
public final class ServerStandIn {

  private ServerStandIn() {}

  public static String version() {
    return "0.0.0";
  }
}
