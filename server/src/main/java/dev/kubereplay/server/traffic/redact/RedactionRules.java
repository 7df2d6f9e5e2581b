package dev.kubereplay.server.traffic.redact;

import dev.kubereplay.server.traffic.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * What redaction removes by name: headers by name (and any header whose name looks like it carries
 * a credential), and keys, which are matched in JSON bodies, form and multipart bodies and URL
 * query parameters. Names and keys match whatever their case and separators: {@code privateKey},
 * {@code private_key}, {@code PRIVATE-KEY} and {@code private.key} are one key. Besides the keys
 * named, any key that ends in one of {@link #DEFAULT_KEY_ENDINGS} is redacted ({@code db_password},
 * {@code webhookSecret}). Values are also redacted by what they look like, wherever they are: see
 * {@code SecretText}.
 *
 * <p>Defaults can be extended in {@code <data directory>/redaction.json}: {@code {"headers":
 * ["X-Internal-Auth"], "keys": ["ssn"]}}, and per import.
 *
 * @param headers header names, lower case
 * @param headerWords a header whose name, without separators, contains one of these is redacted
 * @param keys JSON keys and query parameter names, normalized by {@link #normalize}
 * @param keyEndings a key whose normalized name ends in one of these is redacted too
 */
public record RedactionRules(
    Set<String> headers, List<String> headerWords, Set<String> keys, List<String> keyEndings) {

  /** What every redacted value becomes. */
  public static final String REDACTED = "-REDACTED-";

  /** The settings file in the data directory. */
  public static final String FILE_NAME = "redaction.json";

  public static final Set<String> DEFAULT_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-api-key",
          "x-auth",
          "x-auth-user");

  public static final List<String> DEFAULT_HEADER_WORDS =
      List.of("token", "secret", "passw", "apikey", "credential", "session", "privatekey");

  /** Keys redacted by their whole name (written here as the most common spelling). */
  public static final Set<String> DEFAULT_KEYS =
      Set.of(
          "password",
          "passwd",
          "passphrase",
          "token",
          "secret",
          "access_token",
          "refresh_token",
          "id_token",
          "auth_token",
          "session_token",
          "security_token",
          "client_secret",
          "api_key",
          "private_key",
          "secret_key",
          "secret_access_key",
          "aws_secret_access_key",
          "account_key",
          "connection_string",
          "authorization",
          "x-amz-security-token",
          "x-amz-signature",
          "cvv",
          "cvc");

  /** Keys redacted when their normalized name ends in one of these ({@code db_password}). */
  public static final List<String> DEFAULT_KEY_ENDINGS =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "secret",
          "apikey",
          "privatekey",
          "secretkey",
          "accesstoken",
          "refreshtoken",
          "authtoken",
          "sessiontoken",
          "connectionstring");

  public RedactionRules {
    headers = lower(headers);
    headerWords = headerWords.stream().map(RedactionRules::normalize).distinct().toList();
    keys = normalized(keys);
    keyEndings =
        keyEndings.stream()
            .map(RedactionRules::normalize)
            .filter(ending -> !ending.isEmpty())
            .distinct()
            .toList();
  }

  /** Rules with keys matched by their whole name only. */
  public RedactionRules(Set<String> headers, List<String> headerWords, Set<String> keys) {
    this(headers, headerWords, keys, List.of());
  }

  public static RedactionRules defaults() {
    return new RedactionRules(
        DEFAULT_HEADERS, DEFAULT_HEADER_WORDS, DEFAULT_KEYS, DEFAULT_KEY_ENDINGS);
  }

  /** The defaults plus what {@code redaction.json} in the data directory adds, if it exists. */
  public static RedactionRules load(Path dataDirectory) {
    Path file = dataDirectory.resolve(FILE_NAME);
    RedactionRules rules = defaults();
    if (!Files.isRegularFile(file)) {
      return rules;
    }
    List<String> headers = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    try (JsonParser parser = JsonFiles.parser(Files.readAllBytes(file))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(file + ": expected a JSON object");
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        List<String> target =
            switch (name) {
              case "headers" -> headers;
              case "keys" -> keys;
              default -> null;
            };
        if (target == null || parser.currentToken() != JsonToken.START_ARRAY) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
          target.add(parser.getString());
        }
      }
    } catch (IOException | JacksonException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    return rules.withHeaders(headers).withKeys(keys);
  }

  /** These rules plus more keys. */
  public RedactionRules withKeys(Collection<String> more) {
    Set<String> all = new LinkedHashSet<>(keys);
    all.addAll(normalized(Set.copyOf(more)));
    return new RedactionRules(headers, headerWords, all, keyEndings);
  }

  /** These rules plus more header names. */
  public RedactionRules withHeaders(Collection<String> more) {
    Set<String> all = new LinkedHashSet<>(headers);
    all.addAll(lower(Set.copyOf(more)));
    return new RedactionRules(all, headerWords, keys, keyEndings);
  }

  /** Whether a header of this name is redacted. */
  public boolean redactsHeader(String name) {
    if (headers.contains(name.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String normalized = normalize(name);
    for (String word : headerWords) {
      if (normalized.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a JSON key, form field or query parameter of this name is redacted. */
  public boolean redactsKey(String name) {
    return redactsNormalizedKey(normalize(name));
  }

  /** {@link #redactsKey} for a name already {@linkplain #normalize normalized}. */
  boolean redactsNormalizedKey(String normalized) {
    if (keys.contains(normalized)) {
      return true;
    }
    for (String ending : keyEndings) {
      if (normalized.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A name as it is matched: lower case, letters and digits only ({@code Private_Key} and {@code
   * private-key} are {@code privatekey}).
   */
  public static String normalize(String name) {
    StringBuilder out = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (plain && out == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(name.length()).append(name, 0, i);
      }
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out == null ? name : out.toString();
  }

  private static Set<String> normalized(Set<String> names) {
    Set<String> result = new LinkedHashSet<>();
    for (String name : names) {
      String normalized = normalize(name);
      if (!normalized.isEmpty()) {
        result.add(normalized);
      }
    }
    return Set.copyOf(result);
  }

  private static Set<String> lower(Set<String> names) {
    Set<String> lower = new LinkedHashSet<>();
    for (String name : names) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(lower);
  }
}
