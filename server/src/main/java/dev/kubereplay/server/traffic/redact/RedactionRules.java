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
 * What redaction removes: headers by name (and any header whose name looks like it carries a
 * credential), and keys, which are matched in JSON bodies, form bodies and URL query parameters.
 * Names and keys match case-insensitively.
 *
 * <p>Defaults can be extended in {@code <data directory>/redaction.json}: {@code {"headers":
 * ["X-Internal-Auth"], "keys": ["ssn"]}}, and per import.
 *
 * @param headers header names, lower case
 * @param headerWords a header whose lower-case name contains one of these is redacted too
 * @param keys JSON keys and query parameter names, lower case
 */
public record RedactionRules(Set<String> headers, List<String> headerWords, Set<String> keys) {

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
      List.of("token", "secret", "passw", "apikey", "api-key", "api_key", "credential", "session");

  public static final Set<String> DEFAULT_KEYS =
      Set.of(
          "password",
          "token",
          "secret",
          "access_token",
          "refresh_token",
          "client_secret",
          "api_key");

  public RedactionRules {
    headers = lower(headers);
    headerWords = List.copyOf(headerWords);
    keys = lower(keys);
  }

  public static RedactionRules defaults() {
    return new RedactionRules(DEFAULT_HEADERS, DEFAULT_HEADER_WORDS, DEFAULT_KEYS);
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
    all.addAll(lower(Set.copyOf(more)));
    return new RedactionRules(headers, headerWords, all);
  }

  /** These rules plus more header names. */
  public RedactionRules withHeaders(Collection<String> more) {
    Set<String> all = new LinkedHashSet<>(headers);
    all.addAll(lower(Set.copyOf(more)));
    return new RedactionRules(all, headerWords, keys);
  }

  /** Whether a header of this name is redacted. */
  public boolean redactsHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (headers.contains(lower)) {
      return true;
    }
    for (String word : headerWords) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a JSON key or query parameter of this name is redacted. */
  public boolean redactsKey(String name) {
    return keys.contains(name.toLowerCase(Locale.ROOT));
  }

  private static Set<String> lower(Set<String> names) {
    Set<String> lower = new LinkedHashSet<>();
    for (String name : names) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(lower);
  }
}
