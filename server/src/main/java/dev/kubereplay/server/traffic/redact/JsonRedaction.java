package dev.kubereplay.server.traffic.redact;

import dev.kubereplay.server.traffic.JsonFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Redacts the values of chosen keys in a JSON body, keeping its shape: a scalar becomes {@code
 * "-REDACTED-"}, an object or array keeps its structure with every scalar inside redacted. A string
 * that is itself a JSON document ({@code "body": "{\"password\": ...}"}) is redacted the same way.
 * A body with nothing to redact keeps its exact bytes. A body that is not valid JSON (cut short,
 * say) is redacted by {@link BrokenJson}.
 */
final class JsonRedaction {

  /** How deep JSON inside JSON strings is followed. */
  private static final int NESTING = 3;

  /** Names longer than this (in bytes) are not looked at by the byte scan. */
  private static final int LONGEST_NAME = 128;

  private final RedactionRules rules;
  private final KeyTrie keys;

  /** Some key is not plain ASCII, which the byte scan cannot match in any case. */
  private final boolean parseAlways;

  JsonRedaction(RedactionRules rules) {
    this.rules = rules;
    this.keys = new KeyTrie(rules);
    this.parseAlways = !keys.complete(); // the byte scan knows ASCII letters and digits only
  }

  /**
   * Whether the body may hold a key to redact: a quoted name (also inside an escaped JSON string)
   * that is a key to redact in any case and spelling, or a backslash-u escape (which could spell
   * one, as <code>"to&#92;u006ben"</code> does). One pass over the body, before any parsing: each
   * quote starts a name that ends at the next quote or backslash, read backwards through a {@link
   * KeyTrie}. Keys with non-ASCII characters are not matched byte by byte: with one of those, every
   * body is parsed.
   */
  boolean mayContainKey(byte[] body) {
    if (parseAlways) {
      return true;
    }
    KeyTrie keys = this.keys;
    for (int i = 0, last = body.length - 1; i < last; i++) {
      byte b = body[i];
      if (b == '\\' && body[i + 1] == 'u') {
        return true;
      }
      if (b != '"') {
        continue;
      }
      int end = i + 1;
      while (end < body.length && body[end] != '"' && body[end] != '\\') {
        end++;
      }
      if (end < body.length && end - i <= LONGEST_NAME) {
        int node = KeyTrie.root();
        for (int k = end - 1; k > i && node != KeyTrie.NONE; k--) {
          node = keys.step(node, body[k]);
          if (keys.endingAt(node)) {
            return true;
          }
        }
        if (keys.keyAt(node)) {
          return true;
        }
      }
      i = end - 1; // the next quote starts the next name
    }
    return false;
  }

  /** The redacted body, or {@code body} itself when nothing was redacted. */
  byte[] redact(byte[] body) {
    return redact(body, 0);
  }

  private byte[] redact(byte[] body, int nesting) {
    if (!mayContainKey(body)) {
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
        } else if (token == JsonToken.VALUE_STRING && nesting < NESTING) {
          changed |= embedded(parser, generator, nesting);
        } else {
          generator.copyCurrentEventExact(parser);
        }
      }
    } catch (JacksonException e) {
      return nesting == 0 ? BrokenJson.redact(body, rules) : body;
    }
    return changed ? out.toByteArray() : body;
  }

  /** A string value, redacted as JSON when it is a JSON document with keys to redact. */
  private boolean embedded(JsonParser parser, JsonGenerator generator, int nesting) {
    String value = parser.getString();
    String trimmed = value.strip();
    if (trimmed.length() < 2 || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[')) {
      generator.copyCurrentEventExact(parser);
      return false;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    byte[] redacted = redact(bytes, nesting + 1);
    if (redacted == bytes) {
      generator.copyCurrentEventExact(parser);
      return false;
    }
    generator.writeString(new String(redacted, StandardCharsets.UTF_8));
    return true;
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
}
