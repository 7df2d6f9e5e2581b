package dev.kubereplay.server.traffic.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.ImportRequest;
import dev.kubereplay.server.traffic.JsonFiles;
import dev.kubereplay.server.traffic.TrafficFormat;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.TrafficTesting;
import dev.kubereplay.server.traffic.jsonl.JsonlWriter;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.store.TrafficStore;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One canary credential in each place a credential hides — a form body given as text, HAR form
 * params, multipart fields, connection strings, private keys, keys in their many spellings, URL
 * user info, query and fragment parameters, JWTs, access keys and card numbers, in bodies, headers
 * and URLs — imported from a HAR and from JSONL into a real store: none is in the database file,
 * its WAL or shared memory, nor in a HAR or JSONL export. What only looks like a secret is kept.
 */
class CredentialCanaryTest {

  private static final String JWT_HEAD = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.";
  private static final String MULTIPART =
      "--b0undary\r\n"
          + "Content-Disposition: form-data; name=\"user\"\r\n\r\n"
          + "bob\r\n"
          + "--b0undary\r\n"
          + "Content-Disposition: form-data; name=\"password\"\r\n\r\n"
          + "canary-multipart-1\r\n"
          + "--b0undary\r\n"
          + "Content-Disposition: form-data; name=\"settings\"\r\n"
          + "Content-Type: application/json\r\n\r\n"
          + "{\"clientSecret\":\"canary-multipart-json-1\"}\r\n"
          + "--b0undary--\r\n";

  /** Canary, where it is. */
  private static final List<String> CANARIES =
      List.of(
          "canary-form-1", // urlencoded body given as text, no Content-Type header
          "canary-params-1", // HAR postData.params
          "canary-multipart-1", // multipart field named password
          "canary-multipart-json-1", // JSON part of a multipart body
          "canary-multipart-2", // multipart body without a Content-Type header
          "canary-connstr-1", // connectionString
          "canary-pem-1", // private key under privateKey
          "canary-pem-2", // private key in a text body
          "canary-key-private-1", // private_key
          "canary-key-apikey-1", // apiKey
          "canary-key-ending-1", // DB_PASSWORD
          "canary-key-passwd-1", // passwd
          "canary-userinfo-body-1", // URL user info inside a JSON body
          "canary-body-url-query-1", // query parameter of a URL inside a body
          "canary-nested-json-1", // JSON inside a JSON string
          "canary-jwt-body-1", // JWT under an innocent key
          "CANARYAWSKEY0001", // AWS access key id
          "canary-aws-secret-1", // aws_secret_access_key in text
          "canary-yaml-1", // password: in YAML
          "canaryghtoken1", // GitHub token in a header
          "canary-slack-1", // Slack token in a body
          "canarystripe1", // Stripe key in a body
          "4012888888881881", // card number, a bare JSON number
          "4916338506082832", // card number in the URL path
          "canary-url-userinfo-1", // user info of the request URL
          "canary-query-1", // query parameter apiKey
          "canary-fragment-1", // fragment parameter access_token
          "canary-jwt-header-1", // JWT in a header not named as a credential
          "canary-header-userinfo-1", // URL user info in a header value
          "canary-header-assign-1", // password= in a header value
          "canary-referer-1", // client_secret in a Referer URL
          "canary-location-1", // user info in a Location URL
          "canary-jsonl-fragment-1",
          "canary-jsonl-multipart-1",
          "canary-jsonl-form-1",
          "canary-jsonl-pem-1");

  /** Look-alikes that must survive: an order number failing Luhn, a UUID, a certificate. */
  private static final List<String> KEPT =
      List.of(
          "1234567812345678",
          "123e4567-e89b-12d3-a456-426614174000",
          "MIIBcertificatestays",
          "username=bob",
          "token_type");

  @TempDir Path dir;

  @Test
  void no_canary_reaches_the_database_or_an_export_and_look_alikes_stay() throws Exception {
    Path har = dir.resolve("canaries.har");
    Files.writeString(har, har());
    Path jsonl = jsonl();
    String sources = searchable(har, false) + searchable(jsonl, true);
    for (String canary : CANARIES) {
      assertThat(sources).as("the sources hold %s", canary).contains(canary);
    }
    Path data = dir.resolve("data");
    TrafficService service = TrafficTesting.service(data);
    List<Path> exports = new ArrayList<>();
    // an open connection keeps the WAL and shared-memory files in place to be read
    try (Connection keepWalOpen =
        DriverManager.getConnection("jdbc:sqlite:" + data.resolve(TrafficStore.FILE_NAME))) {
      keepWalOpen.createStatement().execute("SELECT 1 FROM snapshots");
      for (Path source : List.of(har, jsonl)) {
        String id =
            service
                .importFile(
                    ImportRequest.of(source),
                    TrafficService.ImportListener.NONE,
                    TrafficFormat.Cancellation.NEVER)
                .snapshot()
                .id();
        for (String format : List.of("har", "jsonl")) {
          Path export = dir.resolve(source.getFileName() + ".export." + format);
          service.export(id, format, export);
          exports.add(export);
        }
      }
      List<Path> store =
          List.of("kubereplay.db", "kubereplay.db-wal", "kubereplay.db-shm").stream()
              .map(data::resolve)
              .toList();
      assertThat(Files.size(store.get(1))).as("the imports are in the WAL scanned").isPositive();
      for (Path file : store) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String canary : CANARIES) {
          assertThat(bytes).as("%s in %s", canary, file.getFileName()).doesNotContain(canary);
        }
      }
    }
    StringBuilder exported = new StringBuilder();
    for (Path export : exports) {
      String text = searchable(export, export.toString().endsWith("jsonl"));
      exported.append(text);
      for (String canary : CANARIES) {
        assertThat(text).as("%s in %s", canary, export.getFileName()).doesNotContain(canary);
      }
    }
    assertThat(exported.toString()).contains(KEPT).contains("-REDACTED-");
  }

  private static String har() {
    String jwt = JWT_HEAD + "canary-jwt-body-1";
    String json =
        "{\"connectionString\":\"postgres://u:canary-connstr-1@db/x\","
            + "\"privateKey\":\"-----BEGIN PRIVATE KEY-----\\nMIIEcanary-pem-1\\n-----END PRIVATE KEY-----\\n\","
            + "\"private_key\":\"canary-key-private-1\",\"apiKey\":\"canary-key-apikey-1\","
            + "\"DB_PASSWORD\":\"canary-key-ending-1\",\"passwd\":\"canary-key-passwd-1\","
            + "\"dsn\":\"mongodb+srv://admin:canary-userinfo-body-1@cluster0/app\","
            + "\"callback\":\"https://svc.test/cb?access_token=canary-body-url-query-1&x=1\","
            + "\"payload\":\"{\\\"password\\\":\\\"canary-nested-json-1\\\"}\","
            + "\"note\":\""
            + jwt
            + "\",\"aws\":\"AKIACANARYAWSKEY0001\",\"slack\":\"xoxb-canary-slack-1\","
            + "\"stripe\":\"sk_live_canarystripe1abcd\",\"card\":4012888888881881,"
            + "\"order_id\":\"1234567812345678\",\"token_type\":\"bearer\","
            + "\"uuid\":\"123e4567-e89b-12d3-a456-426614174000\"}";
    String text =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIcanary-pem-2\n-----END RSA PRIVATE KEY-----\n"
            + "-----BEGIN CERTIFICATE-----\nMIIBcertificatestays\n-----END CERTIFICATE-----\n"
            + "db:\n  password: canary-yaml-1\naws_secret_access_key=canary-aws-secret-1\n";
    List<String> entries =
        List.of(
            entry(
                "https://auth.example.test/login",
                List.of(),
                postText(
                    "application/x-www-form-urlencoded", "username=bob&password=canary-form-1"),
                "application/json",
                "{\"token_type\":\"bearer\"}",
                List.of()),
            entry(
                "https://auth.example.test/params",
                List.of(),
                "{\"mimeType\":\"application/x-www-form-urlencoded\",\"params\":["
                    + "{\"name\":\"user\",\"value\":\"bob\"},"
                    + "{\"name\":\"password\",\"value\":\"canary-params-1\"}]}",
                "text/plain",
                "ok",
                List.of()),
            entry(
                "https://upload.example.test/form",
                List.of(List.of("Content-Type", "multipart/form-data; boundary=b0undary")),
                postText("multipart/form-data; boundary=b0undary", MULTIPART),
                "text/plain",
                "ok",
                List.of()),
            entry(
                "https://upload.example.test/bare",
                List.of(),
                postText(
                    "multipart/form-data",
                    MULTIPART
                        .replace("canary-multipart-1", "x")
                        .replace("canary-multipart-json-1", "y")
                        .replace("name=\"user\"", "name=\"api_key\"")
                        .replace("bob", "canary-multipart-2")),
                "text/plain",
                "ok",
                List.of()),
            entry(
                "https://u:canary-url-userinfo-1@api.example.test/v1/cards/4916338506082832"
                    + "?apiKey=canary-query-1&page=2#access_token=canary-fragment-1",
                List.of(
                    List.of("Content-Type", "application/json"),
                    List.of("X-Forwarded-Identity", JWT_HEAD + "canary-jwt-header-1"),
                    List.of("X-Debug", "db=postgres://app:canary-header-userinfo-1@db/x"),
                    List.of("X-Config", "mode=1; password=canary-header-assign-1"),
                    List.of("X-Github", "ghp_canaryghtoken1" + "a".repeat(22)),
                    List.of("Referer", "https://a.test/?client_secret=canary-referer-1")),
                postText("application/json", json),
                "text/plain",
                text,
                List.of(List.of("Location", "redis://:canary-location-1@cache:6379/0"))));
    return "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"test\",\"version\":\"1\"},"
        + "\"entries\":["
        + String.join(",", entries)
        + "]}}";
  }

  private static String entry(
      String url,
      List<List<String>> requestHeaders,
      String postData,
      String responseType,
      String responseText,
      List<List<String>> responseHeaders) {
    return "{\"startedDateTime\":\"2026-11-25T16:00:00.000Z\",\"time\":5,"
        + "\"request\":{\"method\":\"POST\",\"url\":"
        + quote(url)
        + ",\"httpVersion\":\"HTTP/1.1\",\"headers\":"
        + headers(requestHeaders)
        + ",\"postData\":"
        + postData
        + "},\"response\":{\"status\":200,\"statusText\":\"OK\",\"httpVersion\":\"HTTP/1.1\","
        + "\"headers\":"
        + headers(responseHeaders)
        + ",\"content\":{\"mimeType\":"
        + quote(responseType)
        + ",\"text\":"
        + quote(responseText)
        + "}}}";
  }

  private static String postText(String mimeType, String text) {
    return "{\"mimeType\":" + quote(mimeType) + ",\"text\":" + quote(text) + "}";
  }

  private static String headers(List<List<String>> headers) {
    List<String> out = new ArrayList<>();
    for (List<String> header : headers) {
      out.add("{\"name\":" + quote(header.get(0)) + ",\"value\":" + quote(header.get(1)) + "}");
    }
    return "[" + String.join(",", out) + "]";
  }

  private static String quote(String text) {
    return "\""
        + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n")
        + "\"";
  }

  private Path jsonl() throws Exception {
    String multipart =
        MULTIPART
            .replace("canary-multipart-1", "canary-jsonl-multipart-1")
            .replace("canary-multipart-json-1", "z");
    RRPair pair =
        new RRPair(
            null,
            Direction.OUT,
            Instant.parse("2026-11-25T16:00:02Z"),
            7,
            "http",
            "idp.example.test",
            "POST",
            "https://idp.example.test/cb#id_token=canary-jsonl-fragment-1&state=1",
            "HTTP/1.1",
            List.of(new Header("Content-Type", "multipart/form-data; boundary=b0undary")),
            multipart.getBytes(StandardCharsets.UTF_8),
            null,
            200,
            "OK",
            List.of(
                new Header(
                    "X-Key",
                    "-----BEGIN EC PRIVATE KEY----- MHcCAQEEcanary-jsonl-pem-1"
                        + " -----END EC PRIVATE KEY-----")),
            "grant=x&refresh_token=canary-jsonl-form-1".getBytes(StandardCharsets.UTF_8),
            null,
            Map.of());
    Path file = dir.resolve("canaries.jsonl");
    JsonlWriter writer = new JsonlWriter();
    try (OutputStream out = Files.newOutputStream(file)) {
      writer.begin(
          out,
          new Snapshot(
              "s",
              "c",
              "t",
              Instant.EPOCH,
              0,
              0,
              List.of(),
              null,
              null,
              0,
              Snapshot.State.COMPLETE));
      writer.write(pair);
      writer.end();
    }
    return file;
  }

  /**
   * A file's text as it could be read: its raw bytes, and every JSON string in it, also decoded
   * from base64 where it is base64 (JSONL bodies, binary HAR bodies).
   */
  private static String searchable(Path file, boolean lines) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    StringBuilder text = new StringBuilder(new String(bytes, StandardCharsets.ISO_8859_1));
    List<byte[]> documents = new ArrayList<>();
    if (lines) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          documents.add(line.getBytes(StandardCharsets.UTF_8));
        }
      }
    } else {
      documents.add(bytes);
    }
    for (byte[] document : documents) {
      try (JsonParser parser = JsonFiles.parser(document)) {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
          if (token == JsonToken.VALUE_STRING) {
            String value = parser.getString();
            text.append('\n').append(value);
            try {
              text.append('\n')
                  .append(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
              // a plain string
            }
          }
        }
      }
    }
    return text.toString();
  }
}
