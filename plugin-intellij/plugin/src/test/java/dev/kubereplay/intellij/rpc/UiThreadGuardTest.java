package dev.kubereplay.intellij.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.intellij.testing.Screens;
import dev.kubereplay.protocol.cluster.ListContextsParams;
import dev.kubereplay.protocol.initialize.ClientInfoDto;
import dev.kubereplay.protocol.initialize.InitializeParams;
import dev.kubereplay.protocol.traffic.RenameSnapshotParams;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The guard every server call passes: on in the plugin's tests (the build sets its property), a
 * call on the UI thread is refused with the call's name and never reaches the server.
 */
class UiThreadGuardTest {

  private final FakeServer fake = new FakeServer();
  private final KubeReplaySession session = new KubeReplaySession(fake::start);

  @AfterEach
  void close() {
    UiThreadGuard.takeViolations(); // what these tests provoked on purpose
    session.close();
    fake.close();
  }

  @Test
  void the_build_turns_the_guard_on_for_every_plugin_test() {
    assertThat(Boolean.getBoolean(UiThreadGuard.PROPERTY)).isTrue();
  }

  @Test
  void a_call_sent_on_the_ui_thread_is_refused_naming_it_and_never_sent() throws Exception {
    AtomicReference<Throwable> refused = new AtomicReference<>();

    Screens.runOnEdt(
        () -> {
          try {
            session.call(
                s -> s.getTrafficService().renameSnapshot(new RenameSnapshotParams("s-1", "x")));
          } catch (IllegalStateException e) {
            refused.set(e);
          }
        });

    assertThat(refused.get())
        .hasMessageStartingWith("traffic/renameSnapshot was sent on the event-dispatch thread");
    assertThat(UiThreadGuard.takeViolations())
        .singleElement()
        .asString()
        .startsWith("traffic/renameSnapshot");
    assertThat(fake.starts).hasValue(0); // not even started for it
  }

  @Test
  void the_same_call_from_a_background_thread_is_sent() throws Exception {
    var background = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<?> answer =
          CompletableFuture.supplyAsync(
                  () ->
                      session.call(
                          s -> s.getClusterService().listContexts(new ListContextsParams())),
                  background)
              .thenCompose(sent -> sent);

      answer.get(30, TimeUnit.SECONDS);
    } finally {
      background.shutdownNow();
    }
    assertThat(fake.listContextsCalls).hasValue(1);
    assertThat(UiThreadGuard.takeViolations()).isEmpty();
  }

  @Test
  void shutting_a_running_server_down_on_the_ui_thread_is_refused() throws Exception {
    ExecutorService threads = Executors.newCachedThreadPool();
    ServerManager manager =
        new ServerManager(
            fake::start,
            new ClientEndpoint(change -> {}, null),
            new InitializeParams(new ClientInfoDto("test", "0"), ClientEndpoint.capabilities()),
            threads,
            exit -> {});
    try {
      manager
          .call(s -> s.getClusterService().listContexts(new ListContextsParams()))
          .get(30, TimeUnit.SECONDS);

      assertThatThrownBy(() -> Screens.runOnEdt(manager::close))
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .hasStackTraceContaining("shutdown was sent on the event-dispatch thread");
      assertThat(UiThreadGuard.takeViolations()).hasSize(1);
      assertThat(fake.shutdownCalls).hasValue(0);
    } finally {
      manager.close();
      threads.shutdownNow();
    }
    assertThat(fake.shutdownCalls).hasValue(1);
  }
}
