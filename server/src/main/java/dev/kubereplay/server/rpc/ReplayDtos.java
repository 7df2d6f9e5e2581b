package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.replay.DifferenceDto;
import dev.kubereplay.protocol.replay.DifferencePart;
import dev.kubereplay.protocol.replay.EnvironmentVariableDto;
import dev.kubereplay.protocol.replay.MatchDto;
import dev.kubereplay.protocol.replay.MocksDto;
import dev.kubereplay.protocol.replay.NearMissDto;
import dev.kubereplay.server.http.ListenAddress;
import dev.kubereplay.server.replay.MockService;
import dev.kubereplay.server.replay.match.Difference;
import dev.kubereplay.server.replay.match.Matcher;
import dev.kubereplay.server.replay.responder.MockRequest;
import dev.kubereplay.server.replay.responder.RecordingAnswers;
import java.time.Instant;
import java.util.List;

/** The replay area's domain values as the protocol's DTOs. */
final class ReplayDtos {

  private ReplayDtos() {}

  static MocksDto mocks(MockService.Running running) {
    return new MocksDto(
        running.id(),
        running.snapshot().id(),
        running.snapshot().name(),
        running.calls(),
        ListenAddress.format(running.address()),
        running.environment().entrySet().stream()
            .map(e -> new EnvironmentVariableDto(e.getKey(), e.getValue()))
            .toList());
  }

  static MatchDto match(RecordingAnswers.Event event) {
    MockRequest request = event.request();
    String url =
        request.scheme()
            + "://"
            + request.authority()
            + request.path()
            + (request.query() == null ? "" : "?" + request.query());
    if (event.outcome() instanceof Matcher.Hit hit) {
      return new MatchDto(
          Instant.now(),
          request.method(),
          url,
          hit.call().id(),
          hit.call().pair().status(),
          List.of());
    }
    Matcher.Miss miss = (Matcher.Miss) event.outcome();
    return new MatchDto(
        Instant.now(),
        request.method(),
        url,
        null,
        RecordingAnswers.MISS_STATUS,
        miss.nearest().stream().map(ReplayDtos::nearMiss).toList());
  }

  private static NearMissDto nearMiss(Matcher.NearMiss near) {
    return new NearMissDto(
        near.call().id(),
        near.call().pair().method(),
        near.call().pair().url(),
        near.differences().stream().map(ReplayDtos::difference).toList());
  }

  private static DifferenceDto difference(Difference difference) {
    return new DifferenceDto(
        DifferencePart.valueOf(difference.part().name()),
        difference.where(),
        difference.expected(),
        difference.actual());
  }
}
