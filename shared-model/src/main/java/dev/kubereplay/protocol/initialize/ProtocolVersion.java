package dev.kubereplay.protocol.initialize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protocol's version, {@code major.minor}, as {@code initialize} carries it both ways. The
 * minor grows whenever something is added (a method, a field, an error code): an older peer simply
 * does not use it. The major grows only when a message is reshaped or removed, which the protocol
 * avoids; a client and a server of different majors cannot talk, and each refuses the other in
 * {@code initialize} with a message naming both versions.
 *
 * @param major grows on a change an older peer cannot follow
 * @param minor grows on every addition
 */
public record ProtocolVersion(int major, int minor) {

  /** The version this build of the protocol speaks. */
  public static final ProtocolVersion CURRENT = new ProtocolVersion(1, 3);

  /**
   * The version a peer that predates the field speaks: every such build spoke major 1 (its {@code
   * ServerInfoDto.protocolVersion} counted the additions).
   */
  public static final ProtocolVersion UNVERSIONED = new ProtocolVersion(1, 0);

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})");

  public ProtocolVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException(
          "a protocol version is two numbers of zero or more, not " + major + "." + minor);
    }
  }

  /**
   * Reads {@code major.minor} (e.g. {@code "1.3"}); an absent version (null) is {@link
   * #UNVERSIONED}.
   *
   * @throws IllegalArgumentException naming the text when it is not {@code major.minor}
   */
  public static ProtocolVersion parse(String text) {
    if (text == null) {
      return UNVERSIONED;
    }
    Matcher matcher = FORMAT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "the protocol version '" + text + "' is not major.minor (e.g. " + CURRENT + ")");
    }
    return new ProtocolVersion(
        Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  /** Whether a peer of {@code other}'s version can talk to this one: the same major. */
  public boolean compatibleWith(ProtocolVersion other) {
    return major == other.major;
  }

  /** {@code major.minor}, as it travels. */
  @Override
  public String toString() {
    return major + "." + minor;
  }
}
