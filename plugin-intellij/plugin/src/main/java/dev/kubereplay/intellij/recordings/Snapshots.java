package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.HostEndpointsDto;
import dev.kubereplay.protocol.traffic.ListEndpointsResponse;
import dev.kubereplay.protocol.traffic.ListSnapshotsParams;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.SnapshotParams;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The snapshots as {@code traffic/listSnapshots} lists them, and the hosts and endpoints of each
 * opened one ({@code traffic/listEndpoints}). Written on the model's thread; read anywhere. Tells
 * the model after each change.
 */
final class Snapshots {

  private final ServerCalls server;
  private final Executor modelThread;
  private final RecordingsModel model;

  // Written on the model thread only.
  private volatile List<SnapshotDto> list;
  private volatile String error;
  private final Map<String, Object> endpoints = new ConcurrentHashMap<>(); // response or error

  Snapshots(ServerCalls server, Executor modelThread, RecordingsModel model) {
    this.server = server;
    this.modelThread = modelThread;
    this.model = model;
  }

  /** The snapshots, or null before the first answer. */
  List<SnapshotDto> list() {
    return list;
  }

  /** Why the snapshots could not be listed, or null. */
  String error() {
    return error;
  }

  /** Per opened snapshot: its {@link ListEndpointsResponse}, an error text, or TRUE while asked. */
  Map<String, Object> endpoints() {
    return endpoints;
  }

  /** Forgets what was opened. Model thread only. */
  void clear() {
    endpoints.clear();
  }

  /** Lists the snapshots again. Model thread only. */
  void load() {
    server
        .call(s -> s.getTrafficService().listSnapshots(new ListSnapshotsParams()))
        .whenCompleteAsync(
            (answer, failure) -> {
              if (failure != null) {
                error = "Could not list snapshots: " + RpcFailure.of(failure).message();
              } else {
                error = null;
                list = List.copyOf(answer.snapshots());
              }
              model.changed();
            },
            modelThread);
  }

  /** A snapshot was opened: its hosts and endpoints, unless known. Model thread only. */
  void open(String snapshotId) {
    if (endpoints.containsKey(snapshotId)) {
      return;
    }
    endpoints.put(snapshotId, Boolean.TRUE); // asked
    server
        .call(s -> s.getTrafficService().listEndpoints(new SnapshotParams(snapshotId)))
        .whenCompleteAsync(
            (answer, failure) -> {
              endpoints.put(
                  snapshotId, failure != null ? RpcFailure.of(failure).message() : (Object) answer);
              model.changed();
            },
            modelThread);
  }

  /** The endpoints of an opened snapshot again; done at once when it was not opened. */
  CompletableFuture<Void> reloadEndpoints(String snapshotId) {
    if (!endpoints.containsKey(snapshotId)) {
      return CompletableFuture.completedFuture(null);
    }
    return server
        .call(s -> s.getTrafficService().listEndpoints(new SnapshotParams(snapshotId)))
        .handleAsync(
            (answer, failure) -> {
              if (endpoints.containsKey(snapshotId)) { // else: refreshed meanwhile
                endpoints.put(
                    snapshotId,
                    failure != null ? RpcFailure.of(failure).message() : (Object) answer);
                model.changed();
              }
              return null;
            },
            modelThread);
  }

  /** Shows a snapshot as the server returned it after a change. Model thread only. */
  void replace(SnapshotDto changed) {
    List<SnapshotDto> known = list;
    if (known != null) {
      list = known.stream().map(s -> s.id().equals(changed.id()) ? changed : s).toList();
    }
  }

  SnapshotDto snapshot(String id) {
    List<SnapshotDto> known = list;
    return known == null
        ? null
        : known.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }

  /** A snapshot's name, or its id when it is not listed. */
  String name(String snapshotId) {
    SnapshotDto known = snapshot(snapshotId);
    return known == null ? snapshotId : known.name();
  }

  HostEndpointsDto host(String snapshotId, String host) {
    return endpoints.get(snapshotId) instanceof ListEndpointsResponse r
        ? r.hosts().stream().filter(h -> h.host().equals(host)).findFirst().orElse(null)
        : null;
  }

  EndpointDto endpoint(String snapshotId, String host, String method, String pathTemplate) {
    HostEndpointsDto known = host(snapshotId, host);
    return known == null
        ? null
        : known.endpoints().stream()
            .filter(e -> e.method().equals(method) && e.pathTemplate().equals(pathTemplate))
            .findFirst()
            .orElse(null);
  }
}
