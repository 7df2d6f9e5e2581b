package dev.kubereplay.server.traffic.model;

/**
 * MurmurHash3, x64 128-bit variant (Austin Appleby's {@code MurmurHash3_x64_128}, seed 0), fed in
 * pieces: the hash of the pieces is the hash of their concatenation. Not a cryptographic hash: it
 * keys recorded requests, which are not chosen to collide; it costs a fraction of SHA-256, whose
 * intrinsics the C1-only JIT an IDE runs the server with does not use.
 *
 * <p>{@link RequestSignature} hashes with it; one instance is used by one thread at a time.
 */
final class Murmur3 {

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private final byte[] tail = new byte[16];
  private int tailLength;
  private long h1;
  private long h2;
  private long length;

  /** Starts a new hash. */
  Murmur3 reset() {
    tailLength = 0;
    h1 = 0;
    h2 = 0;
    length = 0;
    return this;
  }

  Murmur3 update(byte b) {
    tail[tailLength++] = b;
    length++;
    if (tailLength == 16) {
      block(tail, 0);
      tailLength = 0;
    }
    return this;
  }

  Murmur3 update(byte[] bytes) {
    return update(bytes, 0, bytes.length);
  }

  /** Feeds {@code bytes[offset, offset + count)}. */
  Murmur3 update(byte[] bytes, int offset, int count) {
    int at = offset;
    int end = offset + count;
    length += count;
    if (tailLength > 0) {
      int take = Math.min(16 - tailLength, count);
      System.arraycopy(bytes, offset, tail, tailLength, take);
      tailLength += take;
      at += take;
      if (tailLength < 16) {
        return this;
      }
      block(tail, 0);
      tailLength = 0;
    }
    for (; at + 16 <= end; at += 16) {
      block(bytes, at);
    }
    tailLength = end - at;
    System.arraycopy(bytes, at, tail, 0, tailLength);
    return this;
  }

  /**
   * Feeds {@code value} as 4 bytes, little-endian: the length of what follows, so parts never run
   * together.
   */
  Murmur3 update(int value) {
    if (tailLength > 12) {
      for (int i = 0; i < 4; i++) {
        update((byte) (value >>> (8 * i)));
      }
      return this;
    }
    tail[tailLength] = (byte) value;
    tail[tailLength + 1] = (byte) (value >>> 8);
    tail[tailLength + 2] = (byte) (value >>> 16);
    tail[tailLength + 3] = (byte) (value >>> 24);
    tailLength += 4;
    length += 4;
    if (tailLength == 16) {
      block(tail, 0);
      tailLength = 0;
    }
    return this;
  }

  /** Feeds another hash (as {@link #digest(long[])} gives it), 16 bytes. */
  Murmur3 update(long first, long second) {
    if (tailLength == 0) {
      length += 16;
      block(first, second);
      return this;
    }
    for (int i = 0; i < 8; i++) {
      update((byte) (first >>> (8 * i)));
    }
    for (int i = 0; i < 8; i++) {
      update((byte) (second >>> (8 * i)));
    }
    return this;
  }

  /** The 16 bytes of the hash: h1 then h2, each little-endian (as the reference code's output). */
  byte[] digest() {
    long[] hash = digest(new long[2]);
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (hash[0] >>> (8 * i));
      out[8 + i] = (byte) (hash[1] >>> (8 * i));
    }
    return out;
  }

  /** The hash as h1 and h2 in {@code out}, without allocating; answers {@code out}. */
  long[] digest(long[] out) {
    long k1 = 0;
    long k2 = 0;
    for (int i = tailLength - 1; i >= 8; i--) {
      k2 = (k2 << 8) | (tail[i] & 0xffL);
    }
    for (int i = Math.min(tailLength, 8) - 1; i >= 0; i--) {
      k1 = (k1 << 8) | (tail[i] & 0xffL);
    }
    if (tailLength > 8) {
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
    }
    if (tailLength > 0) {
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
    }
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    h2 += h1;
    out[0] = h1;
    out[1] = h2;
    return out;
  }

  private void block(byte[] b, int at) {
    block(littleEndian(b, at), littleEndian(b, at + 8));
  }

  private void block(long k1, long k2) {
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    k1 *= C2;
    h1 ^= k1;
    h1 = Long.rotateLeft(h1, 27);
    h1 += h2;
    h1 = h1 * 5 + 0x52dce729;
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    k2 *= C1;
    h2 ^= k2;
    h2 = Long.rotateLeft(h2, 31);
    h2 += h1;
    h2 = h2 * 5 + 0x38495ab5;
  }

  private static long littleEndian(byte[] b, int at) {
    return (b[at] & 0xffL)
        | (b[at + 1] & 0xffL) << 8
        | (b[at + 2] & 0xffL) << 16
        | (b[at + 3] & 0xffL) << 24
        | (b[at + 4] & 0xffL) << 32
        | (b[at + 5] & 0xffL) << 40
        | (b[at + 6] & 0xffL) << 48
        | (b[at + 7] & 0xffL) << 56;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
