package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.protocol.traffic.BodyDto;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.GetPairParams;
import dev.kubereplay.protocol.traffic.GetPairResponse;
import dev.kubereplay.protocol.traffic.HeaderDto;
import dev.kubereplay.protocol.traffic.HostCountDto;
import dev.kubereplay.protocol.traffic.HostEndpointsDto;
import dev.kubereplay.protocol.traffic.ImportReportDto;
import dev.kubereplay.protocol.traffic.LatencyHistogramDto;
import dev.kubereplay.protocol.traffic.ListEndpointsResponse;
import dev.kubereplay.protocol.traffic.ListPairsParams;
import dev.kubereplay.protocol.traffic.ListPairsResponse;
import dev.kubereplay.protocol.traffic.ListSnapshotsResponse;
import dev.kubereplay.protocol.traffic.MessageDto;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.PairDto;
import dev.kubereplay.protocol.traffic.PairSummaryDto;
import dev.kubereplay.protocol.traffic.SkippedEntryDto;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.SnapshotState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Traffic DTOs as the server answers them, and a fake server that answers with them. */
public final class TrafficSamples {

  public static final Instant CREATED = Instant.parse("2026-11-25T14:05:00Z");

  public static final SnapshotDto CHECKOUT =
      new SnapshotDto(
          "s-1",
          "checkout-flow",
          "har",
          CREATED,
          1204,
          318,
          List.of("api.shop.local", "payments.internal"),
          CREATED,
          CREATED.plusSeconds(90),
          2,
          SnapshotState.COMPLETE);

  public static final SnapshotDto POSTMAN =
      new SnapshotDto(
          "s-2",
          "orders collection",
          "postman",
          CREATED.minusSeconds(86400),
          14,
          0,
          List.of("api.shop.local"),
          null,
          null,
          0,
          SnapshotState.COMPLETE);

  public static final SnapshotDto IMPORTED =
      new SnapshotDto(
          "s-3",
          "browser.har",
          "har",
          CREATED.plusSeconds(3600),
          41,
          0,
          List.of("www.example.com"),
          null,
          null,
          2,
          SnapshotState.COMPLETE);

  /** A desktop recording still running. */
  public static final SnapshotDto LIVE =
      new SnapshotDto(
          "s-4",
          "recording of http://localhost:8080",
          "record",
          CREATED.plusSeconds(7200),
          37,
          0,
          List.of("localhost:8080"),
          CREATED.plusSeconds(7200),
          CREATED.plusSeconds(7260),
          0,
          SnapshotState.RECORDING);

  /** A recording whose server went away before it was stopped. */
  public static final SnapshotDto CUT =
      new SnapshotDto(
          "s-5",
          "staging smoke",
          "record",
          CREATED.minusSeconds(2 * 86400),
          96,
          12,
          List.of("api.shop.local", "payments.internal"),
          CREATED.minusSeconds(2 * 86400),
          CREATED.minusSeconds(2 * 86400 - 300),
          0,
          SnapshotState.INTERRUPTED);

  /** Pair {@code id} of an endpoint with many: {@code GET /orders/{id}} answered 200. */
  public static PairSummaryDto numbered(long id) {
    return pair(id, 200, 10, "/orders/" + id);
  }

  /** Answers {@code traffic/listPairs} from {@code total} numbered pairs, by offset and limit. */
  public static CompletableFuture<Object> page(Object params, long total) {
    ListPairsParams p = (ListPairsParams) params;
    List<PairSummaryDto> pairs =
        java.util.stream.LongStream.range(p.offset(), Math.min(total, p.offset() + p.limit()))
            .mapToObj(i -> numbered(1000 + i))
            .toList();
    return CompletableFuture.completedFuture(new ListPairsResponse(pairs, total));
  }

  /**
   * {@code GET /orders/{id}}: 812 durations, most of them 5 to 50 ms (p50 12, p95 48), a few slow
   * ones at 200 ms and none between 100 and 200.
   */
  public static final LatencyHistogramDto ORDERS_LATENCY =
      new LatencyHistogramDto(
          List.of(2L, 5L, 10L, 20L, 50L, 100L, 200L, 500L),
          List.of(25L, 160L, 330L, 260L, 30L, 0L, 7L));

  /** {@code POST /checkout}: 392 durations from 20 ms to 2 s (p50 85, p95 240, max 1,320 ms). */
  public static final LatencyHistogramDto CHECKOUT_LATENCY =
      new LatencyHistogramDto(
          List.of(20L, 50L, 100L, 200L, 500L, 1000L, 2000L), List.of(30L, 190L, 140L, 25L, 5L, 2L));

  public static final ListEndpointsResponse CHECKOUT_ENDPOINTS =
      new ListEndpointsResponse(
          CHECKOUT,
          List.of(
              new HostEndpointsDto(
                  "api.shop.local",
                  1204,
                  0,
                  List.of(
                      new EndpointDto(
                          "GET", "/orders/{id}", 812, 0, 12L, 48L, 210L, ORDERS_LATENCY),
                      new EndpointDto(
                          "POST", "/checkout", 392, 0, 85L, 240L, 1320L, CHECKOUT_LATENCY))),
              new HostEndpointsDto(
                  "payments.internal",
                  0,
                  318,
                  List.of(new EndpointDto("POST", "/v1/charges", 0, 318, null, null, null)))));

  public static PairSummaryDto pair(long id, int status, long ms, String url) {
    return new PairSummaryDto(
        id,
        PairDirection.IN,
        CREATED.plusMillis(id * 1500),
        ms,
        "api.shop.local",
        "GET",
        url,
        "/orders/{id}",
        status,
        0,
        120);
  }

  public static final ListPairsResponse ORDER_PAIRS =
      new ListPairsResponse(
          List.of(
              pair(11, 200, 12, "/orders/7"),
              pair(12, 404, 3, "/orders/8"),
              pair(13, 503, 1002, "/orders/9"),
              pair(14, 302, 5, "/orders/10")),
          812);

  public static final PairDto ORDER_7 =
      new PairDto(
          pair(11, 200, 12, "/orders/7"),
          "u-11",
          "HTTP/1.1",
          "OK",
          new MessageDto(
              List.of(
                  new HeaderDto("Accept", "application/json"),
                  new HeaderDto("Authorization", "-REDACTED-")),
              new BodyDto(0, null, null, null, null, false)),
          new MessageDto(
              List.of(new HeaderDto("Content-Type", "application/json")),
              new BodyDto(
                  33,
                  "application/json",
                  null,
                  "{\n  \"id\": 7,\n  \"total\": 42.5\n}",
                  null,
                  true)),
          Map.of());

  public static final PairDto ORDER_8_PDF =
      new PairDto(
          pair(12, 404, 3, "/orders/8"),
          null,
          "HTTP/1.1",
          null,
          new MessageDto(List.of(), new BodyDto(0, null, null, null, null, false)),
          new MessageDto(
              List.of(new HeaderDto("Content-Type", "application/pdf")),
              new BodyDto(20480, "application/pdf", "gzip", null, "JVBERi0=", false)),
          Map.of());

  public static final ImportReportDto REPORT =
      new ImportReportDto(
          IMPORTED,
          "har",
          List.of(
              new HostCountDto("www.example.com", 38, 0),
              new HostCountDto("cdn.example.com", 3, 0)),
          List.of(
              new SkippedEntryDto("entry 7 (GET wss://www.example.com/live)", "WebSocket upgrade"),
              new SkippedEntryDto("entry 19 (POST /track)", "aborted request: no response")),
          2,
          List.of("baseUrl"),
          524288,
          310);

  /** A fake that lists CHECKOUT and POSTMAN, and answers endpoints, pairs and pairs by id. */
  public static FakeServer traffic(FakeServer fake) {
    return fake.answer(
            "traffic/listSnapshots", new ListSnapshotsResponse(List.of(CHECKOUT, POSTMAN)))
        .answer("traffic/listEndpoints", CHECKOUT_ENDPOINTS)
        .answer(
            "traffic/listPairs",
            params ->
                CompletableFuture.completedFuture(
                    ((ListPairsParams) params).pathTemplate().equals("/orders/{id}")
                        ? ORDER_PAIRS
                        : new ListPairsResponse(List.of(), 0)))
        .answer(
            "traffic/getPair",
            params ->
                CompletableFuture.completedFuture(
                    new GetPairResponse(
                        ((GetPairParams) params).pairId() == 11 ? ORDER_7 : ORDER_8_PDF)));
  }

  private TrafficSamples() {}
}
