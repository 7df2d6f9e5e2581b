package dev.kubereplay.server.traffic.speedscale;

import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.JsonFiles;
import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.TrafficFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speedscale and proxymock snapshots: {@code raw.jsonl}, one RR pair object per line ({@code
 * "msgType": "rrpair"}). The direction comes from each line; lines that are not HTTP pairs, or not
 * pairs at all, are skipped with the reason. One line is held in memory at a time.
 */
public final class SpeedscaleFormat implements TrafficFormat {

  private static final int SNIFF_BYTES = 8192;
  private static final long PROGRESS_STEP = 256 * 1024;

  @Override
  public String name() {
    return "speedscale";
  }

  @Override
  public boolean recognizes(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    String head = sniff(file);
    return head.startsWith("{") && head.contains("\"msgType\"") && head.contains("\"rrpair\"");
  }

  @Override
  public void read(Path file, ImportOptions options, PairSink sink, Cancellation cancelled)
      throws IOException {
    JsonMapper mapper = JsonMapper.builder(JsonFiles.factory(options.maxBodyBytes())).build();
    Instant fileTime = Files.getLastModifiedTime(file).toInstant();
    SpeedscalePairs pairs = new SpeedscalePairs(file, options, fileTime);
    try (JsonFiles.CountingInput in = JsonFiles.open(file);
        JsonParser parser = mapper.createParser(in)) {
      int values = 0;
      long reported = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (cancelled.isCancelled()) {
          throw new CancellationException("import of " + file + " cancelled");
        }
        String where = "line " + parser.currentTokenLocation().getLineNr();
        values++;
        if (token != JsonToken.START_OBJECT) {
          if (values == 1) {
            throw new ImportException(
                file, where, "not a Speedscale snapshot: each line must be a JSON object");
          }
          parser.skipChildren();
          sink.skip(where, "not a JSON object");
          continue;
        }
        JsonNode line = parser.readValueAsTree();
        if (values == 1) {
          checkFirstLine(file, where, line);
        }
        pairs.convert(line, where, sink);
        if (in.count() - reported >= PROGRESS_STEP) {
          reported = in.count();
          sink.progress(reported, in.total());
        }
      }
      if (values == 0) {
        throw new ImportException(file, "", "empty file: no RR pairs");
      }
      sink.progress(in.total(), in.total());
    } catch (JacksonException e) {
      // Jackson's location already names the line and column.
      throw JsonFiles.failure(file, e, null, options.maxBodyBytes());
    }
  }

  /** A first line without {@code msgType} means the whole file is something else. */
  private static void checkFirstLine(Path file, String where, JsonNode line) {
    if (line.has("msgType")) {
      return;
    }
    String looksLike;
    if (line.has("log")) {
      looksLike = ": it looks like a HAR file";
    } else if (line.has("item") || line.has("info")) {
      looksLike = ": it looks like a Postman collection";
    } else if (line.has("mappings") || (line.has("request") && line.has("response"))) {
      looksLike = ": it looks like WireMock stub mappings";
    } else {
      looksLike = " (no \"msgType\" field)";
    }
    throw new ImportException(file, where, "not a Speedscale snapshot" + looksLike);
  }

  private static String sniff(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
      return head.replaceFirst("^\uFEFF", "").stripLeading();
    }
  }
}
