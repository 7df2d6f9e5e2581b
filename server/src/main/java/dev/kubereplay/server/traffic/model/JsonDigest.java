package dev.kubereplay.server.traffic.model;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * A hash of a JSON document's meaning rather than its text: whitespace, the order of an object's
 * members and the escaping of strings do not count; array order, values and numbers as written
 * ({@code 1.0} is not {@code 1}) do. Streams the tokens once without building a tree: an object's
 * hash is the sum of its members' hashes (a sum does not depend on order), an array's is the hash
 * of its elements in turn. Not thread-safe: one per thread.
 */
final class JsonDigest {

  /** Deeper documents are not JSON to a signature: they are compared byte for byte. */
  static final int MAX_DEPTH = 500;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxDocumentLength(-1)
                  .maxStringLength(Integer.MAX_VALUE - 16)
                  .build())
          .build();

  /** One open object or array. */
  private static final class Frame {
    final Murmur3 hash = new Murmur3();
    boolean object;
    int count;
    long sum1;
    long sum2;
    String name;
  }

  private final List<Frame> frames = new ArrayList<>();
  private final Murmur3 scalar = new Murmur3();
  private final long[] value = new long[2];
  private byte[] chars = new byte[256];
  private int depth;

  /**
   * Hashes {@code json[offset, offset + length)} into {@code out}; false (and {@code out}
   * unchanged) when it is not one well-formed JSON value, or is nested deeper than {@link
   * #MAX_DEPTH}.
   */
  boolean digest(byte[] json, int offset, int length, long[] out) {
    depth = 0;
    try (JsonParser parser =
        FACTORY.createParser(ObjectReadContext.empty(), json, offset, length)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return false;
      }
      while (token != null) {
        if (!step(parser, token)) {
          break; // the root value is complete
        }
        token = parser.nextToken();
      }
      if (depth != 0 || parser.nextToken() != null) {
        return false;
      }
      out[0] = value[0];
      out[1] = value[1];
      return true;
    } catch (JacksonException e) {
      return false;
    }
  }

  /** Takes one token; false once the root value is complete. */
  private boolean step(JsonParser parser, JsonToken token) {
    switch (token) {
      case START_OBJECT, START_ARRAY -> {
        Frame frame = push();
        frame.object = token == JsonToken.START_OBJECT;
        frame.count = 0;
        frame.sum1 = 0;
        frame.sum2 = 0;
        frame.hash.reset().update((byte) (frame.object ? '{' : '['));
        return true;
      }
      case PROPERTY_NAME -> {
        frames.get(depth - 1).name = parser.currentName();
        return true;
      }
      case END_OBJECT -> {
        Frame frame = frames.get(--depth);
        frame.hash.update(frame.count).update(frame.sum1, frame.sum2).digest(value);
      }
      case END_ARRAY -> {
        Frame frame = frames.get(--depth);
        frame.hash.update(frame.count).digest(value);
      }
      case VALUE_STRING -> scalar(parser, (byte) 's');
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> scalar(parser, (byte) 'n');
      case VALUE_TRUE -> scalar.reset().update((byte) 't').digest(value);
      case VALUE_FALSE -> scalar.reset().update((byte) 'f').digest(value);
      case VALUE_NULL -> scalar.reset().update((byte) 'z').digest(value);
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    }
    return completed();
  }

  /** Hands the value just hashed to the open container; false when it was the root. */
  private boolean completed() {
    if (depth == 0) {
      return false;
    }
    Frame parent = frames.get(depth - 1);
    parent.count++;
    if (parent.object) {
      scalar.reset();
      chars(scalar, parent.name);
      scalar.update(value[0], value[1]).digest(value);
      parent.sum1 += value[0];
      parent.sum2 += value[1];
    } else {
      parent.hash.update(value[0], value[1]);
    }
    return true;
  }

  private Frame push() {
    if (depth == frames.size()) {
      frames.add(new Frame());
    }
    return frames.get(depth++);
  }

  private void scalar(JsonParser parser, byte kind) {
    scalar.reset().update(kind);
    chars(scalar, parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
    scalar.digest(value);
  }

  private void chars(Murmur3 hash, String text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      chars[2 * i] = (byte) c;
      chars[2 * i + 1] = (byte) (c >>> 8);
    }
    hash.update(n).update(chars, 0, 2 * n);
  }

  /** UTF-16 code units as they are: the same text always gives the same units. */
  private void chars(Murmur3 hash, char[] text, int offset, int n) {
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = text[offset + i];
      chars[2 * i] = (byte) c;
      chars[2 * i + 1] = (byte) (c >>> 8);
    }
    hash.update(n).update(chars, 0, 2 * n);
  }

  private void ensure(int n) {
    if (chars.length < 2 * n) {
      chars = new byte[Math.max(2 * n, chars.length * 2)];
    }
  }
}
