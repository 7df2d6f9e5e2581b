package dev.kubereplay.server.traffic.redact;

import dev.kubereplay.server.traffic.JsonFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Redacts the values of chosen keys in a JSON body, keeping its shape: a scalar becomes {@code
 * "-REDACTED-"}, an object or array keeps its structure with every scalar inside redacted. A body
 * with nothing to redact keeps its exact bytes. A body that is not valid JSON (cut short, say) has
 * {@code "key": value} pairs replaced textually.
 */
final class JsonRedaction {

  private final RedactionRules rules;
  private final byte[][] lowerKeys;

  /** The keys by their first byte: the scan looks at one entry per quote. */
  private final byte[][][] keysByFirst;

  /** Some key is not plain ASCII, which the byte scan cannot match in any case. */
  private final boolean parseAlways;

  private final Pattern textual;

  JsonRedaction(RedactionRules rules) {
    this.rules = rules;
    this.lowerKeys =
        rules.keys().stream()
            .map(key -> key.getBytes(StandardCharsets.UTF_8))
            .toArray(byte[][]::new);
    boolean unmatchable = false; // by the byte scan, which lowers ASCII letters only
    this.keysByFirst = new byte[128][][];
    for (byte[] key : lowerKeys) {
      if (key.length == 0 || key[0] < 0) {
        unmatchable = true;
        continue;
      }
      for (byte b : key) {
        unmatchable |= b < 0 || (b >= 'A' && b <= 'Z');
      }
      byte[][] same = keysByFirst[key[0]];
      same = same == null ? new byte[1][] : Arrays.copyOf(same, same.length + 1);
      same[same.length - 1] = key;
      keysByFirst[key[0]] = same;
    }
    this.parseAlways = unmatchable;
    StringBuilder alternatives = new StringBuilder();
    for (String key : rules.keys()) {
      alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(key));
    }
    this.textual =
        Pattern.compile(
            "(\"(?i:" + alternatives + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}\\]\\s]+)");
  }

  /**
   * Whether the body may hold a key to redact: a quoted key ({@code "token"}) in any case, or a
   * backslash-u escape (which could spell one, as <code>"to&#92;u006ben"</code> does). One pass
   * over the body, before any parsing, that looks closer only at quotes followed by the first byte
   * of a key. Keys with non-ASCII characters are not matched byte by byte: with one of those, every
   * body is parsed.
   */
  boolean mayContainKey(byte[] body) {
    if (parseAlways) {
      return true;
    }
    byte[][][] keysByFirst = this.keysByFirst;
    for (int i = 0, last = body.length - 2; i < last; i++) {
      byte b = body[i];
      if (b == '\\' && body[i + 1] == 'u') {
        return true;
      }
      if (b != '"') {
        continue;
      }
      int first = lower(body[i + 1]);
      byte[][] keys = first < 0 ? null : keysByFirst[first];
      if (keys == null) {
        continue;
      }
      for (byte[] key : keys) {
        int end = i + 1 + key.length;
        if (end < body.length && body[end] == '"' && matchesLower(body, i + 1, key)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The redacted body, or {@code body} itself when nothing was redacted. */
  byte[] redact(byte[] body) {
    if (lowerKeys.length == 0 || !mayContainKey(body)) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
    boolean changed = false;
    try (JsonParser parser = JsonFiles.parser(body);
        JsonGenerator generator = JsonFiles.generator(out)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.PROPERTY_NAME && rules.redactsKey(parser.currentName())) {
          generator.writeName(parser.currentName());
          parser.nextToken();
          changed |= redactValue(parser, generator);
        } else {
          generator.copyCurrentEventExact(parser);
        }
      }
    } catch (JacksonException e) {
      return redactText(body);
    }
    return changed ? out.toByteArray() : body;
  }

  private static boolean redactValue(JsonParser parser, JsonGenerator generator) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      boolean changed = false;
      int depth = 0;
      do {
        JsonToken current = parser.currentToken();
        if (current.isStructStart()) {
          depth++;
          generator.copyCurrentEvent(parser);
        } else if (current.isStructEnd()) {
          depth--;
          generator.copyCurrentEvent(parser);
        } else if (current == JsonToken.PROPERTY_NAME) {
          generator.copyCurrentEvent(parser);
        } else {
          changed |= scalar(parser, generator);
        }
        if (depth > 0) {
          parser.nextToken();
        }
      } while (depth > 0);
      return changed;
    }
    return scalar(parser, generator);
  }

  private static boolean scalar(JsonParser parser, JsonGenerator generator) {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      generator.writeNull();
      return false;
    }
    boolean already =
        parser.currentToken() == JsonToken.VALUE_STRING
            && RedactionRules.REDACTED.equals(parser.getString());
    generator.writeString(RedactionRules.REDACTED);
    return !already;
  }

  private byte[] redactText(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    Matcher matcher = textual.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    boolean changed = false;
    while (matcher.find()) {
      String value = matcher.group(2);
      String replacement = "\"" + RedactionRules.REDACTED + "\"";
      if (!value.equals(replacement)) {
        changed = true;
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + replacement));
    }
    matcher.appendTail(out);
    return changed ? out.toString().getBytes(StandardCharsets.UTF_8) : body;
  }

  private static boolean matchesLower(byte[] body, int start, byte[] lowerKey) {
    for (int j = 0; j < lowerKey.length; j++) {
      if (lower(body[start + j]) != lowerKey[j]) {
        return false;
      }
    }
    return true;
  }

  private static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
  }
}
