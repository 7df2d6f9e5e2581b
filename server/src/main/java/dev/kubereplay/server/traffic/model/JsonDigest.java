package dev.kubereplay.server.traffic.model;

/**
 * A hash of a JSON document's meaning rather than its text: whitespace, the order of an object's
 * members and the escaping of strings do not count; array order, values and numbers as written
 * ({@code 1.0} is not {@code 1}) do. One pass over the bytes without building a tree or a string:
 * an object's hash is the sum of its members' hashes (a sum does not depend on order), an array's
 * the hash of its elements in turn; unescaped strings are hashed where they lie. A JSON parser
 * costs more than the hashing for the small bodies most requests carry, hence this one (RFC 8259;
 * strings are not checked to be UTF-8). Not thread-safe: one per thread.
 */
final class JsonDigest {

  /** Deeper documents are not JSON to a signature: they are compared byte for byte. */
  static final int MAX_DEPTH = 500;

  /** One open object or array. */
  private static final class Frame {
    final Murmur3 elements = new Murmur3();
    boolean object;
    int count;
    long sum1;
    long sum2;
    int keyStart;
    int keyLength;
    boolean keyEscaped;
  }

  private final Frame[] frames = new Frame[MAX_DEPTH];
  private final Murmur3 single = new Murmur3();
  private final long[] digest = new long[2];
  private byte[] decoded = new byte[128];
  private byte[] in;
  private int pos;
  private int end;
  private int depth;

  // the value just read: a scalar's tag and span, or a container's digest (tag '{' or '[')
  private byte tag;
  private int start;
  private int length;
  private boolean escaped;

  /**
   * Hashes {@code json[offset, offset + length)} into {@code out}; false (and {@code out}
   * unchanged) when it is not one well-formed JSON value, or is nested deeper than {@link
   * #MAX_DEPTH}.
   */
  boolean digest(byte[] json, int offset, int count, long[] out) {
    in = json;
    pos = offset;
    end = offset + count;
    depth = 0;
    try {
      if (!document()) {
        return false;
      }
      feed(single.reset()).digest(out);
      return true;
    } finally {
      in = null;
    }
  }

  private boolean document() {
    while (true) {
      if (!value()) {
        return false;
      }
      // hand completed values up until one leaves a container open
      while (true) {
        if (depth == 0) {
          return skipSpace() == end;
        }
        Frame frame = frames[depth - 1];
        deliver(frame);
        int at = skipSpace();
        byte next = at < end ? in[at] : 0;
        pos = at + 1;
        if (next == ',') {
          if (frame.object && !key(frame)) {
            return false;
          }
          break;
        }
        if (next != (frame.object ? '}' : ']')) {
          return false;
        }
        close(frame);
      }
    }
  }

  /** Reads one value; a container is opened (and, when empty, closed at once). */
  private boolean value() {
    pos = skipSpace();
    if (pos == end) {
      return false;
    }
    byte c = in[pos];
    if (c == '{' || c == '[') {
      if (depth == MAX_DEPTH) {
        return false;
      }
      Frame frame = frames[depth] == null ? frames[depth] = new Frame() : frames[depth];
      depth++;
      frame.object = c == '{';
      frame.count = 0;
      frame.sum1 = 0;
      frame.sum2 = 0;
      frame.elements.reset();
      pos++;
      int at = skipSpace();
      if (at < end && in[at] == (frame.object ? '}' : ']')) {
        pos = at + 1;
        close(frame);
        return true;
      }
      return frame.object ? key(frame) && value() : value();
    }
    return scalar(c);
  }

  /** Reads {@code "name":} into the frame. */
  private boolean key(Frame frame) {
    pos = skipSpace();
    if (pos == end || in[pos] != '"' || !string()) {
      return false;
    }
    frame.keyStart = start;
    frame.keyLength = length;
    frame.keyEscaped = escaped;
    pos = skipSpace();
    if (pos == end || in[pos] != ':') {
      return false;
    }
    pos++;
    return true;
  }

  /** Ends the innermost container: its digest becomes the value just read. */
  private void close(Frame frame) {
    depth--;
    if (frame.object) {
      single.reset().update((byte) '{').update(frame.count).update(frame.sum1, frame.sum2);
      single.digest(digest);
    } else {
      frame.elements.update((byte) '[').update(frame.count).digest(digest);
    }
    tag = frame.object ? (byte) '{' : (byte) '[';
  }

  /** Adds the value just read to its container. */
  private void deliver(Frame frame) {
    frame.count++;
    if (frame.object) {
      single.reset();
      bytes(single, frame.keyStart, frame.keyLength, frame.keyEscaped);
      feed(single).digest(digest);
      frame.sum1 += digest[0];
      frame.sum2 += digest[1];
    } else {
      feed(frame.elements);
    }
  }

  /** Feeds the value just read: its tag, then its text or digest. */
  private Murmur3 feed(Murmur3 hash) {
    hash.update(tag);
    switch (tag) {
      case '{', '[' -> hash.update(digest[0], digest[1]);
      case 's' -> bytes(hash, start, length, escaped);
      case 'n' -> hash.update(length).update(in, start, length);
      default -> {} // t, f, z: the tag is the value
    }
    return hash;
  }

  private boolean scalar(byte c) {
    switch (c) {
      case '"' -> {
        tag = 's';
        return string();
      }
      case 't' -> {
        tag = 't';
        return literal("true");
      }
      case 'f' -> {
        tag = 'f';
        return literal("false");
      }
      case 'n' -> {
        tag = 'z';
        return literal("null");
      }
      default -> {
        tag = 'n';
        return number();
      }
    }
  }

  private boolean literal(String word) {
    if (end - pos < word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (in[pos + i] != word.charAt(i)) {
        return false;
      }
    }
    pos += word.length();
    return true;
  }

  /** {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}, kept as written. */
  private boolean number() {
    start = pos;
    if (pos < end && in[pos] == '-') {
      pos++;
    }
    if (pos < end && in[pos] == '0') {
      pos++;
    } else if (digits() == 0) {
      return false;
    }
    if (pos < end && in[pos] == '.') {
      pos++;
      if (digits() == 0) {
        return false;
      }
    }
    if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      if (digits() == 0) {
        return false;
      }
    }
    length = pos - start;
    return true;
  }

  private int digits() {
    int from = pos;
    while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    return pos - from;
  }

  /** Reads a string at {@code pos} (its opening quote): its content's span, checked. */
  private boolean string() {
    start = ++pos;
    escaped = false;
    while (pos < end) {
      byte b = in[pos];
      if (b == '"') {
        length = pos - start;
        pos++;
        return true;
      }
      if (b >= 0 && b < 0x20) {
        return false;
      }
      if (b == '\\') {
        escaped = true;
        if (pos + 1 >= end) {
          return false;
        }
        byte e = in[pos + 1];
        if (e == 'u') {
          if (pos + 5 >= end || unit(pos + 2) < 0) {
            return false;
          }
          pos += 6;
          continue;
        }
        if ("\"\\/bfnrt".indexOf(e) < 0) {
          return false;
        }
        pos += 2;
        continue;
      }
      pos++;
    }
    return false;
  }

  /** Feeds a string's content as UTF-8, escapes undone, after its length. */
  private void bytes(Murmur3 hash, int from, int count, boolean withEscapes) {
    if (!withEscapes) {
      hash.update(count).update(in, from, count);
      return;
    }
    if (decoded.length < count) {
      decoded = new byte[Math.max(count, decoded.length * 2)];
    }
    int o = 0;
    int stop = from + count;
    for (int i = from; i < stop; ) {
      byte b = in[i];
      if (b != '\\') {
        decoded[o++] = b;
        i++;
        continue;
      }
      byte e = in[i + 1];
      if (e != 'u') {
        decoded[o++] =
            switch (e) {
              case 'b' -> '\b';
              case 'f' -> '\f';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 't' -> '\t';
              default -> e; // " \ /
            };
        i += 2;
        continue;
      }
      int cp = unit(i + 2);
      i += 6;
      if (Character.isHighSurrogate((char) cp)
          && i + 5 < stop
          && in[i] == '\\'
          && in[i + 1] == 'u'
          && Character.isLowSurrogate((char) unit(i + 2))) {
        cp = Character.toCodePoint((char) cp, (char) unit(i + 2));
        i += 6;
      }
      o = utf8(cp, o);
    }
    hash.update(o).update(decoded, 0, o);
  }

  /** Writes a code point (a lone surrogate as its three bytes) at {@code o}; answers the end. */
  private int utf8(int cp, int o) {
    if (cp < 0x80) {
      decoded[o++] = (byte) cp;
    } else if (cp < 0x800) {
      decoded[o++] = (byte) (0xc0 | (cp >> 6));
      decoded[o++] = (byte) (0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      decoded[o++] = (byte) (0xe0 | (cp >> 12));
      decoded[o++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      decoded[o++] = (byte) (0x80 | (cp & 0x3f));
    } else {
      decoded[o++] = (byte) (0xf0 | (cp >> 18));
      decoded[o++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      decoded[o++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      decoded[o++] = (byte) (0x80 | (cp & 0x3f));
    }
    return o;
  }

  /** The four hex digits at {@code at} as a UTF-16 unit, or -1. */
  private int unit(int at) {
    int value = 0;
    for (int i = at; i < at + 4; i++) {
      int d = Character.digit(in[i], 16);
      if (d < 0) {
        return -1;
      }
      value = value << 4 | d;
    }
    return value;
  }

  private int skipSpace() {
    int at = pos;
    while (at < end && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
      at++;
    }
    return at;
  }
}
