package dev.kubereplay.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How an IDE starts the server: {@code java <JVM_OPTIONS> -jar kubereplay.jar <SERVE_STDIO>}; or
 * attaches to one started by hand with {@code serve --port N}, presenting its token. One definition
 * for every client; the TypeScript mirror carries the same values.
 */
public final class ServerLaunch {

  private ServerLaunch() {}

  /**
   * A bounded heap with the serial collector keeps the server's memory proportional to what it
   * caches rather than to the machine's RAM (the JVM's default heap is a quarter of it); the client
   * compiler alone starts faster and uses less memory, and is enough for a server that mostly waits
   * on the network.
   */
  public static final List<String> JVM_OPTIONS =
      List.of("-XX:+UseSerialGC", "-Xmx320m", "-XX:TieredStopAtLevel=1");

  /** The server's arguments for an IDE connection over stdin/stdout. */
  public static final List<String> SERVE_STDIO = List.of("serve", "--stdio");

  /**
   * Environment variable an IDE reads for the port of a server to attach to instead of spawning.
   */
  public static final String ATTACH_PORT_VARIABLE = "KUBEREPLAY_SERVER_PORT";

  /**
   * Environment variable holding the token of a server on a port: {@code serve --port} uses it
   * instead of generating one, and an IDE attaching to the port presents it.
   */
  public static final String TOKEN_VARIABLE = "KUBEREPLAY_TOKEN";

  /**
   * What a client sends first on a {@code serve --port} connection, before any JSON-RPC frame: this
   * prefix, the token, then {@code \r\n}. Loopback is shared by every local user; the token keeps
   * the others from driving the user's kube credentials. A connection without the right token gets
   * an {@link ErrorCode#UNAUTHORIZED} answer to its first request and is closed.
   */
  public static final String TOKEN_PREFIX = "Kubereplay-Token: ";

  /** The line that presents {@code token}, in UTF-8 as it is sent. */
  public static byte[] tokenLine(String token) {
    return (TOKEN_PREFIX + token + "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
