package dev.kubereplay.intellij.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.protocol.KubeReplayRpcServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Cancelling a cancellable call reaches the request's own future through a derived answer. */
class ServerCallsTest {

  /** Answers as ServerManager does: a future derived from the request's, not the request's own. */
  private static final class Derived implements ServerCalls {
    final CompletableFuture<KubeReplayRpcServer> ready = new CompletableFuture<>();

    @Override
    public <T> CompletableFuture<T> call(
        Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
      return ready.thenCompose(request).thenApply(Function.identity());
    }
  }

  @Test
  void cancelling_the_answer_cancels_the_sent_request() {
    Derived server = new Derived();
    CompletableFuture<String> sent = new CompletableFuture<>();
    server.ready.complete(null);

    CompletableFuture<String> answer = server.cancellableCall(s -> sent);
    assertThat(answer.cancel(true)).isTrue();

    assertThat(sent.isCancelled()).isTrue();
    assertThat(answer.isCancelled()).isTrue();
  }

  @Test
  void a_request_cancelled_before_it_is_sent_is_cancelled_when_it_is() {
    Derived server = new Derived();
    CompletableFuture<String> sent = new CompletableFuture<>();

    CompletableFuture<String> answer = server.cancellableCall(s -> sent);
    answer.cancel(true);
    assertThat(sent.isCancelled()).isFalse();
    server.ready.complete(null);

    assertThat(sent.isCancelled()).isTrue();
  }

  @Test
  void an_answer_and_a_failure_come_through_and_a_failed_wait_cancels_the_request() {
    Derived server = new Derived();
    server.ready.complete(null);
    CompletableFuture<String> sent = new CompletableFuture<>();
    CompletableFuture<String> answer = server.cancellableCall(s -> sent);
    sent.complete("written");
    assertThat(answer.join()).isEqualTo("written");

    CompletableFuture<String> slow = new CompletableFuture<>();
    ServerCalls timingOut =
        new ServerCalls() {
          @Override
          public <T> CompletableFuture<T> call(
              Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
            CompletableFuture<T> inner = request.apply(null);
            CompletableFuture<T> raced = inner.thenApply(Function.identity());
            raced.completeExceptionally(new TimeoutException());
            return raced;
          }
        };
    CompletableFuture<String> late = timingOut.cancellableCall(s -> slow);
    assertThat(late).isCompletedExceptionally();
    assertThat(late.isCancelled()).isFalse();
    assertThat(slow.isCancelled()).isTrue();
  }
}
