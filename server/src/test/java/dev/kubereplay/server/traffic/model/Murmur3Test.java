package dev.kubereplay.server.traffic.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Murmur3Test {

  @Test
  void gives_the_reference_hash_whatever_the_pieces() {
    assertThat(new Murmur3().reset().digest()).isEqualTo(new byte[16]);
    assertThat(HexFormat.of().formatHex(new Murmur3().reset().update("hello".getBytes()).digest()))
        .isEqualTo("029bbd41b3a7d8cb191dae486a901e5b");
    byte[] text = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    byte[] whole = new Murmur3().reset().update(text).digest();
    assertThat(HexFormat.of().formatHex(whole)).isEqualTo("6c1b07bc7bbc4be347939ac4a93c437a");
    Murmur3 pieces = new Murmur3().reset();
    for (int at = 0; at < text.length; at += 7) {
      if (at % 2 == 0) {
        pieces.update(text[at]);
        pieces.update(Arrays.copyOfRange(text, at + 1, Math.min(text.length, at + 7)));
      } else {
        pieces.update(text, at, Math.min(text.length, at + 7) - at);
      }
    }
    assertThat(pieces.digest()).isEqualTo(whole);
  }

  @Test
  void the_digest_as_two_longs_is_the_digest_bytes_little_endian() {
    byte[] text = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    long[] hash = new Murmur3().reset().update(text).digest(new long[2]);

    assertThat(new RequestSignature(hash[0], hash[1]).bytes())
        .isEqualTo(new Murmur3().reset().update(text).digest());
  }
}
