package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.replay.DidMatchParams;
import dev.kubereplay.protocol.replay.MatchDto;
import dev.kubereplay.protocol.replay.ReplayRpcClient;
import dev.kubereplay.server.replay.responder.RecordingAnswers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends what one mocks answered as {@code replay/didMatch}, in batches at most every {@link
 * #INTERVAL_MILLIS} and at most {@link #BATCH} requests each: an app under load cannot flood the
 * client, and what is left out is counted. Sending happens on the executor, never on the mocks'
 * request threads.
 */
final class MatchFeed implements Consumer<RecordingAnswers.Event> {

  static final long INTERVAL_MILLIS = 250;
  static final int BATCH = 200;

  private final Executor executor;
  private final Supplier<ReplayRpcClient> client;
  private volatile String mocksId;
  private List<MatchDto> pending = new ArrayList<>();
  private long unsent;
  private boolean scheduled;
  private long lastSent = System.currentTimeMillis();

  MatchFeed(Executor executor, Supplier<ReplayRpcClient> client) {
    this.executor = executor;
    this.client = client;
  }

  /** The id to send; set once the mocks have started, before the first batch goes out. */
  void mocksId(String id) {
    this.mocksId = id;
  }

  @Override
  public void accept(RecordingAnswers.Event event) {
    MatchDto match = ReplayDtos.match(event);
    synchronized (this) {
      if (pending.size() < BATCH) {
        pending.add(match);
      } else {
        unsent++;
      }
      if (scheduled) {
        return;
      }
      scheduled = true;
      long wait = Math.max(0, lastSent + INTERVAL_MILLIS - System.currentTimeMillis());
      CompletableFuture.runAsync(
          this::send, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS, executor));
    }
  }

  private void send() {
    DidMatchParams params;
    synchronized (this) {
      scheduled = false;
      lastSent = System.currentTimeMillis();
      params = new DidMatchParams(mocksId, pending, unsent);
      pending = new ArrayList<>();
      unsent = 0;
    }
    client.get().didMatch(params);
  }
}
