package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.protocol.ServerLaunch;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionTokenTest {

  private static byte[] line(String token) {
    return (ServerLaunch.TOKEN_PREFIX + token).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void generated_tokens_carry_at_least_128_random_bits_and_differ() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String token = ConnectionToken.generate().reveal();
      assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
      assertThat(seen.add(token)).as("a new token each time").isTrue();
    }
  }

  @Test
  void only_the_exact_token_line_is_accepted() {
    ConnectionToken token = ConnectionToken.of("0123456789abcdef-chosen");
    assertThat(token.presentedBy(line("0123456789abcdef-chosen"))).isTrue();
    assertThat(token.presentedBy(line("0123456789abcdef-chosen "))).isFalse();
    assertThat(token.presentedBy(line("0123456789abcdef-chose"))).isFalse();
    assertThat(token.presentedBy("0123456789abcdef-chosen".getBytes(StandardCharsets.UTF_8)))
        .as("without the prefix")
        .isFalse();
    assertThat(token.presentedBy(new byte[0])).isFalse();
  }

  @Test
  void a_chosen_token_that_is_short_or_has_spaces_is_refused_without_repeating_it() {
    assertThatThrownBy(() -> ConnectionToken.of("tiny"))
        .hasMessageContaining("16 to 256 characters")
        .hasMessageNotContaining("tiny");
    assertThatThrownBy(() -> ConnectionToken.of("has a space in it, long enough"))
        .hasMessageContaining("at position 4")
        .hasMessageNotContaining("space in it");
  }

  @Test
  void its_text_form_hides_the_secret() {
    ConnectionToken token = ConnectionToken.of("0123456789abcdef-chosen");
    assertThat(token.toString()).doesNotContain("0123456789abcdef");
  }
}
