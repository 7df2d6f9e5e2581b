package dev.kubereplay.server.replay.responder;

import dev.kubereplay.server.replay.match.Difference;
import dev.kubereplay.server.replay.match.Matcher;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Answers from a recording: the matched call's status, headers and body as recorded (its content
 * coding kept, or its Content-Encoding dropped when the recording holds the decoded body), and for
 * a miss a response no recording could have given, listing the closest recorded calls.
 */
public final class RecordingAnswers implements Answers {

  /** The status of a miss: outside what servers send, so no test mistakes it for a recording. */
  public static final int MISS_STATUS = 599;

  /** The header that marks the mocks' own answers. */
  public static final String MARK = "X-Kubereplay-Mock";

  /**
   * What was asked and what matching found, for the mock log.
   *
   * @param passed what became of a miss sent on to the real upstream; null when it was not
   */
  public record Event(
      MockRequest request, Matcher.Outcome outcome, PassthroughCalls.Passed passed) {

    public Event(MockRequest request, Matcher.Outcome outcome) {
      this(request, outcome, null);
    }
  }

  private final Matcher matcher;
  private final Timing timing;
  private final Consumer<Event> log;
  private final PassthroughCalls passthrough;

  public RecordingAnswers(Matcher matcher, Timing timing, Consumer<Event> log) {
    this(matcher, timing, log, null);
  }

  /**
   * @param passthrough where misses go on to the real upstream; null answers them as misses
   */
  public RecordingAnswers(
      Matcher matcher, Timing timing, Consumer<Event> log, PassthroughCalls passthrough) {
    this.matcher = matcher;
    this.timing = timing;
    this.log = log;
    this.passthrough = passthrough;
  }

  @Override
  public MockAnswer answer(MockRequest request) {
    Matcher.Outcome outcome = matcher.match(request);
    if (outcome instanceof Matcher.Hit hit) {
      log.accept(new Event(request, outcome));
      return recorded(hit.call().pair(), timing);
    }
    String target = passthrough == null ? null : passthrough.target(request);
    if (target != null) {
      PassthroughCalls.Result result = passthrough.send(request, target);
      log.accept(new Event(request, outcome, result.passed()));
      return result.answer();
    }
    log.accept(new Event(request, outcome));
    return miss(
        request, (Matcher.Miss) outcome, passthrough == null ? null : passthrough.whyNot(request));
  }

  private static MockAnswer recorded(RRPair pair, Timing timing) {
    List<Header> headers = new ArrayList<>();
    for (Header header : pair.responseHeaders()) {
      if (header.name().equalsIgnoreCase("content-encoding")) {
        continue; // set below from what the recorded bytes are
      }
      headers.add(header);
    }
    if (pair.responseBodyEncoding() != null) {
      headers.add(new Header("Content-Encoding", pair.responseBodyEncoding()));
    }
    return new MockAnswer(
        pair.status(), headers, pair.responseBody(), timing.delayMillis(pair.durationMillis()));
  }

  private static MockAnswer miss(MockRequest request, Matcher.Miss miss, String notPassed) {
    StringBuilder text = new StringBuilder();
    text.append("kubereplay mocks: no recorded call matches ")
        .append(request.method())
        .append(' ')
        .append(request.scheme())
        .append("://")
        .append(request.authority())
        .append(request.path())
        .append(request.query() == null ? "" : "?" + request.query())
        .append('\n');
    if (miss.nearest().isEmpty()) {
      text.append("\nThe recording has no outbound calls.\n");
    } else {
      text.append("\nClosest recorded calls:\n");
      int rank = 1;
      for (Matcher.NearMiss near : miss.nearest()) {
        RRPair pair = near.call().pair();
        text.append(rank++)
            .append(". pair ")
            .append(near.call().id())
            .append(": ")
            .append(pair.method())
            .append(' ')
            .append(pair.url())
            .append('\n');
        for (Difference difference : near.differences()) {
          text.append("   - ").append(difference.describe()).append('\n');
        }
      }
    }
    if (notPassed != null) {
      text.append('\n').append(notPassed).append('\n');
    }
    return MockAnswer.text(MISS_STATUS, text.toString(), new Header(MARK, "miss"));
  }
}
