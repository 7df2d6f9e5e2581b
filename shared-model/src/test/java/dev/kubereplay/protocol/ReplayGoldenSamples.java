package dev.kubereplay.protocol;

import dev.kubereplay.protocol.replay.*;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Golden samples of the {@code replay/} segment's DTOs, for {@link ProtocolGoldenTest}. */
final class ReplayGoldenSamples {

  private ReplayGoldenSamples() {}

  private static final MocksDto MOCKS =
      new MocksDto(
          "mocks-1",
          "3f9a1c02b7e4",
          "shop checkout",
          12,
          "127.0.0.1:8099",
          List.of(
              new EnvironmentVariableDto("HTTPS_PROXY", "http://127.0.0.1:8099"),
              new EnvironmentVariableDto(
                  "NODE_EXTRA_CA_CERTS", "/home/me/.local/share/kubereplay/ca/kubereplay-ca.pem")));
  private static final DifferenceDto DIFFERENCE =
      new DifferenceDto(DifferencePart.BODY, "$.amount", "3350", "9999");
  private static final NearMissDto NEAR_MISS =
      new NearMissDto(
          7,
          "POST",
          "https://payments.example.test/v1/charges",
          List.of(DIFFERENCE, new DifferenceDto(DifferencePart.QUERY, "idempotent", null, "1")));
  private static final MatchDto MISS =
      new MatchDto(
          Instant.parse("2026-12-08T10:00:01.250Z"),
          "POST",
          "https://payments.example.test/v1/charges?idempotent=1",
          null,
          599,
          List.of(NEAR_MISS));
  private static final MatchDto HIT =
      new MatchDto(
          Instant.parse("2026-12-08T10:00:00.500Z"),
          "GET",
          "https://payments.example.test/v1/balance",
          8L,
          200,
          List.of());

  static void add(Map<Class<?>, Object> samples) {
    samples.put(
        StartMocksParams.class,
        new StartMocksParams(
            "shop checkout",
            "127.0.0.1:0",
            "recorded",
            List.of("ts"),
            List.of("X-Request-Id"),
            List.of("$.meta.sentAt"),
            List.of("X-Api-Version"),
            "/home/me/shop/kubereplay.json"));
    samples.put(StartMocksResponse.class, new StartMocksResponse(MOCKS));
    samples.put(StopMocksParams.class, new StopMocksParams("mocks-1"));
    samples.put(StopMocksResponse.class, new StopMocksResponse(true));
    samples.put(ListMocksParams.class, new ListMocksParams());
    samples.put(ListMocksResponse.class, new ListMocksResponse(List.of(MOCKS)));
    samples.put(MocksDto.class, MOCKS);
    samples.put(EnvironmentVariableDto.class, MOCKS.environment().get(0));
    samples.put(DidMatchParams.class, new DidMatchParams("mocks-1", List.of(HIT, MISS), 3));
    samples.put(MatchDto.class, MISS);
    samples.put(NearMissDto.class, NEAR_MISS);
    samples.put(DifferenceDto.class, DIFFERENCE);
  }
}
