package dev.kubereplay.server.traffic;

import java.util.Arrays;

/**
 * UTF-8 encoding of characters straight from a parser's buffer, without a {@link String} in
 * between: a large import encodes every body, and a String costs an allocation and two more passes
 * over the text (compacting it, then checking it for non-ASCII). The bytes are those of {@code new
 * String(chars, offset, length).getBytes(UTF_8)}, including its {@code '?'} for an unpaired
 * surrogate.
 */
public final class Utf8 {

  private Utf8() {}

  /** The UTF-8 bytes of {@code chars[offset, offset + length)}. */
  public static byte[] encode(char[] chars, int offset, int length) {
    byte[] ascii = new byte[length];
    int i = 0;
    while (i < length) {
      char c = chars[offset + i];
      if (c >= 0x80) {
        break;
      }
      ascii[i++] = (byte) c;
    }
    if (i == length) {
      return ascii;
    }
    byte[] out = Arrays.copyOf(ascii, i + encodedLength(chars, offset + i, length - i));
    encode(chars, offset + i, length - i, out, i);
    return out;
  }

  /** How many bytes {@link #encode} makes of these characters. */
  public static int encodedLength(char[] chars, int offset, int length) {
    int bytes = 0;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
          bytes += 4;
          i++;
        } else {
          bytes++; // '?'
        }
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** Encodes into {@code out} from {@code at}; answers the position after the last byte. */
  public static int encode(char[] chars, int offset, int length, byte[] out, int at) {
    int end = offset + length;
    int o = at;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (c < 0x80) {
        out[o++] = (byte) c;
      } else if (c < 0x800) {
        out[o++] = (byte) (0xc0 | (c >> 6));
        out[o++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isSurrogate(c)) {
        char low;
        if (Character.isHighSurrogate(c)
            && i + 1 < end
            && Character.isLowSurrogate(low = chars[i + 1])) {
          int cp = Character.toCodePoint(c, low);
          out[o++] = (byte) (0xf0 | (cp >> 18));
          out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
          out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
          out[o++] = (byte) (0x80 | (cp & 0x3f));
          i++;
        } else {
          out[o++] = '?';
        }
      } else {
        out[o++] = (byte) (0xe0 | (c >> 12));
        out[o++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        out[o++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return o;
  }
}
