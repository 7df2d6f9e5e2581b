package dev.kubereplay.server.replay.compare;

import dev.kubereplay.server.replay.json.JsonDiff;
import dev.kubereplay.server.traffic.model.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a response with the recorded one: the status, the chosen headers and the body — JSON as
 * values, each difference with its path — leaving out what varies by nature (timestamps, ids,
 * durations: {@link Volatile}) and what the user said to ignore.
 */
public final class ResponseComparison {

  /**
   * What to compare.
   *
   * @param comparedHeaders headers compared, by name in any case; by default only Content-Type (its
   *     media type), as headers such as Date and request ids differ on every call
   * @param ignoredJsonPaths JSON paths left out, as {@code $.a.b}, {@code $.items[0]} or {@code
   *     $.items[*].id} (a path leaves out everything under it)
   * @param detectNoise whether values that vary by nature are left out without being named
   */
  public record Options(
      Set<String> comparedHeaders, Set<String> ignoredJsonPaths, boolean detectNoise) {

    public static final Options DEFAULT = new Options(Set.of("content-type"), Set.of(), true);

    public Options {
      comparedHeaders =
          comparedHeaders.stream()
              .map(h -> h.toLowerCase(Locale.ROOT))
              .collect(Collectors.toUnmodifiableSet());
      ignoredJsonPaths = Set.copyOf(ignoredJsonPaths);
    }
  }

  /**
   * What a comparison found.
   *
   * @param mismatches every difference that counts
   * @param noise the paths left out because both sides held a value that varies by nature
   */
  public record Result(List<Mismatch> mismatches, List<String> noise) {
    public boolean passed() {
      return mismatches.isEmpty();
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Options options;
  private final List<Pattern> ignored;

  public ResponseComparison(Options options) {
    this.options = options;
    this.ignored =
        options.ignoredJsonPaths().stream().map(ResponseComparison::pathPattern).toList();
  }

  /** {@code $.items[*].id} as a pattern that matches the path and everything under it. */
  private static Pattern pathPattern(String path) {
    StringBuilder regex = new StringBuilder();
    for (String piece : path.split("\\[\\*\\]", -1)) {
      if (regex.length() > 0) {
        regex.append("\\[[0-9]+\\]");
      }
      regex.append(Pattern.quote(piece));
    }
    return Pattern.compile(regex + "(?:[.\\[].*)?");
  }

  /** Compares; the bodies are the plain ones (any content coding undone). */
  public Result compare(
      int expectedStatus,
      List<Header> expectedHeaders,
      byte[] expectedBody,
      int actualStatus,
      List<Header> actualHeaders,
      byte[] actualBody) {
    List<Mismatch> mismatches = new ArrayList<>();
    List<String> noise = new ArrayList<>();
    if (expectedStatus != actualStatus) {
      mismatches.add(
          new Mismatch("status", String.valueOf(expectedStatus), String.valueOf(actualStatus)));
    }
    for (String name : new TreeSet<>(options.comparedHeaders())) {
      String expected = headerValue(expectedHeaders, name);
      String actual = headerValue(actualHeaders, name);
      if (name.equals("content-type")) {
        expected = mediaType(expected);
        actual = mediaType(actual);
      }
      if (expected != null && !expected.equals(actual)) {
        mismatches.add(new Mismatch("header " + name, expected, actual));
      }
    }
    JsonNode expectedJson = json(expectedHeaders, expectedBody);
    JsonNode actualJson = expectedJson == null ? null : json(actualHeaders, actualBody);
    if (expectedJson != null && actualJson != null) {
      compareJson(expectedJson, actualJson, mismatches, noise);
    } else if (!Arrays.equals(expectedBody, actualBody)) {
      String expected = text(expectedBody);
      String actual = text(actualBody);
      if (options.detectNoise() && Volatile.sameKind(expected.strip(), actual.strip())) {
        noise.add("body");
      } else {
        mismatches.add(new Mismatch("body", snippet(expected), snippet(actual)));
      }
    }
    return new Result(mismatches, noise);
  }

  private boolean ignores(String path) {
    for (Pattern pattern : ignored) {
      if (pattern.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  private void compareJson(
      JsonNode expected, JsonNode actual, List<Mismatch> found, List<String> noise) {
    JsonDiff.walk(
        expected,
        actual,
        new JsonDiff.Rules() {
          @Override
          public boolean ignores(String path) {
            return ResponseComparison.this.ignores(path);
          }

          @Override
          public boolean same(String path, JsonNode recorded, JsonNode live) {
            boolean noisy =
                options.detectNoise()
                    && recorded.isValueNode()
                    && live.isValueNode()
                    && Volatile.sameKind(scalar(recorded), scalar(live));
            if (noisy) {
              noise.add(path);
            }
            return noisy;
          }

          @Override
          public void differs(String path, JsonNode recorded, JsonNode live) {
            found.add(
                new Mismatch(
                    path,
                    recorded == null ? null : recorded.toString(),
                    live == null ? null : live.toString()));
          }
        });
  }

  private static String scalar(JsonNode node) {
    return node.isString() ? node.stringValue() : node.toString();
  }

  private static String headerValue(List<Header> headers, String lowerCaseName) {
    for (Header header : headers) {
      if (header.name().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
        return header.value();
      }
    }
    return null;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /** The body as JSON when it says or looks so, else null. */
  private static JsonNode json(List<Header> headers, byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    String type = mediaType(headerValue(headers, "content-type"));
    boolean claimed = type != null && (type.equals("application/json") || type.endsWith("+json"));
    if (!claimed && body[0] != '{' && body[0] != '[') {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException notJson) {
      return null;
    }
  }

  private static String text(byte[] body) {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  private static String snippet(String text) {
    if (text.isEmpty()) {
      return "(no body)";
    }
    return text.length() <= 120 ? text : text.substring(0, 120) + "… (" + text.length() + " chars)";
  }
}
