package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.server.traffic.TrafficException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a request's answer follows its work and its cancellation ($/cancelRequest). */
class RpcCallsTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final RpcCalls calls = new RpcCalls(executor);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void a_cancel_before_the_work_commits_answers_cancelled_and_the_work_may_not_commit()
      throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    CompletableFuture<Boolean> committed = new CompletableFuture<>();
    CompletableFuture<String> answer =
        calls.async(
            "test/work",
            cancel -> {
              started.countDown();
              await(cancelled);
              committed.complete(cancel.commit());
              cancel.checkCanceled();
              return "written";
            });
    started.await(5, TimeUnit.SECONDS);

    assertThat(answer.cancel(true)).isTrue();
    cancelled.countDown();

    assertThat(answer).isCancelled();
    assertThat(committed.get(5, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void a_cancel_after_the_work_commits_is_refused_and_the_real_answer_is_sent() throws Exception {
    CountDownLatch committed = new CountDownLatch(1);
    CountDownLatch cancelTried = new CountDownLatch(1);
    CompletableFuture<String> answer =
        calls.async(
            "test/work",
            cancel -> {
              assertThat(cancel.commit()).isTrue();
              committed.countDown();
              await(cancelTried);
              assertThat(cancel.isCancelled()).isFalse();
              return "written";
            });
    committed.await(5, TimeUnit.SECONDS);

    assertThat(answer.cancel(true)).isFalse();
    cancelTried.countDown();

    assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("written");
    assertThat(answer).isNotCancelled();
  }

  @Test
  void a_failure_of_the_work_is_the_error_it_names() {
    CompletableFuture<String> answer =
        calls.async(
            "test/work",
            cancel -> {
              throw TrafficException.snapshotNotFound("nope");
            });

    assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ResponseErrorException.class)
        .satisfies(
            e ->
                assertThat(((ResponseErrorException) e).getResponseError().getCode())
                    .isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND.code()))
        .hasMessage("no snapshot 'nope'");
  }

  @Test
  void a_request_cancelled_before_it_runs_never_runs() throws Exception {
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      RpcCalls queued = new RpcCalls(one);
      CountDownLatch release = new CountDownLatch(1);
      one.execute(() -> await(release));
      CompletableFuture<Boolean> ran = new CompletableFuture<>();
      CompletableFuture<String> answer =
          queued.async(
              "test/work",
              cancel -> {
                ran.complete(true);
                return "ran";
              });

      answer.cancel(true);
      release.countDown();
      one.submit(() -> {}).get(5, TimeUnit.SECONDS);

      assertThat(ran).isNotDone();
      assertThatThrownBy(answer::join).isInstanceOf(CancellationException.class);
    } finally {
      one.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
