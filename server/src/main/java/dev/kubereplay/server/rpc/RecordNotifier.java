package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.traffic.DidRecordParams;
import dev.kubereplay.protocol.traffic.TrafficRpcClient;
import dev.kubereplay.server.traffic.record.Recording;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends {@code traffic/didRecord} for one recording at most every {@link #INTERVAL_MILLIS}, always
 * ending with the latest count. Sending happens on the executor, never on the proxy's threads.
 */
final class RecordNotifier implements Recording.Listener {

  static final long INTERVAL_MILLIS = 250;

  private final Executor executor;
  private final Supplier<TrafficRpcClient> client;
  private volatile String recordingId;
  private long pairs;
  private String lastRequest;
  private boolean pending;
  private long lastSent;

  RecordNotifier(Executor executor, Supplier<TrafficRpcClient> client) {
    this.executor = executor;
    this.client = client;
  }

  /** The id to send; set before the recording starts. */
  void recordingId(String id) {
    this.recordingId = id;
  }

  @Override
  public synchronized void recorded(long pairs, String lastRequest) {
    this.pairs = pairs;
    this.lastRequest = lastRequest;
    if (pending) {
      return;
    }
    pending = true;
    long wait = Math.max(0, lastSent + INTERVAL_MILLIS - System.currentTimeMillis());
    CompletableFuture.runAsync(
        this::send, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS, executor));
  }

  private void send() {
    DidRecordParams params;
    synchronized (this) {
      pending = false;
      lastSent = System.currentTimeMillis();
      params = new DidRecordParams(recordingId, pairs, lastRequest);
    }
    client.get().didRecord(params);
  }
}
