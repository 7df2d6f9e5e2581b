package dev.kubereplay.server.rpc;

import dev.kubereplay.server.traffic.TrafficService;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Opens the recordings store on the first traffic request, not at start-up: a session that only
 * looks at clusters never touches it, and a broken database fails traffic requests only.
 */
final class LazyTraffic implements Supplier<TrafficService> {

  private final Path dataDirectory;
  private TrafficService service;

  LazyTraffic(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  @Override
  public synchronized TrafficService get() {
    if (service == null) {
      service = TrafficService.open(dataDirectory);
    }
    return service;
  }
}
