package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.ServerLaunch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret a {@code serve --port} client presents before anything else. Loopback is shared by
 * every user of the machine, and the server drives its user's kube credentials: the token keeps the
 * other users out. It is never logged, traced or shown except where the user asked for it.
 */
public final class ConnectionToken {

  /** 256 random bits, well past the 128 a guess would have to beat. */
  private static final int RANDOM_BYTES = 32;

  static final int MIN_LENGTH = 16;
  static final int MAX_LENGTH = 256;

  private final String value;
  private final byte[] lineDigest;

  private ConnectionToken(String value) {
    this.value = value;
    this.lineDigest = sha256((ServerLaunch.TOKEN_PREFIX + value).getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh random token. */
  public static ConnectionToken generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(bytes);
    return new ConnectionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * A token the user chose (e.g. in {@value ServerLaunch#TOKEN_VARIABLE}).
   *
   * @throws IllegalArgumentException saying what a token must be, without repeating it
   */
  public static ConnectionToken of(String value) {
    if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a token has "
              + MIN_LENGTH
              + " to "
              + MAX_LENGTH
              + " characters (a short one is easy to guess); this one has "
              + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '!' || c > '~') {
        throw new IllegalArgumentException(
            "a token is visible ASCII characters without spaces; this one has another at position "
                + (i + 1));
      }
    }
    return new ConnectionToken(value);
  }

  /** The secret itself, for the one place that shows it to the user who started the server. */
  public String reveal() {
    return value;
  }

  /**
   * Whether {@code line} (the first line a client sent, without its line break) presents this
   * token. Compares digests in constant time, so the time taken says nothing about the token.
   */
  boolean presentedBy(byte[] line) {
    return MessageDigest.isEqual(lineDigest, sha256(line));
  }

  @Override
  public String toString() {
    return "ConnectionToken[hidden]";
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
