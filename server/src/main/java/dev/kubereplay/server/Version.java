package dev.kubereplay.server;

import dev.kubereplay.protocol.initialize.ProtocolVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The server's version, written into the jar by the build. */
public final class Version {

  /**
   * The count of additions to the protocol, as {@code ServerInfoDto.protocolVersion} has carried it
   * for older clients: the minor of {@link ProtocolVersion#CURRENT}.
   */
  public static final int PROTOCOL_VERSION = ProtocolVersion.CURRENT.minor();

  private static final String VERSION = load();

  private Version() {}

  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
