package dev.kubereplay.protocol;

import java.util.List;

/**
 * How an IDE starts the server: {@code java <JVM_OPTIONS> -jar kubereplay.jar <SERVE_STDIO>}. One
 * definition for every client; the TypeScript mirror carries the same values.
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
}
