package dev.kubereplay.server.traffic.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.ImportReport;
import dev.kubereplay.server.traffic.ImportRequest;
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
import java.util.List;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary credential in every place a recording carries one (headers, cookies, query strings, user
 * info, URL-valued headers, JSON and form bodies) never reaches the database file, its WAL and
 * shared-memory files, or the log.
 */
class CanaryTest {

  private static final String CANARY = "kr-canary-7f3e9d2a";

  @TempDir Path dir;

  private Path har() throws Exception {
    Path har = dir.resolve("canary.har");
    Files.writeString(
        har,
        """
        {"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": [
          {"startedDateTime": "2026-11-25T16:00:00.000Z", "time": 10,
           "request": {"method": "POST",
             "url": "https://u:CANARY@api.example.test/login?access_token=CANARY&token=CANARY&page=1",
             "httpVersion": "HTTP/1.1",
             "headers": [
               {"name": "Authorization", "value": "Bearer CANARY"},
               {"name": "Cookie", "value": "sid=CANARY"},
               {"name": "X-Api-Key", "value": "CANARY"},
               {"name": "X-Auth-Token", "value": "CANARY"},
               {"name": "Referer", "value": "https://api.example.test/?api_key=CANARY"},
               {"name": "Content-Type", "value": "application/json"}],
             "postData": {"mimeType": "application/json",
               "text": "{\\"user\\": \\"ada\\", \\"password\\": \\"CANARY\\", \\"nested\\": {\\"client_secret\\": \\"CANARY\\"}}"}},
           "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1",
             "headers": [
               {"name": "Set-Cookie", "value": "sid=CANARY; HttpOnly"},
               {"name": "Location", "value": "https://api.example.test/next?refresh_token=CANARY"},
               {"name": "Content-Type", "value": "application/json"}],
             "content": {"mimeType": "application/json",
               "text": "{\\"access_token\\": \\"CANARY\\", \\"refresh_token\\": \\"CANARY\\", \\"secret\\": [\\"CANARY\\"]}"}}},
          {"startedDateTime": "2026-11-25T16:00:01.000Z", "time": 5,
           "request": {"method": "POST", "url": "https://auth.example.test/token",
             "headers": [{"name": "Content-Type", "value": "application/x-www-form-urlencoded"}],
             "postData": {"mimeType": "application/x-www-form-urlencoded",
               "text": "grant_type=password&password=CANARY&client_secret=CANARY"}},
           "response": {"status": 200, "content": {"mimeType": "application/json",
             "text": "{\\"token\\":\\"CANARY\\"}"}}}
        ]}}
        """
            .replace("CANARY", CANARY));
    return har;
  }

  private Path jsonl() throws Exception {
    Path file = dir.resolve("canary.jsonl");
    RRPair pair =
        new RRPair(
            null,
            Direction.OUT,
            Instant.parse("2026-11-25T16:00:02Z"),
            7,
            "http",
            "payments.example.test",
            "POST",
            "https://payments.example.test/v1/charges?api_key=" + CANARY,
            "HTTP/1.1",
            List.of(
                new Header("Proxy-Authorization", "Basic " + CANARY),
                new Header("Content-Type", "application/json")),
            ("{\"amount\":1,\"card\":{\"token\":\"" + CANARY + "\"}}")
                .getBytes(StandardCharsets.UTF_8),
            null,
            201,
            "Created",
            List.of(new Header("Content-Type", "application/json; charset=utf-8")),
            ("[{\"password\":\"" + CANARY + "\"}]").getBytes(StandardCharsets.UTF_8),
            null,
            Map.of("note", "has a canary"));
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

  @Test
  void no_canary_credential_reaches_the_database_its_wal_or_the_log() throws Exception {
    Path data = dir.resolve("data");
    Path log = dir.resolve("test.log");
    Logger root = Logger.getLogger("");
    FileHandler handler = new FileHandler(log.toString());
    handler.setFormatter(new SimpleFormatter());
    handler.setLevel(Level.ALL);
    Level level = root.getLevel();
    root.addHandler(handler);
    root.setLevel(Level.ALL);
    List<Path> sources = List.of(har(), jsonl());
    for (Path source : sources) {
      assertThat(Files.readString(source)).as("the source holds the canary").contains(CANARY);
    }
    TrafficService service = TrafficTesting.service(data);
    // an open connection keeps the WAL and shared-memory files in place to be read
    try (Connection keepWalOpen =
        DriverManager.getConnection("jdbc:sqlite:" + data.resolve(TrafficStore.FILE_NAME))) {
      keepWalOpen.createStatement().execute("SELECT 1 FROM snapshots");
      long pairs = 0;
      for (Path source : sources) {
        ImportReport report =
            service.importFile(
                ImportRequest.of(source),
                TrafficService.ImportListener.NONE,
                TrafficFormat.Cancellation.NEVER);
        pairs += report.snapshot().pairCount();
      }
      assertThat(pairs).isEqualTo(3);

      List<Path> files = new ArrayList<>();
      try (Stream<Path> all = Files.list(data)) {
        all.filter(Files::isRegularFile).forEach(files::add);
      }
      assertThat(files)
          .extracting(path -> path.getFileName().toString())
          .contains("kubereplay.db", "kubereplay.db-wal", "kubereplay.db-shm");
      handler.flush();
      files.add(log);
      byte[] canary = CANARY.getBytes(StandardCharsets.UTF_8);
      for (Path file : files) {
        assertThat(indexOf(Files.readAllBytes(file), canary))
            .as("the canary in %s", file.getFileName())
            .isEqualTo(-1);
      }
      assertThat(Files.size(data.resolve("kubereplay.db-wal")))
          .as("the imports are in the WAL that was scanned")
          .isPositive();
    } finally {
      root.removeHandler(handler);
      root.setLevel(level);
      handler.close();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
