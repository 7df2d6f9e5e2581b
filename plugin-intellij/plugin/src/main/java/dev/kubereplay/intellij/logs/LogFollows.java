package dev.kubereplay.intellij.logs;

import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.logs.DidAppendLogsParams;
import dev.kubereplay.protocol.logs.DidEndLogsParams;
import dev.kubereplay.protocol.logs.FollowLogsResponse;
import dev.kubereplay.protocol.logs.LogLineDto;
import dev.kubereplay.protocol.logs.LogsParams;
import dev.kubereplay.protocol.logs.LogsRpcClient;
import dev.kubereplay.protocol.logs.StopLogsParams;
import dev.kubereplay.protocol.logs.StopLogsResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The running log follows: starts them, routes {@code logs/didAppend} and {@code logs/didEnd} to
 * their consoles, stops them. Notifications that arrive before their follow's answer (possible in
 * principle) wait here, a bounded amount, until it does. Follows start and stop on the user's
 * actions, on the UI thread: their requests are sent from {@code background}.
 */
public final class LogFollows implements LogsRpcClient {

  /** The reason shown when the whole server went away. */
  public static final String SERVER_STOPPED = "the kubereplay server stopped";

  private static final int EARLY_FOLLOWS = 16;

  private final ServerCalls server;
  private final Executor background;

  // Guarded by this.
  private final Map<String, LogConsole> running = new HashMap<>();
  private final Map<String, Early> early = new LinkedHashMap<>();

  private static final class Early {
    final List<LogLineDto> lines = new ArrayList<>();
    String endReason;
  }

  /**
   * @param background where requests are sent from: never the UI thread (the model's thread)
   */
  public LogFollows(ServerCalls server, Executor background) {
    this.server = server;
    this.background = background;
  }

  /** Starts following; the console shows the answer, or why there is none. */
  public LogConsole follow(String title, LogsParams params) {
    LogConsole console = new LogConsole(title, params, this::stop);
    send(() -> server.call(s -> s.getLogsService().follow(params)))
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                console.failed(RpcFailure.of(error).message());
              } else {
                attach(console, response);
              }
            });
    return console;
  }

  private void attach(LogConsole console, FollowLogsResponse response) {
    String followId = response.followId();
    if (!console.started(followId, response.pods())) {
      synchronized (this) {
        early.remove(followId);
      }
      sendStop(followId); // closed before the server answered
      return;
    }
    Early waiting;
    synchronized (this) {
      running.put(followId, console);
      waiting = early.remove(followId);
    }
    if (waiting != null) {
      console.append(waiting.lines);
      if (waiting.endReason != null) {
        ended(response.followId(), waiting.endReason);
      }
    }
  }

  @Override
  public void didAppend(DidAppendLogsParams params) {
    LogConsole console;
    synchronized (this) {
      console = running.get(params.followId());
      if (console == null) {
        Early waiting = early(params.followId());
        if (waiting.lines.size() < LogConsole.MAX_LINES) {
          waiting.lines.addAll(params.lines());
        }
        return;
      }
    }
    console.append(params.lines());
  }

  @Override
  public void didEnd(DidEndLogsParams params) {
    synchronized (this) {
      if (!running.containsKey(params.followId())) {
        early(params.followId()).endReason = params.reason();
        return;
      }
    }
    ended(params.followId(), params.reason());
  }

  private void ended(String followId, String reason) {
    LogConsole console;
    synchronized (this) {
      console = running.remove(followId);
    }
    if (console != null) {
      console.ended(reason);
    }
  }

  /** Sends {@code logs/stop}; the console ends when the server confirms. */
  void stop(LogConsole console) {
    String followId = console.followId();
    sendStop(followId).whenComplete((response, error) -> ended(followId, "stopped"));
  }

  private CompletableFuture<StopLogsResponse> sendStop(String followId) {
    return send(() -> server.call(s -> s.getLogsService().stop(new StopLogsParams(followId))));
  }

  private <T> CompletableFuture<T> send(Supplier<CompletableFuture<T>> request) {
    return CompletableFuture.supplyAsync(request, background).thenCompose(answer -> answer);
  }

  /** The server went away, and every follow with it. */
  public void serverStopped() {
    List<LogConsole> consoles;
    synchronized (this) {
      consoles = List.copyOf(running.values());
      running.clear();
      early.clear();
    }
    consoles.forEach(console -> console.ended(SERVER_STOPPED));
  }

  private Early early(String followId) {
    Early waiting = early.get(followId);
    if (waiting == null) {
      if (early.size() >= EARLY_FOLLOWS) {
        early.remove(early.keySet().iterator().next());
      }
      waiting = new Early();
      early.put(followId, waiting);
    }
    return waiting;
  }
}
