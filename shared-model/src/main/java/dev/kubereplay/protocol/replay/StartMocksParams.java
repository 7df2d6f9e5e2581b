package dev.kubereplay.protocol.replay;

import dev.kubereplay.protocol.Nullable;
import java.util.List;

/**
 * Parameters of {@code replay/startMocks}.
 *
 * @param snapshot the snapshot's id, id prefix or name
 * @param listen where to listen, {@code host:port} on loopback; default {@code 127.0.0.1:0}, any
 *     free port
 * @param timing {@code none} (default), {@code recorded} or a speed such as {@code 2x}
 * @param ignoreQuery query parameters left out of matching
 * @param ignoreHeaders headers left out of matching
 * @param ignoreJsonPaths JSON paths of request bodies left out of matching, as {@code $.a.b}
 * @param matchHeaders headers matched besides X-Amz-Target and SOAPAction
 * @param settingsPath a workspace {@code kubereplay.json} whose {@code mocks} section adds to these
 */
public record StartMocksParams(
    String snapshot,
    @Nullable String listen,
    @Nullable String timing,
    @Nullable List<String> ignoreQuery,
    @Nullable List<String> ignoreHeaders,
    @Nullable List<String> ignoreJsonPaths,
    @Nullable List<String> matchHeaders,
    @Nullable String settingsPath) {

  /** Mocks for a snapshot on any free loopback port, with the defaults. */
  public StartMocksParams(String snapshot) {
    this(snapshot, null, null, null, null, null, null, null);
  }
}
