package dev.kubereplay.server.traffic.record;

import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.RRPair;
import dev.kubereplay.server.traffic.Snapshot;
import dev.kubereplay.server.traffic.TrafficException;
import dev.kubereplay.server.traffic.store.SnapshotImport;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A desktop recording: a {@link RecordingProxy} whose exchanges go, redacted, into a new snapshot
 * as they happen; {@link #stop()} seals it.
 *
 * <p>Durability: the snapshot is written in one transaction (a {@link SnapshotImport}) that is
 * committed when the recording stops. Pairs are written to the database as they arrive, in batches,
 * but nobody sees them until the commit; a crash or a kill -9 rolls the whole recording back, so a
 * half snapshot never looks complete. The price: while recording, the store's write lock is held,
 * so other writes (imports, renames) wait for it up to the store's busy timeout.
 */
public final class Recording {

  /** Told of each recorded exchange, on the proxy's thread; must not block. */
  @FunctionalInterface
  public interface Listener {
    void recorded(long pairs, String lastRequest);

    Listener NONE = (pairs, lastRequest) -> {};
  }

  private final String id;
  private final RecordingProxy proxy;
  private final SnapshotImport snapshot;
  private final Listener listener;
  private InetSocketAddress address;
  private long pairs;
  private Snapshot sealed;
  private RuntimeException failure;

  /** Use {@link dev.kubereplay.server.traffic.TrafficService#record}. */
  public Recording(String id, ProxyOptions options, SnapshotImport snapshot, Listener listener) {
    this.id = id;
    this.snapshot = snapshot;
    this.listener = listener;
    this.proxy = new RecordingProxy(options, new Sink());
  }

  /**
   * Starts the proxy; on failure nothing is stored.
   *
   * @throws TrafficException {@code ADDRESS_IN_USE} naming the address when it cannot be bound
   */
  public InetSocketAddress start(InetSocketAddress listen) {
    try {
      InetSocketAddress bound = proxy.start();
      synchronized (this) {
        address = bound;
      }
      return bound;
    } catch (IOException e) {
      snapshot.abort();
      String where = listen.getHostString() + ":" + listen.getPort();
      throw new TrafficException(
          TrafficException.Reason.ADDRESS_IN_USE,
          where,
          "cannot listen on " + where + ": " + reason(e),
          e);
    } catch (RuntimeException e) {
      snapshot.abort();
      throw e;
    }
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

  public String snapshotId() {
    return snapshot.snapshotId();
  }

  public synchronized InetSocketAddress address() {
    return address;
  }

  /** Pairs recorded so far. */
  public synchronized long pairs() {
    return pairs;
  }

  /**
   * Stops the proxy (waiting for exchanges in flight), then commits the snapshot with its final
   * counts and time span. Stopping again answers the same snapshot.
   *
   * @throws RuntimeException the store's failure, again on every call, when the commit failed
   */
  public Snapshot stop() {
    proxy.stop();
    synchronized (this) {
      if (sealed != null) {
        return sealed;
      }
      if (failure != null) {
        throw failure;
      }
      try {
        sealed = snapshot.commit();
        return sealed;
      } catch (RuntimeException e) {
        failure = e;
        snapshot.abort();
        throw e;
      }
    }
  }

  /** Stops without keeping anything (the server is going away and the commit failed, say). */
  public synchronized void discard() {
    proxy.stop();
    if (sealed == null) {
      snapshot.abort();
    }
  }

  private final class Sink implements PairSink {
    @Override
    public void accept(RRPair pair) {
      long count;
      String last;
      synchronized (Recording.this) {
        if (sealed != null || failure != null) {
          return; // cut off at stop: the snapshot is closed
        }
        snapshot.accept(pair);
        count = ++pairs;
        last = pair.method() + " " + pair.url();
      }
      listener.recorded(count, last);
    }

    @Override
    public void skip(String entry, String reason) {
      synchronized (Recording.this) {
        if (sealed == null && failure == null) {
          snapshot.skip(entry, reason);
        }
      }
    }
  }
}
