package dev.kubereplay.intellij.logs;

import static dev.kubereplay.intellij.testing.Screens.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.intellij.testing.Screens;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.logs.DidAppendLogsParams;
import dev.kubereplay.protocol.logs.DidEndLogsParams;
import dev.kubereplay.protocol.logs.FollowLogsResponse;
import dev.kubereplay.protocol.logs.LogLineDto;
import dev.kubereplay.protocol.logs.LogsParams;
import dev.kubereplay.protocol.logs.StopLogsParams;
import dev.kubereplay.protocol.logs.StopLogsResponse;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Log follows against a fake server over real JSON-RPC framing, and their console tab. */
class LogConsoleTest {

  private static final LogsParams API =
      new LogsParams("staging", "shop", "api", "Deployment", null, false, false, 200, null);
  private static final List<String> PODS = List.of("api-7d9f4-x2k8p", "api-7d9f4-q9w3z");

  private final FakeServer fake = new FakeServer();
  private final KubeReplaySession session = new KubeReplaySession(fake::start);

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  @Test
  void appended_lines_appear_newest_at_the_bottom_each_with_its_pod() throws Exception {
    fake.answer("logs/follow", new FollowLogsResponse("f-1", PODS));
    LogConsole console = session.logs().follow("api · logs", API);
    LogConsolePanel panel = onEdt(() -> new LogConsolePanel(console));
    Await.until("following", () -> console.phase() == LogConsole.Phase.FOLLOWING);

    fake.sendDidAppend(append("f-1", 0, "GET /orders 200 12ms", "GET /orders/7 404 3ms"));
    fake.sendDidAppend(append("f-1", 1, "POST /checkout 201 48ms"));

    Await.until("three lines", () -> console.since(0).total() == 3);
    assertThat(console.since(0).lines())
        .containsExactly(
            "[api-7d9f4-x2k8p] GET /orders 200 12ms",
            "[api-7d9f4-x2k8p] GET /orders/7 404 3ms",
            "[api-7d9f4-q9w3z] POST /checkout 201 48ms");
    Await.until("shown", () -> text(panel).endsWith("POST /checkout 201 48ms\n"));
    assertThat(status(panel)).isEqualTo("2 pods · following");
    assertThat(onEdt(() -> panel.stopButton().isEnabled())).isTrue();
  }

  @Test
  void did_end_shows_the_reason_and_the_stop_button_goes_grey() throws Exception {
    fake.answer("logs/follow", new FollowLogsResponse("f-2", List.of("api-7d9f4-x2k8p")));
    LogConsole console = session.logs().follow("api · logs", API);
    LogConsolePanel panel = onEdt(() -> new LogConsolePanel(console));
    Await.until("following", () -> console.phase() == LogConsole.Phase.FOLLOWING);

    fake.sendDidAppend(append("f-2", 0, "shutting down"));
    fake.sendDidEnd(new DidEndLogsParams("f-2", "pod shop/api-7d9f4-x2k8p was deleted"));

    Await.until("ended", () -> console.phase() == LogConsole.Phase.ENDED);
    Await.until(
        "reason shown",
        () ->
            status(panel).equals("api-7d9f4-x2k8p · ended: pod shop/api-7d9f4-x2k8p was deleted"));
    // One pod: no prefix.
    assertThat(text(panel)).isEqualTo("shutting down\n");
    assertThat(onEdt(() -> panel.stopButton().isEnabled())).isFalse();
  }

  @Test
  void stop_sends_logs_stop_with_the_follow_id() throws Exception {
    fake.answer("logs/follow", new FollowLogsResponse("f-3", PODS));
    fake.answer("logs/stop", new StopLogsResponse(true));
    LogConsole console = session.logs().follow("api · logs", API);
    LogConsolePanel panel = onEdt(() -> new LogConsolePanel(console));
    Await.until("following", () -> console.phase() == LogConsole.Phase.FOLLOWING);

    Screens.runOnEdt(() -> panel.stopButton().doClick());

    Await.until("stopped", () -> fake.count("logs/stop") == 1);
    assertThat(fake.params("logs/stop")).containsExactly(new StopLogsParams("f-3"));
    Await.until("ended", () -> console.phase() == LogConsole.Phase.ENDED);
    Await.until("said", () -> status(panel).endsWith("ended: stopped"));
  }

  @Test
  void a_tab_closed_before_the_answer_stops_the_follow_when_it_comes() throws Exception {
    CompletableFuture<Object> answer = new CompletableFuture<>();
    fake.answer("logs/follow", params -> answer);
    fake.answer("logs/stop", new StopLogsResponse(true));
    LogConsole console = session.logs().follow("api · logs", API);
    Await.until("asked", () -> fake.count("logs/follow") == 1);

    console.stop();
    answer.complete(new FollowLogsResponse("f-4", PODS));

    Await.until("stopped on the server", () -> fake.count("logs/stop") == 1);
    assertThat(fake.params("logs/stop")).containsExactly(new StopLogsParams("f-4"));
    assertThat(console.phase()).isEqualTo(LogConsole.Phase.ENDED);
  }

  @Test
  void a_follow_the_server_refuses_shows_why() throws Exception {
    fake.fail(
        "logs/follow", ErrorCode.FORBIDDEN, "forbidden: cannot get pods/log in namespace shop");
    LogConsole console = session.logs().follow("api · logs", API);
    LogConsolePanel panel = onEdt(() -> new LogConsolePanel(console));

    Await.until("failed", () -> console.phase() == LogConsole.Phase.FAILED);
    Await.until(
        "said",
        () -> status(panel).equals("failed: forbidden: cannot get pods/log in namespace shop"));
  }

  @Test
  void the_console_keeps_the_newest_ten_thousand_lines() throws Exception {
    LogConsole console = new LogConsole("big", API, c -> {});
    console.started("f-5", List.of("one-pod"));
    LogConsolePanel panel = onEdt(() -> new LogConsolePanel(console));
    List<LogLineDto> lines = new ArrayList<>();
    for (int i = 1; i <= LogConsole.MAX_LINES + 50; i++) {
      lines.add(new LogLineDto("one-pod", "app", "line " + i));
    }

    console.append(lines.subList(0, 5000));
    console.append(lines.subList(5000, lines.size()));

    LogConsole.Snapshot all = console.since(0);
    assertThat(all.total()).isEqualTo(LogConsole.MAX_LINES + 50);
    assertThat(all.lines()).hasSize(LogConsole.MAX_LINES);
    assertThat(all.lines().get(0)).isEqualTo("line 51");
    Await.until("caught up", () -> text(panel).endsWith("line 10050\n"));
    String text = text(panel);
    assertThat(text.lines().count()).isEqualTo(LogConsole.MAX_LINES);
    assertThat(text).startsWith("line 51\n");
  }

  @Test
  void notifications_that_overtake_the_answer_wait_for_it() throws Exception {
    LogFollows follows = new LogFollows(fake.direct(), Runnable::run);
    CompletableFuture<Object> answer = new CompletableFuture<>();
    fake.answer("logs/follow", params -> answer);
    LogConsole console = follows.follow("api · logs", API);

    follows.didAppend(append("f-6", 0, "early line"));
    follows.didEnd(new DidEndLogsParams("f-6", "pod went away"));
    answer.complete(new FollowLogsResponse("f-6", List.of("api-7d9f4-x2k8p")));

    assertThat(console.since(0).lines()).containsExactly("early line");
    assertThat(console.phase()).isEqualTo(LogConsole.Phase.ENDED);
    assertThat(console.since(0).endReason()).isEqualTo("pod went away");
  }

  @Test
  void renders_a_followed_workload_and_how_it_ended() throws Exception {
    fake.answer("logs/follow", new FollowLogsResponse("f-7", PODS));
    LogConsole console = session.logs().follow("api · logs", API);
    LogConsolePanel panel = onEdt(() -> new LogConsolePanel(console));
    Await.until("following", () -> console.phase() == LogConsole.Phase.FOLLOWING);
    String[][] lines = {
      {"0", "2026-03-01T17:02:11Z INFO  started api 1.8.2 on :8080"},
      {"1", "2026-03-01T17:02:12Z INFO  started api 1.8.2 on :8080"},
      {"0", "2026-03-01T17:02:14Z INFO  GET /orders 200 12ms"},
      {"1", "2026-03-01T17:02:15Z INFO  GET /orders/7 200 4ms"},
      {"0", "2026-03-01T17:02:15Z WARN  GET /orders/99 404 3ms"},
      {"1", "2026-03-01T17:02:17Z INFO  POST /checkout 201 48ms"},
      {"0", "2026-03-01T17:02:19Z ERROR payment gateway timed out after 5000ms"},
      {"1", "2026-03-01T17:02:21Z INFO  GET /health 200 1ms"},
      {"0", "2026-03-01T17:02:22Z INFO  received SIGTERM, draining connections"},
    };
    for (String[] line : lines) {
      fake.sendDidAppend(append("f-7", Integer.parseInt(line[0]), line[1]));
    }
    fake.sendDidEnd(new DidEndLogsParams("f-7", "pod shop/api-7d9f4-x2k8p was deleted"));
    Await.until("ended", () -> status(panel).contains("was deleted"));

    BufferedImage image = onEdt(() -> Screens.paint(panel, 760, 260));
    Path png = Screens.save(image, "intellij-logs.png");

    assertThat(Files.size(png)).isGreaterThan(2_000);
    Rectangle textArea = onEdt(() -> areaOf(panel));
    assertThat(Screens.ink(image, textArea)).isGreaterThan(2_000);
    // The end reason is in red in the header.
    Rectangle header = new Rectangle(0, 0, 760, textArea.y);
    assertThat(Screens.pixelsNear(image, header, new Color(0xB3261E), 60)).isGreaterThan(20);
  }

  private static Rectangle areaOf(LogConsolePanel panel) {
    var viewport = panel.text().getParent();
    var bounds =
        javax.swing.SwingUtilities.convertRectangle(
            viewport.getParent(), viewport.getBounds(), panel);
    return bounds;
  }

  private static DidAppendLogsParams append(String followId, int pod, String... texts) {
    List<LogLineDto> lines = new ArrayList<>();
    for (String text : texts) {
      lines.add(new LogLineDto(PODS.get(pod), "api", text));
    }
    return new DidAppendLogsParams(followId, lines);
  }

  private static String text(LogConsolePanel panel) {
    try {
      return onEdt(() -> panel.text().getText());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String status(LogConsolePanel panel) {
    try {
      return onEdt(() -> panel.status().getText());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
