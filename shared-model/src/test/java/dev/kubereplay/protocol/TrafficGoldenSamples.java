package dev.kubereplay.protocol;

import dev.kubereplay.protocol.traffic.*;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Golden samples of the {@code traffic/} segment's DTOs, for {@link ProtocolGoldenTest}. */
final class TrafficGoldenSamples {

  private TrafficGoldenSamples() {}

  private static final SnapshotDto SNAPSHOT =
      new SnapshotDto(
          "3f9a1c02b7e4",
          "shop checkout",
          "har:/home/me/recordings/shop.har",
          Instant.parse("2026-11-25T17:30:00Z"),
          41,
          12,
          List.of("payments.example.test", "shop.example.test"),
          Instant.parse("2026-11-25T16:00:00.125Z"),
          Instant.parse("2026-11-25T16:05:42.500Z"),
          2,
          SnapshotState.COMPLETE);
  private static final PairSummaryDto PAIR_SUMMARY =
      new PairSummaryDto(
          7,
          PairDirection.OUT,
          Instant.parse("2026-11-25T16:00:01.250Z"),
          83,
          "payments.example.test",
          "POST",
          "https://payments.example.test/v1/charges?token=-REDACTED-",
          "/v1/charges",
          201,
          64,
          27);

  static void add(Map<Class<?>, Object> samples) {
    samples.put(SnapshotDto.class, SNAPSHOT);
    samples.put(
        ImportFileParams.class,
        new ImportFileParams(
            "/home/me/recordings/shop.har",
            "har",
            "shop checkout",
            List.of("payments.example.test"),
            67108864L,
            List.of("ssn"),
            null));
    samples.put(ImportFileResponse.class, new ImportFileResponse("import-1"));
    samples.put(
        StartRecordingParams.class,
        new StartRecordingParams(
            "127.0.0.1:0",
            "http://127.0.0.1:8080",
            false,
            "checkout on the desktop",
            List.of("card_number")));
    samples.put(
        StartRecordingResponse.class,
        new StartRecordingResponse("recording-1", "127.0.0.1:41873", "5f0c2a9e81d4"));
    samples.put(StopRecordingParams.class, new StopRecordingParams("recording-1"));
    samples.put(
        DidRecordParams.class,
        new DidRecordParams("recording-1", 17, "GET http://127.0.0.1:8080/users/7"));
    samples.put(CancelParams.class, new CancelParams("import-1"));
    samples.put(CancelResponse.class, new CancelResponse(true));
    samples.put(
        DidProgressParams.class, new DidProgressParams("import-1", 1048576, 4194304, "2500 pairs"));
    samples.put(HostCountDto.class, new HostCountDto("shop.example.test", 41, 0));
    samples.put(
        SkippedEntryDto.class,
        new SkippedEntryDto("entry 3", "WebSocket upgrade (wss://shop.example.test/live)"));
    ImportWarningDto warning =
        new ImportWarningDto(
            "entry 12",
            "GET https://shop.example.test/feed: response body kept gzip-coded, not checked for"
                + " credentials: gzip expands past the 64 MiB decoding limit");
    samples.put(ImportWarningDto.class, warning);
    ImportReportDto report =
        new ImportReportDto(
            SNAPSHOT,
            "har",
            List.of(
                new HostCountDto("payments.example.test", 0, 12),
                new HostCountDto("shop.example.test", 41, 0)),
            List.of(
                new SkippedEntryDto("entry 3", "WebSocket upgrade (wss://shop.example.test/live)"),
                new SkippedEntryDto("entry 9", "aborted request, no response (net::ERR_ABORTED)")),
            2,
            List.of(),
            187_402,
            412,
            List.of(warning),
            1);
    samples.put(ImportReportDto.class, report);
    samples.put(
        OperationErrorDto.class,
        new OperationErrorDto(
            ErrorCode.IMPORT_FAILED,
            "/home/me/shop.har: line 120, column 7, entry 4: malformed JSON: Unexpected character",
            "/home/me/shop.har"));
    samples.put(DidFinishImportParams.class, new DidFinishImportParams("import-1", report, null));
    samples.put(ListSnapshotsParams.class, new ListSnapshotsParams());
    samples.put(ListSnapshotsResponse.class, new ListSnapshotsResponse(List.of(SNAPSHOT)));
    samples.put(SnapshotParams.class, new SnapshotParams("3f9a1c02b7e4"));
    LatencyHistogramDto latency =
        new LatencyHistogramDto(List.of(5L, 10L, 20L, 50L, 100L), List.of(4L, 11L, 12L, 3L));
    samples.put(LatencyHistogramDto.class, latency);
    EndpointDto endpoint = new EndpointDto("GET", "/users/{id}", 30, 0, 12L, 48L, 95L, latency);
    samples.put(EndpointDto.class, endpoint);
    samples.put(
        HostEndpointsDto.class,
        new HostEndpointsDto("shop.example.test", 30, 0, List.of(endpoint)));
    samples.put(
        ListEndpointsResponse.class,
        new ListEndpointsResponse(
            SNAPSHOT,
            List.of(
                new HostEndpointsDto(
                    "payments.example.test",
                    0,
                    12,
                    List.of(new EndpointDto("POST", "/v1/charges", 0, 12, null, null, null))))));
    samples.put(
        ListPairsParams.class,
        new ListPairsParams("3f9a1c02b7e4", "payments.example.test", "POST", "/v1/charges", 0, 50));
    samples.put(PairSummaryDto.class, PAIR_SUMMARY);
    samples.put(ListPairsResponse.class, new ListPairsResponse(List.of(PAIR_SUMMARY), 12));
    samples.put(GetPairParams.class, new GetPairParams("3f9a1c02b7e4", 7));
    samples.put(HeaderDto.class, new HeaderDto("Content-Type", "application/json"));
    BodyDto json =
        new BodyDto(27, "application/json", null, "{\n  \"id\" : \"ch_1\"\n}", null, true);
    samples.put(BodyDto.class, json);
    MessageDto response =
        new MessageDto(List.of(new HeaderDto("Content-Type", "application/json")), json);
    samples.put(MessageDto.class, response);
    PairDto pair =
        new PairDto(
            PAIR_SUMMARY,
            "b8f6c7a0-1d2e-4f3a-9b8c-7d6e5f4a3b2c",
            "HTTP/1.1",
            "Created",
            new MessageDto(
                List.of(
                    new HeaderDto("Authorization", "-REDACTED-"),
                    new HeaderDto("Content-Type", "application/octet-stream")),
                new BodyDto(64, "application/octet-stream", null, null, "AAECAwQ=", false)),
            response,
            Map.of("resourceType", "fetch"));
    samples.put(PairDto.class, pair);
    samples.put(GetPairResponse.class, new GetPairResponse(pair));
    samples.put(
        RenameSnapshotParams.class, new RenameSnapshotParams("3f9a1c02b7e4", "checkout v2"));
    samples.put(SnapshotResponse.class, new SnapshotResponse(SNAPSHOT));
    samples.put(DeleteSnapshotResponse.class, new DeleteSnapshotResponse(true));
    samples.put(
        ReclassifyParams.class,
        new ReclassifyParams(
            "3f9a1c02b7e4", "payments.example.test", "POST", "/v1/charges", PairDirection.OUT));
    samples.put(ReclassifyResponse.class, new ReclassifyResponse(12, SNAPSHOT));
    samples.put(
        ExportSnapshotParams.class,
        new ExportSnapshotParams("3f9a1c02b7e4", "jsonl", "/home/me/shop.jsonl"));
    samples.put(
        ExportSnapshotResponse.class,
        new ExportSnapshotResponse("/home/me/shop.jsonl", 53, 90_112));
  }
}
