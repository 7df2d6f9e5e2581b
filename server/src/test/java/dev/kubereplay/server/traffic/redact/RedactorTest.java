package dev.kubereplay.server.traffic.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.http.ContentCodingsFixtures;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactorTest {

  private final Redactor redactor = new Redactor(RedactionRules.defaults());

  private static RRPair pair(
      String url,
      List<Header> requestHeaders,
      String requestBody,
      List<Header> responseHeaders,
      byte[] responseBody,
      String responseEncoding) {
    return new RRPair(
        null,
        Direction.IN,
        Instant.EPOCH,
        1,
        "http",
        "a.test",
        "POST",
        url,
        "HTTP/1.1",
        requestHeaders,
        requestBody.getBytes(StandardCharsets.UTF_8),
        null,
        200,
        "OK",
        responseHeaders,
        responseBody,
        responseEncoding,
        Map.of());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void credential_headers_become_redacted_and_others_stay() {
    RRPair redacted =
        redactor.redact(
            pair(
                "https://a.test/",
                List.of(
                    new Header("Authorization", "Bearer abc"),
                    new Header("Proxy-Authorization", "Basic xyz"),
                    new Header("Cookie", "sid=1"),
                    new Header("X-Api-Key", "k"),
                    new Header("X-Auth-Token", "t"),
                    new Header("X-Client-Secret", "s"),
                    new Header("Accept", "application/json")),
                "",
                List.of(new Header("Set-Cookie", "sid=2; HttpOnly"), new Header("ETag", "\"1\"")),
                new byte[0],
                null));

    assertThat(redacted.requestHeaders())
        .extracting(Header::value)
        .containsExactly(
            "-REDACTED-",
            "-REDACTED-",
            "-REDACTED-",
            "-REDACTED-",
            "-REDACTED-",
            "-REDACTED-",
            "application/json");
    assertThat(redacted.responseHeaders())
        .containsExactly(new Header("Set-Cookie", "-REDACTED-"), new Header("ETag", "\"1\""));
  }

  @Test
  void query_parameters_user_info_and_url_valued_headers_are_redacted_keeping_the_rest_exact() {
    RRPair redacted =
        redactor.redact(
            pair(
                "https://me:pw@a.test/cb?code=1&access_token=abc&Token=x%20y&keep=a%7Cb#frag",
                List.of(new Header("Referer", "https://a.test/login?api_key=k1&next=%2F")),
                "",
                List.of(new Header("Location", "https://a.test/home?refresh_token=r")),
                new byte[0],
                null));

    assertThat(redacted.url())
        .isEqualTo(
            "https://me:-REDACTED-@a.test/cb?code=1&access_token=-REDACTED-&Token=-REDACTED-&keep=a%7Cb#frag");
    assertThat(redacted.requestHeaders().get(0).value())
        .isEqualTo("https://a.test/login?api_key=-REDACTED-&next=%2F");
    assertThat(redacted.responseHeaders().get(0).value())
        .isEqualTo("https://a.test/home?refresh_token=-REDACTED-");
  }

  @Test
  void json_keys_are_redacted_at_any_depth_keeping_the_shape() {
    String body =
        "{\"user\":\"ada\",\"password\":\"p\",\"nested\":{\"Client_Secret\":42,"
            + "\"list\":[{\"token\":null},{\"refresh_token\":[\"a\",{\"x\":true}]}]},"
            + "\"count\":1.50}";
    RRPair redacted =
        redactor.redact(
            pair(
                "https://a.test/",
                List.of(new Header("Content-Type", "application/json")),
                body,
                List.of(),
                new byte[0],
                null));

    assertThat(text(redacted.requestBody()))
        .isEqualTo(
            "{\"user\":\"ada\",\"password\":\"-REDACTED-\",\"nested\":{\"Client_Secret\":\"-REDACTED-\","
                + "\"list\":[{\"token\":null},{\"refresh_token\":[\"-REDACTED-\",{\"x\":\"-REDACTED-\"}]}]},"
                + "\"count\":1.50}");
  }

  @Test
  void a_body_without_keys_to_redact_keeps_its_exact_bytes() {
    String body = "{ \"user\" :\n  \"ada\",  \"tokens_left\": 3 }";
    RRPair original =
        pair(
            "https://a.test/",
            List.of(new Header("Content-Type", "application/json")),
            body,
            List.of(),
            new byte[0],
            null);

    RRPair redacted = redactor.redact(original);

    assertThat(redacted).isSameAs(original);
  }

  @Test
  void broken_json_and_form_bodies_and_gzip_bodies_are_redacted_too() throws Exception {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(gzipped)) {
      gzip.write("{\"secret\":\"s3\"}".getBytes(StandardCharsets.UTF_8));
    }
    RRPair form =
        redactor.redact(
            pair(
                "https://a.test/",
                List.of(new Header("Content-Type", "application/x-www-form-urlencoded")),
                "grant_type=password&client_secret=cs&password=pw",
                List.of(new Header("Content-Type", "application/json")),
                gzipped.toByteArray(),
                "gzip"));
    RRPair cut =
        redactor.redact(
            pair(
                "https://a.test/",
                List.of(new Header("Content-Type", "application/json")),
                "{\"password\": \"pw\", \"more\": [1, 2",
                List.of(),
                new byte[0],
                null));

    assertThat(text(form.requestBody()))
        .isEqualTo("grant_type=password&client_secret=-REDACTED-&password=-REDACTED-");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(form.responseBody()))) {
      assertThat(text(in.readAllBytes())).isEqualTo("{\"secret\":\"-REDACTED-\"}");
    }
    assertThat(text(cut.requestBody())).isEqualTo("{\"password\": \"-REDACTED-\", \"more\": [1, 2");
  }

  @Test
  void brotli_and_deflate_bodies_are_decoded_redacted_and_stored_decoded() throws Exception {
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (OutputStream deflate = new java.util.zip.DeflaterOutputStream(deflated)) {
      deflate.write("{\"token\":\"t0k3n\",\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    }
    List<Header> json = List.of(new Header("Content-Type", "application/json"));
    RRPair brotli =
        redactor.redact(
            pair("https://a.test/", json, "", json, ContentCodingsFixtures.brotliLogin(), "br"));
    RRPair deflate =
        redactor.redact(pair("https://a.test/", json, "", json, deflated.toByteArray(), "deflate"));

    assertThat(text(brotli.responseBody()))
        .isEqualTo(
            "{\"user\":\"ada\",\"password\":\"-REDACTED-\",\"items\":[1,2,3],"
                + "\"items2\":[1,2,3],\"items3\":[1,2,3]}");
    assertThat(brotli.responseBodyEncoding()).as("no Brotli encoder: stored decoded").isNull();
    assertThat(text(deflate.responseBody())).isEqualTo("{\"token\":\"-REDACTED-\",\"ok\":true}");
    assertThat(deflate.responseBodyEncoding()).isNull();
    assertThat(redactor.redact(brotli)).as("redacting again changes nothing").isSameAs(brotli);
  }

  @Test
  void a_coded_body_with_nothing_to_redact_or_that_cannot_be_decoded_is_kept_as_it_came() {
    List<Header> json = List.of(new Header("Content-Type", "application/json"));
    byte[] orders = ContentCodingsFixtures.brotliOrders();
    byte[] opaque = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 1, 2};
    RRPair kept = redactor.redact(pair("https://a.test/", json, "", json, orders, "br"));
    RRPair unknown = redactor.redact(pair("https://a.test/", json, "", json, opaque, "zstd"));

    assertThat(kept.responseBody()).isSameAs(orders);
    assertThat(kept.responseBodyEncoding()).isEqualTo("br");
    assertThat(unknown.responseBody()).isSameAs(opaque);
    assertThat(unknown.responseBodyEncoding()).isEqualTo("zstd");
  }

  @Test
  void redacting_twice_changes_nothing_more() {
    RRPair once =
        redactor.redact(
            pair(
                "https://a.test/?token=t",
                List.of(
                    new Header("Authorization", "x"),
                    new Header("Content-Type", "application/json")),
                "{\"password\" : \"p\"}",
                List.of(),
                new byte[0],
                null));

    assertThat(redactor.redact(once)).isSameAs(once);
  }

  @Test
  void keys_and_headers_can_be_added_in_the_data_directory(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("redaction.json"), "{\"headers\": [\"X-Internal\"], \"keys\": [\"ssn\"]}");
    Redactor configured = new Redactor(RedactionRules.load(dir));

    RRPair redacted =
        configured.redact(
            pair(
                "https://a.test/?ssn=1",
                List.of(
                    new Header("X-Internal", "i"), new Header("Content-Type", "application/json")),
                "{\"SSN\":\"078-05-1120\",\"password\":\"p\"}",
                List.of(),
                new byte[0],
                null));

    assertThat(redacted.url()).isEqualTo("https://a.test/?ssn=-REDACTED-");
    assertThat(redacted.requestHeaders().get(0).value()).isEqualTo("-REDACTED-");
    assertThat(text(redacted.requestBody()))
        .isEqualTo("{\"SSN\":\"-REDACTED-\",\"password\":\"-REDACTED-\"}");
  }
}
