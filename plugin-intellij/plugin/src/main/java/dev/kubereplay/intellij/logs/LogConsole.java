package dev.kubereplay.intellij.logs;

import dev.kubereplay.protocol.logs.LogLineDto;
import dev.kubereplay.protocol.logs.LogsParams;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One log follow as a console shows it: the newest lines (at most {@link #MAX_LINES}), and whether
 * it still follows. Knows nothing of Swing; lines come in on lsp4j's thread, listeners are told
 * there and must only hand over.
 */
public final class LogConsole {

  /** Lines kept; older ones drop off the top. */
  public static final int MAX_LINES = 10_000;

  /** Where the follow is. */
  public enum Phase {
    /** {@code logs/follow} is on its way. */
    STARTING,
    FOLLOWING,
    /** Stopped, or its pods went away: {@link Snapshot#endReason()} says which. */
    ENDED,
    /** {@code logs/follow} failed: {@link Snapshot#endReason()} is the server's message. */
    FAILED
  }

  /**
   * What a console shows at one moment.
   *
   * @param lines the lines after the ones the caller already has
   * @param total how many lines were ever appended
   */
  public record Snapshot(
      List<String> lines, long total, Phase phase, List<String> pods, String endReason) {}

  private final String title;
  private final LogsParams params;
  private final Consumer<LogConsole> stopper;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  // Guarded by this.
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private long total;
  private Phase phase = Phase.STARTING;
  private String followId;
  private List<String> pods = List.of();
  private String endReason;

  /**
   * @param stopper sends {@code logs/stop} for this console
   */
  public LogConsole(String title, LogsParams params, Consumer<LogConsole> stopper) {
    this.title = title;
    this.params = params;
    this.stopper = stopper;
  }

  public String title() {
    return title;
  }

  public LogsParams params() {
    return params;
  }

  public synchronized String followId() {
    return followId;
  }

  public synchronized Phase phase() {
    return phase;
  }

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  /** Lines after the first {@code seen} ever appended (those that are still kept). */
  public synchronized Snapshot since(long seen) {
    long first = total - lines.size();
    List<String> newer = new ArrayList<>();
    long index = first;
    for (String line : lines) {
      if (index++ >= seen) {
        newer.add(line);
      }
    }
    return new Snapshot(newer, total, phase, pods, endReason);
  }

  /** Stops following (the user's stop button, or the tab closing). */
  public void stop() {
    boolean following;
    synchronized (this) {
      following = phase == Phase.FOLLOWING;
      if (phase == Phase.STARTING) {
        phase = Phase.ENDED; // the follow's answer finds it stopped and stops it on the server
        endReason = "stopped";
      }
    }
    if (following) {
      stopper.accept(this);
    } else {
      changed();
    }
  }

  /** The server answered {@code logs/follow}; false when the console was stopped meanwhile. */
  boolean started(String id, List<String> followedPods) {
    synchronized (this) {
      if (phase != Phase.STARTING) {
        return false;
      }
      followId = id;
      pods = List.copyOf(followedPods);
      phase = Phase.FOLLOWING;
    }
    changed();
    return true;
  }

  void append(List<LogLineDto> batch) {
    synchronized (this) {
      for (LogLineDto line : batch) {
        // A workload's pods share one console: say which pod each line came from.
        lines.addLast(pods.size() > 1 ? "[" + line.pod() + "] " + line.text() : line.text());
        total++;
        if (lines.size() > MAX_LINES) {
          lines.removeFirst();
        }
      }
    }
    changed();
  }

  /** The follow ended; the first reason given wins. */
  void ended(String reason) {
    synchronized (this) {
      if (phase == Phase.ENDED || phase == Phase.FAILED) {
        return;
      }
      phase = Phase.ENDED;
      endReason = reason;
    }
    changed();
  }

  void failed(String message) {
    synchronized (this) {
      if (phase != Phase.STARTING) {
        return;
      }
      phase = Phase.FAILED;
      endReason = message;
    }
    changed();
  }

  private void changed() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
