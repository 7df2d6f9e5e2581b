package dev.kubereplay.intellij.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extra redaction keys as typed on the settings page: split, trimmed, checked. */
class RedactionKeysTest {

  @Test
  void keys_are_split_at_line_breaks_and_commas_and_trimmed() throws Exception {
    assertThat(RedactionKeys.parse("card_number\n  ssn  ,iban\r\nX-Ref, dob "))
        .containsExactly("card_number", "ssn", "iban", "X-Ref", "dob");
  }

  @Test
  void blank_entries_and_repeats_are_dropped_keeping_the_first_spelling() throws Exception {
    assertThat(RedactionKeys.parse("\n\n ssn ,, \ncard_number\nssn\n SSN\n,\t\n card_number"))
        .containsExactly("ssn", "card_number");
    assertThat(RedactionKeys.parse("")).isEmpty();
    assertThat(RedactionKeys.parse(" \n , \r\n\t")).isEmpty();
    assertThat(RedactionKeys.parse(null)).isEmpty();
  }

  @Test
  void an_entry_with_whitespace_inside_is_refused_by_name() {
    assertThatThrownBy(() -> RedactionKeys.parse("ssn\ncard number\niban"))
        .isInstanceOfSatisfying(
            RedactionKeys.InvalidKeyException.class,
            e -> assertThat(e.entry()).isEqualTo("card number"))
        .hasMessage(
            "\"card number\" is not a redaction key: a key is one JSON key or query parameter"
                + " name, without spaces (e.g. card_number)");
    assertThatThrownBy(() -> RedactionKeys.parse("ssn, date\tof_birth, first name"))
        .isInstanceOfSatisfying(
            RedactionKeys.InvalidKeyException.class,
            e -> assertThat(e.entry()).isEqualTo("date\tof_birth"));
    assertThatThrownBy(() -> RedactionKeys.parse("ssn\u00A0x"))
        .isInstanceOf(RedactionKeys.InvalidKeyException.class);
  }

  @Test
  void keys_are_shown_one_per_line_and_read_back_the_same() throws Exception {
    List<String> keys = List.of("card_number", "ssn", "iban");
    assertThat(RedactionKeys.text(keys)).isEqualTo("card_number\nssn\niban");
    assertThat(RedactionKeys.parse(RedactionKeys.text(keys))).isEqualTo(keys);
    assertThat(RedactionKeys.text(List.of())).isEmpty();
  }

  @Test
  void stored_keys_are_cleaned_leniently() {
    assertThat(
            RedactionKeys.clean(
                Arrays.asList(" ssn ", null, "", "card number", "SSN", "iban", "  ", "iban")))
        .containsExactly("ssn", "iban");
    assertThat(RedactionKeys.clean(null)).isEmpty();
  }

  @Test
  void the_explanation_names_the_defaults_and_redaction_json() {
    assertThat(RedactionKeys.ALWAYS_REDACTED)
        .contains("Authorization", "Cookie", "password", "access_token", "client_secret")
        .contains("private_key", "connection_string", "JWTs", "card numbers", "any case")
        .contains("redaction.json", "data directory", "KUBEREPLAY_HOME");
  }
}
