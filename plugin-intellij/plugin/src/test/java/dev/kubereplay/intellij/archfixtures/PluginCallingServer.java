package dev.kubereplay.intellij.archfixtures;

import dev.kubereplay.server.archfixtures.ServerStandIn;

/** Breaks the plugin rule on purpose: a plugin class that calls server code in-process. */
public final class PluginCallingServer {

  private PluginCallingServer() {}

  public static String version() {
    return ServerStandIn.version();
  }
}
