package dev.kubereplay.intellij.rpc;

import dev.kubereplay.protocol.initialize.InitializeResponse;
import dev.kubereplay.protocol.initialize.ProtocolVersion;

/**
 * Whether the plugin can talk to the server that answered {@code initialize}: only a server of the
 * same major protocol version. A server started by hand (attach mode) or named with {@code
 * -Dkubereplay.server.jar} may come from another build.
 */
final class ProtocolCheck {

  private ProtocolCheck() {}

  /**
   * Why the plugin ({@code pluginVersion}) cannot talk to the server, naming both versions and what
   * to update; null when it can. A server older than the field sends none: it spoke major 1.
   */
  static String problem(InitializeResponse response, String pluginVersion) {
    String server = "The kubereplay server " + response.serverInfo().version();
    ProtocolVersion version;
    try {
      version = ProtocolVersion.parse(response.protocolVersion());
    } catch (IllegalArgumentException e) {
      return server + " sent " + e.getMessage() + ". Use the server that ships with the plugin.";
    }
    ProtocolVersion own = ProtocolVersion.CURRENT;
    if (version.compatibleWith(own)) {
      return null;
    }
    return server
        + " speaks protocol "
        + version
        + ", but the Kube Replay plugin "
        + pluginVersion
        + " speaks protocol "
        + own
        + ": they cannot work together. "
        + (version.major() > own.major()
            ? "Update the plugin, or use an older server"
            : "Update the server (-D" + ServerCommand.JAR_PROPERTY + ", or the one attached to)")
        + ", so both speak protocol "
        + Math.max(version.major(), own.major())
        + ".x.";
  }
}
