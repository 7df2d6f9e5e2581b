package dev.kubereplay.server.traffic.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The byte scan that lets bodies without a key to redact skip parsing, and what it lets through.
 */
class JsonRedactionTest {

  private final JsonRedaction defaults = new JsonRedaction(RedactionRules.defaults());

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String redacted(JsonRedaction redaction, String body) {
    return new String(redaction.redact(bytes(body)), StandardCharsets.UTF_8);
  }

  @Test
  void a_body_without_any_key_is_not_parsed_and_keeps_its_bytes() {
    byte[] body = bytes("{\"sku\":\"SKU-1\",\"qty\":3,\"price\":1.5,\"name\":\"Artikel 0\"}");

    assertThat(defaults.mayContainKey(body)).isFalse();
    assertThat(defaults.redact(body)).isSameAs(body);
  }

  @Test
  void every_key_is_found_in_any_ascii_case_wherever_it_is() {
    for (String key : RedactionRules.DEFAULT_KEYS) {
      String upper = key.toUpperCase(java.util.Locale.ROOT);
      assertThat(defaults.mayContainKey(bytes("{\"" + key + "\":1}"))).as(key).isTrue();
      assertThat(defaults.mayContainKey(bytes("[1,{\"a\":{\"" + upper + "\" : \"x\"}}]")))
          .as(upper)
          .isTrue();
      assertThat(redacted(defaults, "{\"x\":[{\"" + upper + "\":\"v\"}]}"))
          .isEqualTo("{\"x\":[{\"" + upper + "\":\"-REDACTED-\"}]}");
    }
    assertThat(defaults.mayContainKey(bytes("{\"tokens\":1,\"my_token\":2,\"tok\":3}"))).isFalse();
  }

  @Test
  void a_key_spelled_with_unicode_escapes_is_redacted_too() {
    assertThat(redacted(defaults, "{\"to\\u006ben\":\"abc\",\"n\":1}"))
        .isEqualTo("{\"token\":\"-REDACTED-\",\"n\":1}");
    assertThat(redacted(defaults, "{\"\\u0070assword\":\"abc\"}"))
        .isEqualTo("{\"password\":\"-REDACTED-\"}");
  }

  @Test
  void with_a_key_that_is_not_ascii_every_body_is_parsed() {
    JsonRedaction accented =
        new JsonRedaction(new RedactionRules(Set.of(), List.of(), Set.of("m\u00f6tley", "pin")));

    assertThat(accented.mayContainKey(bytes("{\"a\":1}"))).isTrue();
    assertThat(redacted(accented, "{\"M\u00d6TLEY\":\"crue\",\"Pin\":1234,\"a\":1}"))
        .isEqualTo("{\"M\u00d6TLEY\":\"-REDACTED-\",\"Pin\":\"-REDACTED-\",\"a\":1}");
    assertThat(
            new JsonRedaction(new RedactionRules(Set.of(), List.of(), Set.of("pin")))
                .mayContainKey(bytes("{\"PIN\":1}")))
        .isTrue();
  }

  @Test
  void keys_are_found_in_any_spelling_also_inside_escaped_json_strings() {
    assertThat(defaults.mayContainKey(bytes("{\"Private-Key\":\"k\"}"))).isTrue();
    assertThat(defaults.mayContainKey(bytes("{\"clientSecret\":\"s\"}"))).isTrue();
    assertThat(defaults.mayContainKey(bytes("{\"body\":\"{\\\"db_password\\\":1}\"}"))).isTrue();
    assertThat(
            redacted(defaults, "{\"a\":{\"ConnectionString\":\"Server=x\"},\"PRIVATE_KEY\":\"k\"}"))
        .isEqualTo("{\"a\":{\"ConnectionString\":\"-REDACTED-\"},\"PRIVATE_KEY\":\"-REDACTED-\"}");
  }

  @Test
  void json_cut_short_has_its_credential_values_redacted_whatever_they_are() {
    assertThat(redacted(defaults, "{\"n\":1,\"secret\":{\"a\":[1,\"}\"]},\"apiKey\":42,\"x\":[1,"))
        .isEqualTo("{\"n\":1,\"secret\":\"-REDACTED-\",\"apiKey\":\"-REDACTED-\",\"x\":[1,");
    assertThat(redacted(defaults, "{\"token\":null,\"password\":\"cut sh"))
        .isEqualTo("{\"token\":null,\"password\":\"-REDACTED-\"");
  }
}
