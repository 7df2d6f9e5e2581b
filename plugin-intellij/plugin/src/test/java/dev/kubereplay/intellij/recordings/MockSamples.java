package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.protocol.replay.DidMatchParams;
import dev.kubereplay.protocol.replay.DifferenceDto;
import dev.kubereplay.protocol.replay.DifferencePart;
import dev.kubereplay.protocol.replay.EnvironmentVariableDto;
import dev.kubereplay.protocol.replay.ListMocksResponse;
import dev.kubereplay.protocol.replay.MatchDto;
import dev.kubereplay.protocol.replay.MocksDto;
import dev.kubereplay.protocol.replay.NearMissDto;
import dev.kubereplay.protocol.replay.StartMocksResponse;
import dev.kubereplay.protocol.replay.StopMocksResponse;
import dev.kubereplay.protocol.traffic.BodyDto;
import dev.kubereplay.protocol.traffic.GetPairParams;
import dev.kubereplay.protocol.traffic.GetPairResponse;
import dev.kubereplay.protocol.traffic.HeaderDto;
import dev.kubereplay.protocol.traffic.MessageDto;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.PairDto;
import dev.kubereplay.protocol.traffic.PairSummaryDto;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Mocks and what they answered, as the server reports them, and a fake that runs them. */
public final class MockSamples {

  public static final Instant AT = Instant.parse("2026-11-25T15:00:00Z");

  public static final MocksDto CHECKOUT_MOCKS =
      new MocksDto(
          "m-1", "s-1", "checkout-flow", 318, "127.0.0.1:41234", environment("127.0.0.1", 41234));

  /** The variables in the server's order ({@code MockEnvironment}), for mocks on host:port. */
  public static List<EnvironmentVariableDto> environment(String host, int port) {
    String proxy = "http://" + host + ":" + port;
    String ca = "/home/me/.local/share/kubereplay/ca/";
    return List.of(
        new EnvironmentVariableDto("HTTP_PROXY", proxy),
        new EnvironmentVariableDto("HTTPS_PROXY", proxy),
        new EnvironmentVariableDto("http_proxy", proxy),
        new EnvironmentVariableDto("https_proxy", proxy),
        new EnvironmentVariableDto("NO_PROXY", "localhost,127.0.0.1,::1"),
        new EnvironmentVariableDto("no_proxy", "localhost,127.0.0.1,::1"),
        new EnvironmentVariableDto("SSL_CERT_FILE", ca + "bundle.pem"),
        new EnvironmentVariableDto("REQUESTS_CA_BUNDLE", ca + "bundle.pem"),
        new EnvironmentVariableDto("CURL_CA_BUNDLE", ca + "bundle.pem"),
        new EnvironmentVariableDto("NODE_EXTRA_CA_CERTS", ca + "ca.pem"),
        new EnvironmentVariableDto(
            "JAVA_TOOL_OPTIONS",
            "-Dhttp.proxyHost="
                + host
                + " -Dhttp.proxyPort="
                + port
                + " -Dhttps.proxyHost="
                + host
                + " -Dhttps.proxyPort="
                + port
                + " -Dhttp.nonProxyHosts=localhost|127.*|[::1] -Djavax.net.ssl.trustStore="
                + ca
                + "truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit"
                + " -Djavax.net.ssl.trustStoreType=PKCS12"));
  }

  public static MatchDto hit(long pairId, String method, String url, int status) {
    return new MatchDto(AT, method, url, pairId, status, List.of());
  }

  /** A charge whose amount is not the recorded one; the closest call is pair 301. */
  public static final MatchDto CHARGE_MISS =
      new MatchDto(
          AT.plusSeconds(2),
          "POST",
          "https://payments.internal/v1/charges",
          null,
          598,
          List.of(
              new NearMissDto(
                  301,
                  "POST",
                  "https://payments.internal/v1/charges",
                  List.of(
                      new DifferenceDto(DifferencePart.BODY, "$.amount", "3350", "9999"),
                      new DifferenceDto(DifferencePart.HEADER, "idempotency-key", "ch-7", null))),
              new NearMissDto(302, "POST", "https://payments.internal/v1/refunds", List.of())));

  public static final DidMatchParams BATCH =
      new DidMatchParams(
          "m-1",
          List.of(
              hit(301, "POST", "https://payments.internal/v1/charges", 201),
              hit(305, "GET", "https://payments.internal/v1/customers/42", 200),
              hit(305, "GET", "https://payments.internal/v1/customers/42", 200),
              hit(305, "GET", "https://payments.internal/v1/customers/42", 200),
              CHARGE_MISS,
              hit(310, "GET", "https://inventory.internal/stock/sku-1", 200)),
          12);

  public static final PairDto CHARGE_301 =
      new PairDto(
          new PairSummaryDto(
              301,
              PairDirection.OUT,
              TrafficSamples.CREATED.plusSeconds(30),
              41L,
              "payments.internal",
              "POST",
              "/v1/charges",
              "/v1/charges",
              201,
              24,
              64),
          "u-301",
          "HTTP/1.1",
          "Created",
          new MessageDto(
              List.of(
                  new HeaderDto("Content-Type", "application/json"),
                  new HeaderDto("Idempotency-Key", "ch-7")),
              new BodyDto(24, "application/json", null, "{\n  \"amount\": 3350\n}", null, true)),
          new MessageDto(
              List.of(new HeaderDto("Content-Type", "application/json")),
              new BodyDto(
                  64,
                  "application/json",
                  null,
                  "{\n  \"id\": \"ch_7\",\n  \"status\": \"succeeded\"\n}",
                  null,
                  true)),
          Map.of());

  /** The traffic fake of {@link TrafficSamples}, whose mocks start, stop and list. */
  public static FakeServer mocks(FakeServer fake) {
    return TrafficSamples.traffic(fake)
        .answer("replay/startMocks", new StartMocksResponse(CHECKOUT_MOCKS))
        .answer("replay/stopMocks", new StopMocksResponse(true))
        .answer("replay/listMocks", new ListMocksResponse(List.of()))
        .answer(
            "traffic/getPair",
            params ->
                CompletableFuture.completedFuture(
                    new GetPairResponse(
                        ((GetPairParams) params).pairId() == 301
                            ? CHARGE_301
                            : TrafficSamples.ORDER_7)));
  }

  private MockSamples() {}
}
