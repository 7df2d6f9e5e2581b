package dev.kubereplay.server.traffic.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionRulesTest {

  private final RedactionRules defaults = RedactionRules.defaults();

  @Test
  void keys_match_whatever_their_case_and_separators() {
    for (String key :
        List.of(
            "privateKey",
            "private_key",
            "PRIVATE-KEY",
            "private.key",
            "client_secret",
            "clientSecret",
            "connectionString",
            "connection_string",
            "ConnectionString",
            "apiKey",
            "api_key",
            "API-KEY",
            "access_token",
            "accessToken",
            "refresh_token",
            "secret",
            "passwd",
            "Password",
            "aws_secret_access_key",
            "AccountKey",
            "X-Amz-Security-Token",
            "authorization")) {
      assertThat(defaults.redactsKey(key)).as(key).isTrue();
    }
  }

  @Test
  void keys_that_end_in_a_credential_word_are_redacted_too() {
    assertThat(defaults.redactsKey("DB_PASSWORD")).isTrue();
    assertThat(defaults.redactsKey("adminPassword")).isTrue();
    assertThat(defaults.redactsKey("webhook_secret")).isTrue();
    assertThat(defaults.redactsKey("stripeApiKey")).isTrue();
    assertThat(defaults.redactsKey("github_access_token")).isTrue();
    assertThat(defaults.redactsKey("primaryConnectionString")).isTrue();
  }

  @Test
  void names_that_only_resemble_credentials_stay() {
    for (String name :
        List.of(
            "order_id",
            "tokens_left",
            "token_type",
            "nextPageToken",
            "password_reset",
            "secretName",
            "passwordPolicy",
            "id",
            "user")) {
      assertThat(defaults.redactsKey(name)).as(name).isFalse();
    }
  }

  @Test
  void configured_keys_match_in_any_spelling_and_headers_by_words_without_separators() {
    RedactionRules rules =
        defaults.withKeys(List.of("card_number")).withHeaders(List.of("X-Tenant"));

    assertThat(rules.redactsKey("cardNumber")).isTrue();
    assertThat(rules.redactsKey("CARD-NUMBER")).isTrue();
    assertThat(rules.redactsHeader("x-tenant")).isTrue();
    assertThat(rules.redactsHeader("X-Api_Key")).isTrue();
    assertThat(rules.redactsHeader("X-Private-Key")).isTrue();
    assertThat(rules.redactsHeader("X-Request-Id")).isFalse();
  }
}
