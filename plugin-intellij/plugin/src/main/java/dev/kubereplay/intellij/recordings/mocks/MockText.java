package dev.kubereplay.intellij.recordings.mocks;

import dev.kubereplay.protocol.replay.DifferenceDto;
import dev.kubereplay.protocol.replay.EnvironmentVariableDto;
import dev.kubereplay.protocol.replay.MatchDto;
import dev.kubereplay.protocol.replay.MocksDto;
import dev.kubereplay.protocol.replay.NearMissDto;
import java.util.List;
import java.util.Locale;

/** The words of running mocks and their log, as the CLI's {@code kubereplay mock} says them. */
public final class MockText {

  private MockText() {}

  /**
   * The environment as shell lines, {@code export NAME='value'}, in the server's order; a single
   * quote inside a value is closed, escaped and reopened, so any value pastes as it is.
   */
  public static String exports(List<EnvironmentVariableDto> environment) {
    StringBuilder b = new StringBuilder();
    for (EnvironmentVariableDto v : environment) {
      b.append("export ")
          .append(v.name())
          .append("='")
          .append(v.value().replace("'", "'\\''"))
          .append("'\n");
    }
    return b.toString();
  }

  /** Where mocks listen, for a snapshot's row: "mocks on 127.0.0.1:41234". */
  public static String rowMark(MocksDto mocks) {
    return "mocks on " + mocks.address();
  }

  /** The details panel's first line. */
  public static String listening(MocksDto mocks) {
    return "Mocks of \u201c"
        + mocks.snapshotName()
        + "\u201d listen on "
        + mocks.address()
        + " · "
        + String.format(Locale.ROOT, "%,d", mocks.calls())
        + (mocks.calls() == 1 ? " recorded call" : " recorded calls");
  }

  /** A hit: "GET http://api.shop.local/orders/7 → pair 12, 200". */
  public static String hit(MatchDto m) {
    return m.method() + " " + m.url() + " → pair " + m.pairId() + ", " + m.status();
  }

  /** A miss: "POST http://payments.internal/v1/charges → no match, 418". */
  public static String miss(MatchDto m) {
    return m.method() + " " + m.url() + " → no match, " + m.status();
  }

  /** Under a miss: its closest recorded call, then each way the request differs from it. */
  public static List<String> missDetails(MatchDto m) {
    if (m.nearest().isEmpty()) {
      return List.of("no recorded call came close");
    }
    NearMissDto near = m.nearest().get(0);
    List<String> lines = new java.util.ArrayList<>();
    lines.add("closest: pair " + near.pairId() + ", " + near.method() + " " + near.url());
    for (DifferenceDto d : near.differences()) {
      lines.add(difference(d));
    }
    if (m.nearest().size() > 1) {
      lines.add((m.nearest().size() - 1) + " more close calls");
    }
    return lines;
  }

  /** "body $.amount: expected 3350, got 9999"; "header x-tenant: expected blue, missing". */
  public static String difference(DifferenceDto d) {
    String what = d.part().name().toLowerCase(Locale.ROOT);
    String where = d.where() == null || d.where().isEmpty() ? "" : " " + d.where();
    String expected = d.expected() == null ? "not recorded" : "expected " + d.expected();
    String actual = d.actual() == null ? "missing" : "got " + d.actual();
    return what + where + ": " + expected + ", " + actual;
  }

  /** "3 more not shown": requests the server answered but left out of its notifications. */
  public static String unsent(long unsent) {
    return String.format(Locale.ROOT, "%,d more not shown", unsent);
  }

  /** What the pane shows above the recorded pair a log row opens. */
  public static String heading(MockLogEntry entry) {
    MatchDto m = entry.match();
    if (m == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    if (m.pairId() != null) {
      b.append("Request answered with pair ").append(m.pairId()).append(":\n");
      b.append("  ").append(m.method()).append(' ').append(m.url()).append("\n\n");
      b.append("Recorded pair ").append(m.pairId()).append(":\n\n");
      return b.toString();
    }
    b.append("Request that missed (answered ").append(m.status()).append("):\n");
    b.append("  ").append(m.method()).append(' ').append(m.url()).append('\n');
    for (String line : missDetails(m)) {
      b.append("  ").append(line).append('\n');
    }
    if (!m.nearest().isEmpty()) {
      b.append("\nClosest recorded pair ").append(m.nearest().get(0).pairId()).append(":\n\n");
    }
    return b.toString();
  }
}
