package dev.kubereplay.server.rpc;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.kubereplay.protocol.traffic.BodyDto;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.HeaderDto;
import dev.kubereplay.protocol.traffic.HostCountDto;
import dev.kubereplay.protocol.traffic.HostEndpointsDto;
import dev.kubereplay.protocol.traffic.ImportReportDto;
import dev.kubereplay.protocol.traffic.ImportWarningDto;
import dev.kubereplay.protocol.traffic.LatencyHistogramDto;
import dev.kubereplay.protocol.traffic.MessageDto;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.PairDto;
import dev.kubereplay.protocol.traffic.PairSummaryDto;
import dev.kubereplay.protocol.traffic.SkippedEntryDto;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.SnapshotState;
import dev.kubereplay.server.http.ContentCodings;
import dev.kubereplay.server.traffic.ImportReport;
import dev.kubereplay.server.traffic.model.Endpoint;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.model.StoredPair;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Traffic domain values as protocol DTOs, for the RPC answers and the CLI's JSON output. */
public final class TrafficDtos {

  private TrafficDtos() {}

  public static SnapshotDto snapshot(Snapshot snapshot) {
    return new SnapshotDto(
        snapshot.id(),
        snapshot.name(),
        snapshot.source(),
        snapshot.created(),
        snapshot.inCount(),
        snapshot.outCount(),
        snapshot.hosts(),
        snapshot.first(),
        snapshot.last(),
        snapshot.skippedCount(),
        SnapshotState.valueOf(snapshot.state().name()));
  }

  public static ImportReportDto report(ImportReport report) {
    return new ImportReportDto(
        snapshot(report.snapshot()),
        report.format(),
        report.hosts().stream()
            .map(host -> new HostCountDto(host.host(), host.inCount(), host.outCount()))
            .toList(),
        report.skipped().stream()
            .map(skipped -> new SkippedEntryDto(skipped.entry(), skipped.reason()))
            .toList(),
        report.skippedCount(),
        report.unresolved(),
        report.bytesRead(),
        report.elapsed().toMillis(),
        report.warnings().stream()
            .map(warning -> new ImportWarningDto(warning.entry(), warning.message()))
            .toList(),
        report.warningCount());
  }

  /** Endpoints grouped by host, in the order given (host, method, path template). */
  public static List<HostEndpointsDto> hosts(List<Endpoint> endpoints) {
    Map<String, List<Endpoint>> byHost = new LinkedHashMap<>();
    for (Endpoint endpoint : endpoints) {
      byHost.computeIfAbsent(endpoint.host(), host -> new ArrayList<>()).add(endpoint);
    }
    List<HostEndpointsDto> hosts = new ArrayList<>();
    byHost.forEach(
        (host, list) ->
            hosts.add(
                new HostEndpointsDto(
                    host,
                    list.stream().mapToLong(Endpoint::inCount).sum(),
                    list.stream().mapToLong(Endpoint::outCount).sum(),
                    list.stream().map(TrafficDtos::endpoint).toList())));
    return hosts;
  }

  private static EndpointDto endpoint(Endpoint endpoint) {
    return new EndpointDto(
        endpoint.method(),
        endpoint.pathTemplate(),
        endpoint.inCount(),
        endpoint.outCount(),
        known(endpoint.medianMillis()),
        known(endpoint.p95Millis()),
        known(endpoint.maxMillis()),
        endpoint.latency() == null
            ? null
            : new LatencyHistogramDto(
                endpoint.latency().boundsMillis(), endpoint.latency().counts()));
  }

  private static Long known(long millis) {
    return millis < 0 ? null : millis;
  }

  public static PairSummaryDto summary(StoredPair stored) {
    RRPair pair = stored.pair();
    return new PairSummaryDto(
        stored.id(),
        PairDirection.valueOf(pair.direction().name()),
        pair.timestamp(),
        pair.durationMillis(),
        pair.host(),
        pair.method(),
        pair.url(),
        stored.pathTemplate(),
        pair.status(),
        pair.requestBody().length,
        pair.responseBody().length);
  }

  public static PairDto pair(StoredPair stored) {
    RRPair pair = stored.pair();
    return new PairDto(
        summary(stored),
        pair.uuid(),
        pair.httpVersion(),
        pair.statusMessage(),
        message(pair.requestHeaders(), pair.requestBody(), pair.requestBodyEncoding()),
        message(pair.responseHeaders(), pair.responseBody(), pair.responseBodyEncoding()),
        pair.tags() == null ? Map.of() : pair.tags());
  }

  private static MessageDto message(List<Header> headers, byte[] body, String encoding) {
    return new MessageDto(
        headers.stream().map(header -> new HeaderDto(header.name(), header.value())).toList(),
        body(body, contentType(headers), encoding));
  }

  /**
   * Text when the bytes, their content coding undone, are UTF-8 text (JSON pretty-printed), else
   * the stored bytes in base64. {@code size} and {@code contentEncoding} always describe the stored
   * bytes. The coding is undone by {@link ContentCodings}, within its limit: a body that cannot be
   * decoded (a compression bomb, an unknown coding) is shown as its stored bytes, still coded, and
   * the pair's {@code kubereplay.kept-coded} tag says why.
   */
  static BodyDto body(byte[] body, String contentType, String encoding) {
    String coding = ContentCodings.isIdentity(encoding) ? null : encoding;
    if (body.length == 0) {
      return new BodyDto(0, contentType, coding, null, null, false);
    }
    byte[] readable = coding == null ? body : ContentCodings.decode(body, coding).orElse(null);
    String text = readable == null ? null : text(readable);
    if (text == null) {
      return new BodyDto(
          body.length, contentType, coding, null, Base64.getEncoder().encodeToString(body), false);
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String trimmed = text.stripLeading();
    if (type.contains("json") || trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        String pretty =
            new GsonBuilder()
                .setPrettyPrinting()
                .disableHtmlEscaping()
                .create()
                .toJson(JsonParser.parseString(text));
        return new BodyDto(body.length, contentType, coding, pretty, null, true);
      } catch (JsonParseException | IllegalStateException e) {
        // not JSON after all: shown as it is
      }
    }
    return new BodyDto(body.length, contentType, coding, text, null, false);
  }

  private static String text(byte[] body) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
          return null; // control characters: binary that happens to be valid UTF-8
        }
      }
      return text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String contentType(List<Header> headers) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase("content-type")) {
        return header.value();
      }
    }
    return null;
  }
}
