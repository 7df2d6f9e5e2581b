package dev.kubereplay.server.traffic;

import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.traffic.model.Direction;
import java.nio.file.Path;
import java.util.Set;

/**
 * How to read a source.
 *
 * @param outboundHosts hosts whose pairs are {@code OUT} (the workload's dependencies), in lower
 *     case; every other pair is {@code IN}, unless the source says its direction itself (JSONL,
 *     Speedscale)
 * @param maxBodyBytes a body larger than this fails the import, naming the entry
 * @param environment a Postman environment file, or null
 */
public record ImportOptions(Set<String> outboundHosts, long maxBodyBytes, Path environment) {

  /** 64 MiB: larger bodies are almost always a mistake in a recording. */
  public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

  public static ImportOptions defaults() {
    return new ImportOptions(Set.of(), DEFAULT_MAX_BODY_BYTES, null);
  }

  /**
   * The direction of a pair to {@code host} when the source does not say; {@code host} in lower
   * case, as {@link Urls#host} gives it.
   */
  public Direction directionOf(String host) {
    if (host == null) {
      return Direction.IN;
    }
    String bare = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
    return outboundHosts.contains(host) || outboundHosts.contains(bare)
        ? Direction.OUT
        : Direction.IN;
  }
}
