package dev.kubereplay.intellij.rpc;

import dev.kubereplay.protocol.ServerLaunch;
import java.util.Map;

/**
 * A server started by hand to attach to instead of spawning one, from the IDE's environment: {@code
 * KUBEREPLAY_SERVER_PORT} and the token that server printed, {@code KUBEREPLAY_TOKEN}.
 *
 * @param port on 127.0.0.1
 * @param token presented before anything else
 */
public record AttachTarget(int port, String token) {

  @Override
  public String toString() {
    return "AttachTarget[port=" + port + ", token hidden]";
  }

  /**
   * The server to attach to; null when no port is set (the plugin spawns its own).
   *
   * @throws ServerUnavailableException naming the variable when the port is not a port or the token
   *     is missing
   */
  public static AttachTarget fromEnvironment(Map<String, String> environment)
      throws ServerUnavailableException {
    String port = environment.getOrDefault(ServerLaunch.ATTACH_PORT_VARIABLE, "").strip();
    if (port.isEmpty()) {
      return null;
    }
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      number = -1;
    }
    if (number < 1 || number > 65535) {
      throw unavailable(
          ServerLaunch.ATTACH_PORT_VARIABLE
              + " is '"
              + port
              + "', which is not a TCP port (1-65535).");
    }
    String token = environment.getOrDefault(ServerLaunch.TOKEN_VARIABLE, "").strip();
    if (token.isEmpty()) {
      throw unavailable(
          ServerLaunch.ATTACH_PORT_VARIABLE
              + " is set, but "
              + ServerLaunch.TOKEN_VARIABLE
              + " is not: set it to the token 'kubereplay serve --port "
              + number
              + "' printed at start.");
    }
    return new AttachTarget(number, token);
  }

  /** Connects to it. */
  public ServerTransport connect() throws ServerUnavailableException {
    return SocketTransport.connect(port, token);
  }

  private static ServerUnavailableException unavailable(String reason) {
    return new ServerUnavailableException(ServerExit.notStarted(reason));
  }
}
