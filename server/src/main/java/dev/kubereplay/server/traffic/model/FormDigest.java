package dev.kubereplay.server.traffic.model;

/**
 * A hash of {@code name=value&...} fields (a URL's query, an urlencoded form body) that does not
 * depend on their order or on how they are escaped: each field is decoded ({@code +} is a space,
 * {@code %XX} a byte; a {@code %} not followed by two hex digits stays as it is), hashed, and the
 * field hashes are summed. Empty fields ({@code a=1&&b=2}) do not count, and {@code a} is {@code
 * a=}. Repeated names count each time. Not thread-safe: one per thread.
 */
final class FormDigest {

  private final Murmur3 field = new Murmur3();
  private final long[] hash = new long[2];
  private byte[] decoded = new byte[256];

  /** Hashes the fields of {@code form[0, length)} into {@code out}, tagged with {@code kind}. */
  void digest(byte kind, byte[] form, int length, long[] out) {
    long sum1 = 0;
    long sum2 = 0;
    int count = 0;
    int start = 0;
    while (start <= length) {
      int end = start;
      while (end < length && form[end] != '&') {
        end++;
      }
      if (end > start) {
        fieldHash(form, start, end);
        sum1 += hash[0];
        sum2 += hash[1];
        count++;
      }
      start = end + 1;
    }
    field.reset().update(kind).update(count).update(sum1, sum2).digest(out);
  }

  private void fieldHash(byte[] form, int start, int end) {
    if (decoded.length < end - start) {
      decoded = new byte[Math.max(end - start, decoded.length * 2)];
    }
    int equals = start;
    while (equals < end && form[equals] != '=') {
      equals++;
    }
    int nameLength = decode(form, start, equals, 0);
    int valueLength = equals < end ? decode(form, equals + 1, end, nameLength) - nameLength : 0;
    field
        .reset()
        .update(nameLength)
        .update(decoded, 0, nameLength)
        .update(valueLength)
        .update(decoded, nameLength, valueLength)
        .digest(hash);
  }

  /** Decodes {@code form[from, to)} into {@code decoded} at {@code at}; answers the end. */
  private int decode(byte[] form, int from, int to, int at) {
    int o = at;
    for (int i = from; i < to; i++) {
      byte b = form[i];
      if (b == '+') {
        decoded[o++] = ' ';
      } else if (b == '%' && i + 2 < to && hex(form[i + 1]) >= 0 && hex(form[i + 2]) >= 0) {
        decoded[o++] = (byte) (hex(form[i + 1]) << 4 | hex(form[i + 2]));
        i += 2;
      } else {
        decoded[o++] = b;
      }
    }
    return o;
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
