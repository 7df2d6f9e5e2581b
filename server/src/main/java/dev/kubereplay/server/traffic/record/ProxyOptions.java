package dev.kubereplay.server.traffic.record;

import dev.kubereplay.server.listen.LoopbackRule;
import dev.kubereplay.server.traffic.ImportOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How a {@link RecordingProxy} runs.
 *
 * @param listen where it listens; port 0 picks a free one ({@link RecordingProxy#start()} answers
 *     the port bound)
 * @param upstream the reverse proxy's target ({@code http://host:port[/base]}); null in forward
 *     mode
 * @param forward true for a forward proxy: a local app sends it absolute-URI requests ({@code
 *     HTTP_PROXY}) and the exchanges are recorded as {@code OUT} pairs to their real hosts
 * @param maxBodyBytes the largest body recorded; a larger request is refused (413), a larger
 *     response is passed on but not recorded
 * @param stopTimeout how long {@link RecordingProxy#stop()} waits for exchanges in flight
 * @param remoteClientsAllowed whether the user explicitly allowed {@code listen} beyond loopback
 *     ({@code --allow-remote-clients}); without it a non-loopback address is refused ({@link
 *     LoopbackRule})
 */
public record ProxyOptions(
    InetSocketAddress listen,
    URI upstream,
    boolean forward,
    long maxBodyBytes,
    Duration stopTimeout,
    boolean remoteClientsAllowed) {

  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

  public ProxyOptions {
    if (listen == null) {
      throw new IllegalArgumentException("a listen address is required");
    }
    if (forward && upstream != null) {
      throw new IllegalArgumentException(
          "a forward proxy has no upstream: each request names its host");
    }
    if (!forward) {
      if (upstream == null) {
        throw new IllegalArgumentException("a reverse proxy needs an upstream URL");
      }
      String scheme =
          upstream.getScheme() == null ? "" : upstream.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || upstream.getHost() == null) {
        throw new IllegalArgumentException(
            "the upstream must be an http:// or https:// URL with a host: " + upstream);
      }
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("the body limit must be positive");
    }
    if (stopTimeout == null || stopTimeout.isNegative()) {
      throw new IllegalArgumentException("the stop timeout must be zero or more");
    }
    LoopbackRule.require(listen, remoteClientsAllowed, listener(forward, upstream));
  }

  /** A proxy on a loopback {@code listen} address. */
  public ProxyOptions(
      InetSocketAddress listen,
      URI upstream,
      boolean forward,
      long maxBodyBytes,
      Duration stopTimeout) {
    this(listen, upstream, forward, maxBodyBytes, stopTimeout, false);
  }

  /** The recording proxy, and what anyone who reaches it can do, for {@link LoopbackRule}. */
  public static LoopbackRule.Listener listener(boolean forward, URI upstream) {
    return new LoopbackRule.Listener(
        "the recording proxy",
        forward
            ? "send requests through it to every host this machine can reach"
            : "send requests through it to " + upstream,
        "start it from the command line with --allow-remote-clients");
  }

  /** What anyone who reaches this proxy can do, for the warning beyond loopback. */
  public LoopbackRule.Listener listener() {
    return listener(forward, upstream);
  }

  /** A reverse proxy on 127.0.0.1:{@code port} to {@code upstream}, with default limits. */
  public static ProxyOptions reverse(int port, URI upstream) {
    return new ProxyOptions(
        new InetSocketAddress("127.0.0.1", port),
        upstream,
        false,
        ImportOptions.DEFAULT_MAX_BODY_BYTES,
        DEFAULT_STOP_TIMEOUT);
  }

  /** A forward proxy on 127.0.0.1:{@code port}, with default limits. */
  public static ProxyOptions forward(int port) {
    return new ProxyOptions(
        new InetSocketAddress("127.0.0.1", port),
        null,
        true,
        ImportOptions.DEFAULT_MAX_BODY_BYTES,
        DEFAULT_STOP_TIMEOUT);
  }

  public ProxyOptions withMaxBodyBytes(long bytes) {
    return new ProxyOptions(listen, upstream, forward, bytes, stopTimeout, remoteClientsAllowed);
  }

  public ProxyOptions withStopTimeout(Duration timeout) {
    return new ProxyOptions(listen, upstream, forward, maxBodyBytes, timeout, remoteClientsAllowed);
  }
}
