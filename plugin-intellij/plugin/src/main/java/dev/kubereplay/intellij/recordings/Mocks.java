package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.recordings.mocks.MockLog;
import dev.kubereplay.intellij.recordings.mocks.MockLogEntry;
import dev.kubereplay.intellij.recordings.mocks.MockText;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.replay.DidMatchParams;
import dev.kubereplay.protocol.replay.ListMocksParams;
import dev.kubereplay.protocol.replay.MocksDto;
import dev.kubereplay.protocol.replay.StartMocksParams;
import dev.kubereplay.protocol.replay.StopMocksParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The mocks running for snapshots ({@code replay/startMocks}, {@code replay/stopMocks}, {@code
 * replay/listMocks}), one per snapshot as the view starts them, and their log from {@code
 * replay/didMatch}. Written on the model's thread; read anywhere.
 */
final class Mocks {

  /** Mocks started from the IDE listen on any free loopback port. */
  static final String LISTEN = "127.0.0.1:0";

  private final ServerCalls server;
  private final Executor modelThread;
  private final RecordingsModel model;
  private final Snapshots snapshots;
  private final MockLog log = new MockLog();

  // Written on the model thread only.
  private volatile Map<String, MocksDto> running = Map.of(); // by snapshot id, oldest first
  private final Set<String> starting = ConcurrentHashMap.newKeySet();
  private final Map<String, String> snapshotOfMocks = new ConcurrentHashMap<>(); // mocks id → id

  Mocks(ServerCalls server, Executor modelThread, RecordingsModel model, Snapshots snapshots) {
    this.server = server;
    this.modelThread = modelThread;
    this.model = model;
    this.snapshots = snapshots;
  }

  /** The running mocks by snapshot id, oldest first. */
  Map<String, MocksDto> running() {
    return running;
  }

  boolean starting(String snapshotId) {
    return starting.contains(snapshotId);
  }

  List<MockLogEntry> log() {
    return log.entries();
  }

  /** The snapshot whose mocks wrote a log row, also after they stopped; null when not known. */
  String snapshotOf(String mocksId) {
    return snapshotOfMocks.get(mocksId);
  }

  /**
   * Starts mocks for a snapshot on any free loopback port, with {@code settings} (the project's
   * {@code kubereplay.json}) as their settings when that file exists.
   */
  CompletableFuture<Void> start(String snapshotId, @Nullable Path settings) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    modelThread.execute(
        () -> {
          if (running.containsKey(snapshotId) || !starting.add(snapshotId)) {
            done.complete(null); // a second click while the first is on its way
            return;
          }
          String name = snapshots.name(snapshotId);
          String settingsPath =
              settings != null && Files.isRegularFile(settings) ? settings.toString() : null;
          StartMocksParams params =
              new StartMocksParams(snapshotId, LISTEN, null, null, null, null, null, settingsPath);
          model.changed();
          // Loading a large snapshot's calls can take a while: no time limit, the row says so.
          server
              .callUntimed(s -> s.getReplayService().startMocks(params))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    starting.remove(snapshotId);
                    if (failure != null) {
                      model.status(
                          "Could not start mocks of \u201c"
                              + name
                              + "\u201d: "
                              + RpcFailure.of(failure).message());
                    } else {
                      put(answer.mocks());
                      model.status(MockText.listening(answer.mocks()));
                    }
                    model.changed();
                    done.complete(null);
                  },
                  modelThread);
        });
    return done;
  }

  /** Stops a snapshot's mocks; their log stays. */
  CompletableFuture<Void> stop(String snapshotId) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    modelThread.execute(
        () -> {
          MocksDto mocks = running.get(snapshotId);
          if (mocks == null) {
            done.complete(null);
            return;
          }
          server
              .call(s -> s.getReplayService().stopMocks(new StopMocksParams(mocks.id())))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    if (failure != null) {
                      model.status(
                          "Could not stop the mocks of \u201c"
                              + mocks.snapshotName()
                              + "\u201d: "
                              + RpcFailure.of(failure).message());
                    } else {
                      remove(snapshotId);
                      model.status(
                          "Stopped the mocks of \u201c"
                              + mocks.snapshotName()
                              + "\u201d on "
                              + mocks.address());
                    }
                    model.changed();
                    done.complete(null);
                  },
                  modelThread);
        });
    return done;
  }

  /** The mocks the server runs, as it lists them. Model thread only. */
  void load() {
    server
        .call(s -> s.getReplayService().listMocks(new ListMocksParams()))
        .whenCompleteAsync(
            (answer, failure) -> {
              if (failure != null) {
                return; // an older server without replay/: nothing runs
              }
              Map<String, MocksDto> listed = new LinkedHashMap<>();
              for (MocksDto m : answer.mocks()) {
                listed.put(m.snapshotId(), m);
                snapshotOfMocks.put(m.id(), m.snapshotId());
              }
              running = Collections.unmodifiableMap(listed);
              model.changed();
            },
            modelThread);
  }

  /** A batch of answered requests; arrives on lsp4j's reader thread and is handed on. */
  void didMatch(DidMatchParams params) {
    modelThread.execute(
        () -> {
          log.add(params);
          model.changed();
        });
  }

  /** Empties the log. */
  void clearLog() {
    modelThread.execute(
        () -> {
          log.clear();
          model.changed();
        });
  }

  /** The server stopped, and its mocks with it. Model thread only. */
  void serverStopped() {
    running = Map.of();
    starting.clear();
  }

  private void put(MocksDto mocks) {
    Map<String, MocksDto> next = new LinkedHashMap<>(running);
    next.put(mocks.snapshotId(), mocks);
    snapshotOfMocks.put(mocks.id(), mocks.snapshotId());
    running = Collections.unmodifiableMap(next);
  }

  private void remove(String snapshotId) {
    Map<String, MocksDto> next = new LinkedHashMap<>(running);
    next.remove(snapshotId);
    running = Collections.unmodifiableMap(next);
  }
}
