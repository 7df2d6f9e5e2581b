package dev.kubereplay.server.traffic.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each shape of secret found in free text, and look-alikes that stay. */
class SecretTextTest {

  private static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
          + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

  private final SecretText secrets = new SecretText(RedactionRules.defaults());

  private String redact(String text) {
    return secrets.redact(text);
  }

  @Test
  void private_key_blocks_are_redacted_whole_and_public_certificates_stay() {
    String rsa =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEow+IBAAKCAQ/EA=\n-----END RSA PRIVATE KEY-----";
    String openssh =
        "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXk=\\n-----END OPENSSH PRIVATE KEY-----";
    String legacy =
        "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,AB12\n\n"
            + "MHcCAQEE\n-----END EC PRIVATE KEY-----";
    String certificate =
        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----";

    assertThat(redact("key:\n" + rsa + "\nnext")).isEqualTo("key:\n-REDACTED-\nnext");
    assertThat(redact("{\"k\":\"" + openssh + "\\n\"}")).isEqualTo("{\"k\":\"-REDACTED-\\n\"}");
    assertThat(redact(legacy)).isEqualTo("-REDACTED-");
    assertThat(redact("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq")).isEqualTo("-REDACTED-");
    assertThat(redact(certificate)).isSameAs(certificate);
  }

  @Test
  void url_user_info_passwords_are_redacted_wherever_a_url_appears_keeping_the_url() {
    assertThat(redact("postgres://u:s3cret@db/x")).isEqualTo("postgres://u:-REDACTED-@db/x");
    assertThat(redact("{\"dsn\":\"mongodb+srv://admin:p@ss@cluster0.example.test/app\"}"))
        .isEqualTo("{\"dsn\":\"mongodb+srv://admin:-REDACTED-@cluster0.example.test/app\"}");
    assertThat(redact("see redis://:hunter2@cache:6379/0 and amqp://guest:guest@mq"))
        .isEqualTo("see redis://:-REDACTED-@cache:6379/0 and amqp://guest:-REDACTED-@mq");
    assertThat(redact("{\"u\":\"https:\\/\\/bob:pw@a.test\\/x\"}"))
        .isEqualTo("{\"u\":\"https:\\/\\/bob:-REDACTED-@a.test\\/x\"}");
    for (String kept :
        List.of(
            "https://a.test:8443/path?x=1",
            "https://bob@a.test/ (no password)",
            "mailto:bob@example.test",
            "write to bob@example.test: it is 12:30")) {
      assertThat(redact(kept)).as(kept).isSameAs(kept);
    }
  }

  @Test
  void jwts_are_redacted_anywhere() {
    assertThat(redact("Bearer " + JWT)).isEqualTo("Bearer -REDACTED-");
    assertThat(redact("{\"note\":\"" + JWT + "\"}")).isEqualTo("{\"note\":\"-REDACTED-\"}");
    assertThat(redact("/cb?state=" + JWT + "&x=1")).isEqualTo("/cb?state=-REDACTED-&x=1");
    assertThat(redact("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")).isEqualTo("-REDACTED-");
    String cursor = "{\"cursor\":\"eyJwYWdlIjoyfQ\",\"version\":\"eyJ.1.2\"}";
    assertThat(redact(cursor)).isSameAs(cursor);
  }

  @Test
  void access_keys_with_well_known_prefixes_are_redacted() {
    List<String> keys =
        List.of(
            "AKIAIOSFODNN7EXAMPLE",
            "ASIAY34FZKBOKMUTVV7A",
            "AIzaSyA-1234567890abcdefghijklmnopqrstu",
            "ghp_" + "a".repeat(36),
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
            "glpat-xxxxxxxxxxxxxxxxxxxx",
            "xoxb-1234567890-abcdefghij",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "rk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "npm_" + "b".repeat(36),
            "sk-ant-api03-abcdefghijklmnopqrstuvwxyz");
    for (String key : keys) {
      assertThat(redact("key " + key + ".")).as(key).isEqualTo("key -REDACTED-.");
    }
    for (String kept :
        List.of(
            "AKIASHORT",
            "XAKIAIOSFODNN7EXAMPLE",
            "AKIAIOSFODNN7EXAMPLEX",
            "sk_live_short",
            "pk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "ghp_tooshort")) {
      assertThat(redact(kept)).as(kept).isSameAs(kept);
    }
  }

  @Test
  void card_numbers_are_redacted_when_they_pass_luhn_and_start_like_a_brand() {
    assertThat(redact("card 4111111111111111 ok")).isEqualTo("card -REDACTED- ok");
    assertThat(redact("4111 1111 1111 1111")).isEqualTo("-REDACTED-");
    assertThat(redact("5555-5555-5555-4444")).isEqualTo("-REDACTED-");
    assertThat(redact("amex 378282246310005")).isEqualTo("amex -REDACTED-");
    assertThat(secrets.redact("{\"pan\":4012888888881881,\"n\":\"4012888888881881\"}", true))
        .as("a bare JSON number becomes a string, so the document stays valid")
        .isEqualTo("{\"pan\":\"-REDACTED-\",\"n\":\"-REDACTED-\"}");
  }

  @Test
  void numbers_that_are_not_card_numbers_stay() {
    for (String kept :
        List.of(
            "{\"order_id\":\"4111111111111112\"}", // fails Luhn
            "{\"order_id\":1234567812345670}", // passes Luhn, no card brand starts with 1
            "{\"ts\":1764086400000}", // a millisecond timestamp
            "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\"}",
            "{\"id\":\"12345678-1234-1234-1234-123456789012\"}",
            "{\"id\":\"52345678-1234-5234-a456-426614174000\"}",
            "{\"id\":\"5234-5678-1234-5670-ab\"}",
            "4111 11 1111 1111 111", // grouped as no card is
            "{\"x\":0.4111111111111111}",
            "ORD4111111111111111",
            "41111111111111110000",
            "call +1 415 555 0100")) {
      assertThat(secrets.redact(kept, true)).as(kept).isSameAs(kept);
    }
  }

  @Test
  void values_of_credential_names_in_text_are_redacted() {
    assertThat(redact("Server=db;Database=app;User Id=sa;Password=p@ss w0rd;"))
        .isEqualTo("Server=db;Database=app;User Id=sa;Password=-REDACTED-;");
    assertThat(redact("DB_PASSWORD=hunter2\nDB_HOST=db\n"))
        .isEqualTo("DB_PASSWORD=-REDACTED-\nDB_HOST=db\n");
    assertThat(redact("db:\n  password: hunter2\n  user: app\n"))
        .isEqualTo("db:\n  password: -REDACTED-\n  user: app\n");
    assertThat(redact("client_secret: 'a b'")).isEqualTo("client_secret: '-REDACTED-'");
    assertThat(redact("GET / HTTP/1.1\r\nAuthorization: Bearer abc.def\r\n"))
        .isEqualTo("GET / HTTP/1.1\r\nAuthorization: -REDACTED-\r\n");
    assertThat(secrets.redact("{\"body\":\"user=bob&password=pw&x=1\"}", true))
        .isEqualTo("{\"body\":\"user=bob&password=-REDACTED-&x=1\"}");
    assertThat(
            secrets.redact(
                "{\"query\":\"mutation { login(user: \\\"bob\\\", password: \\\"pw\\\") }\"}",
                true))
        .isEqualTo(
            "{\"query\":\"mutation { login(user: \\\"bob\\\", password: \\\"-REDACTED-\\\") }\"}");
    String kept = "grant_type=password&token_type=bearer&password_reset=true&note: fine";
    assertThat(redact(kept)).isSameAs(kept);
  }

  @Test
  void redacting_again_changes_nothing() {
    String once =
        redact(
            "postgres://u:pw@db/x "
                + JWT
                + " 4111111111111111 AKIAIOSFODNN7EXAMPLE password=pw\n-----BEGIN PRIVATE KEY-----\nMII\n"
                + "-----END PRIVATE KEY-----");

    assertThat(once)
        .isEqualTo(
            "postgres://u:-REDACTED-@db/x -REDACTED- -REDACTED- -REDACTED- password=-REDACTED-\n"
                + "-REDACTED-");
    assertThat(redact(once)).isSameAs(once);
  }
}
