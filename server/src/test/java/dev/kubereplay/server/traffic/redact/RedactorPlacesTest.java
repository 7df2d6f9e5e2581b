package dev.kubereplay.server.traffic.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each place of a pair where a credential hides, and what stays exactly as it was. */
class RedactorPlacesTest {

  private final Redactor redactor = new Redactor(RedactionRules.defaults());

  private static RRPair request(String url, List<Header> headers, byte[] body) {
    return new RRPair(
        null,
        Direction.OUT,
        Instant.EPOCH,
        1,
        "http",
        "a.test",
        "POST",
        url,
        "HTTP/1.1",
        headers,
        body,
        null,
        200,
        "OK",
        List.of(),
        new byte[0],
        null,
        Map.of());
  }

  private String body(List<Header> headers, String body) {
    RRPair redacted =
        redactor.redact(request("https://a.test/", headers, body.getBytes(StandardCharsets.UTF_8)));
    return new String(redacted.requestBody(), StandardCharsets.UTF_8);
  }

  @Test
  void a_form_body_without_a_content_type_is_redacted_as_a_form() {
    assertThat(body(List.of(), "username=bob&password=hunter2&remember=1"))
        .isEqualTo("username=bob&password=-REDACTED-&remember=1");
    assertThat(body(List.of(new Header("Content-Type", "text/plain")), "apiKey=k1&q=shoes"))
        .isEqualTo("apiKey=-REDACTED-&q=shoes");
  }

  @Test
  void form_values_that_hide_a_secret_once_decoded_are_redacted() {
    assertThat(body(List.of(), "name=db&url=postgres%3A%2F%2Fu%3As3cret%40db%2Fx"))
        .isEqualTo("name=db&url=postgres%3A%2F%2Fu%3A-REDACTED-%40db%2Fx");
  }

  @Test
  void multipart_fields_named_as_credentials_are_redacted_and_the_rest_keeps_its_bytes() {
    String multipart =
        "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"user\"\r\n\r\n"
            + "bob\r\n"
            + "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"password\"\r\n\r\n"
            + "hunter2\r\n"
            + "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"config\"\r\n"
            + "Content-Type: application/json\r\n\r\n"
            + "{\"client_secret\":\"cs\",\"region\":\"eu\"}\r\n"
            + "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"avatar\"; filename=\"a.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n"
            + "\u0089PNG password=binary\r\n"
            + "--XyZ--\r\n";
    String expected =
        multipart
            .replace("hunter2", "-REDACTED-")
            .replace("\"client_secret\":\"cs\"", "\"client_secret\":\"-REDACTED-\"");

    assertThat(
            body(
                List.of(new Header("Content-Type", "multipart/form-data; boundary=\"XyZ\"")),
                multipart))
        .isEqualTo(expected);
    assertThat(body(List.of(), multipart))
        .as("no Content-Type: found by its first line")
        .isEqualTo(expected);
  }

  @Test
  void connection_strings_and_private_keys_under_their_key_names_are_redacted() {
    String json =
        "{\"connectionString\":\"postgres://u:secret@db/x\","
            + "\"privateKey\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQ\\n-----END PRIVATE KEY-----\\n\","
            + "\"db\":{\"url\":\"jdbc:postgresql://db/x?user=u&password=pw\"},"
            + "\"payload\":\"{\\\"password\\\":\\\"inner\\\"}\"}";

    assertThat(body(List.of(new Header("Content-Type", "application/json")), json))
        .isEqualTo(
            "{\"connectionString\":\"-REDACTED-\",\"privateKey\":\"-REDACTED-\","
                + "\"db\":{\"url\":\"jdbc:postgresql://db/x?user=u&password=-REDACTED-\"},"
                + "\"payload\":\"{\\\"password\\\":\\\"-REDACTED-\\\"}\"}");
  }

  @Test
  void secrets_in_any_header_and_in_the_url_are_redacted_by_their_shape() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    RRPair redacted =
        redactor.redact(
            request(
                "https://svc:pw@a.test/cards/4111111111111111/cb?state="
                    + jwt
                    + "#access_token=t1&x=1",
                List.of(
                    new Header("X-Forwarded-Identity", jwt),
                    new Header("X-Debug", "db=postgres://app:pw@db/x"),
                    new Header("X-Request-Id", "123e4567-e89b-12d3-a456-426614174000")),
                new byte[0]));

    assertThat(redacted.url())
        .isEqualTo(
            "https://svc:-REDACTED-@a.test/cards/-REDACTED-/cb?state=-REDACTED-#access_token=-REDACTED-&x=1");
    assertThat(redacted.requestHeaders())
        .extracting(Header::value)
        .containsExactly(
            "-REDACTED-",
            "db=postgres://app:-REDACTED-@db/x",
            "123e4567-e89b-12d3-a456-426614174000");
  }

  @Test
  void binary_bodies_are_not_changed_by_text_patterns() {
    byte[] png =
        "\u0089PNG\r\n\u001a\n4111111111111111 password=x".getBytes(StandardCharsets.ISO_8859_1);
    RRPair pair = request("https://a.test/", List.of(new Header("Content-Type", "image/png")), png);
    RRPair unlabelled = request("https://a.test/", List.of(), png);

    assertThat(redactor.redact(pair)).isSameAs(pair);
    assertThat(redactor.redact(unlabelled)).as("control bytes: binary").isSameAs(unlabelled);
  }

  @Test
  void a_five_megabyte_body_of_near_misses_is_redacted_within_a_generous_deadline() {
    int size = 5 * 1024 * 1024;
    List<String> units =
        List.of(
            "-----BEGIN PRIVATE KEY", // blocks that never end
            "eyJ-", // a token run that never ends
            "a://b:", // user info that never finds its '@'
            "4 ", // digits that never make a card
            "x_token=", // names that are not keys, one after another
            "{\"to\":\"ken\"},", // JSON strings that are not keys
            "{\"password\":\"x\"},", // keys in JSON that does not parse
            "glpat-x",
            "b&"); // form pairs without values
    for (String unit : units) {
      String text =
          (unit.equals("b&") ? "a=1&" : "")
              + unit.repeat(size / unit.length())
              + "&password=hunter2";
      byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
      String redacted =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () ->
                  new String(
                      redactor.redact(request("https://a.test/", List.of(), bytes)).requestBody(),
                      StandardCharsets.ISO_8859_1),
              unit);
      assertThat(redacted).as(unit).doesNotContain("hunter2").endsWith("password=-REDACTED-");
    }
  }
}
