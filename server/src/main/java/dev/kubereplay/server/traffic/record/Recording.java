package dev.kubereplay.server.traffic.record;

import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.TrafficException;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.store.LiveSnapshot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A desktop recording: a {@link RecordingProxy} whose exchanges go, redacted, into a new snapshot
 * as they happen; {@link #stop()} seals it.
 *
 * <p>Durability: the snapshot is written as it grows (a {@link LiveSnapshot}): it appears, {@code
 * RECORDING}, when the proxy listens, and its pairs are committed in short transactions about once
 * a second, so listing, browsing, exporting, and imports, renames and deletes of other snapshots
 * all work while it records. Stopping commits the rest and marks it {@code COMPLETE}. A server that
 * dies meanwhile leaves it with what was committed, later marked {@code INTERRUPTED}.
 */
public final class Recording {

  /** Told of each recorded exchange, on the proxy's thread; must not block. */
  @FunctionalInterface
  public interface Listener {
    void recorded(long pairs, String lastRequest);

    Listener NONE = (pairs, lastRequest) -> {};
  }

  private final String id;
  private final ProxyOptions options;
  private final RecordingProxy proxy;
  private final LiveSnapshot snapshot;
  private final Listener listener;
  private final AtomicLong pairs = new AtomicLong();
  private volatile boolean stopping;
  private InetSocketAddress address;
  private Snapshot sealed;
  private RuntimeException failure;

  /** Use {@link dev.kubereplay.server.traffic.TrafficService#record}. */
  public Recording(String id, ProxyOptions options, LiveSnapshot snapshot, Listener listener) {
    this.id = id;
    this.options = options;
    this.snapshot = snapshot;
    this.listener = listener;
    this.proxy = new RecordingProxy(options, new Sink());
  }

  /**
   * Starts the proxy, then creates the snapshot; on failure nothing is stored.
   *
   * @throws TrafficException {@code ADDRESS_IN_USE} naming the address when it cannot be bound
   * @throws dev.kubereplay.server.traffic.StoreException when the snapshot cannot be created
   */
  public InetSocketAddress start(InetSocketAddress listen) {
    InetSocketAddress bound;
    try {
      bound = proxy.start();
    } catch (IOException e) {
      String where = listen.getHostString() + ":" + listen.getPort();
      throw new TrafficException(
          TrafficException.Reason.ADDRESS_IN_USE,
          where,
          "cannot listen on " + where + ": " + reason(e),
          e);
    }
    try {
      snapshot.open();
    } catch (RuntimeException e) {
      proxy.stop();
      throw e;
    }
    synchronized (this) {
      address = bound;
    }
    return bound;
  }

  private static String reason(IOException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
    return message == null || message.isBlank() ? "the address is in use" : message;
  }

  public String id() {
    return id;
  }

  /** How its proxy runs. */
  public ProxyOptions options() {
    return options;
  }

  public String snapshotId() {
    return snapshot.snapshotId();
  }

  public synchronized InetSocketAddress address() {
    return address;
  }

  /** Pairs recorded so far. */
  public long pairs() {
    return pairs.get();
  }

  /**
   * Stops the proxy (waiting for exchanges in flight), then commits the rest of the snapshot and
   * marks it {@code COMPLETE}. Stopping again answers the same snapshot.
   *
   * @throws RuntimeException the store's failure, again on every call, when writing failed (the
   *     snapshot keeps what was committed)
   */
  public Snapshot stop() {
    proxy.stop();
    synchronized (this) {
      stopping = true;
      if (sealed != null) {
        return sealed;
      }
      if (failure != null) {
        throw failure;
      }
      try {
        sealed = snapshot.seal();
        return sealed;
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
  }

  /**
   * Stops without sealing (the server is going away and sealing failed, say): the snapshot keeps
   * what was committed and is marked {@code INTERRUPTED}.
   */
  public synchronized void discard() {
    stopping = true;
    proxy.stop();
    if (sealed == null) {
      snapshot.interrupt();
    }
  }

  private final class Sink implements PairSink {
    @Override
    public void accept(RRPair pair) {
      if (stopping) {
        return; // cut off at stop: the snapshot is closed
      }
      snapshot.accept(pair);
      listener.recorded(pairs.incrementAndGet(), pair.method() + " " + pair.url());
    }

    @Override
    public void skip(String entry, String reason) {
      if (!stopping) {
        snapshot.skip(entry, reason);
      }
    }
  }
}
