package dev.kubereplay.server.cluster.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a follow that are read but not yet sent, bounded in lines and characters: past
 * either limit the oldest go, counted per container, and the next batch starts with a mark saying
 * how many are missing. A client that stops reading costs this much memory and no more.
 */
final class LogBuffer {

  static final int MAX_LINES = 10_000;
  static final long MAX_CHARS = 4_000_000;

  private record Source(String pod, String container) {}

  private final int maxLines;
  private final long maxChars;
  private final ArrayDeque<LogLine> lines = new ArrayDeque<>();
  private final Map<Source, Long> dropped = new LinkedHashMap<>();
  private long chars;

  LogBuffer() {
    this(MAX_LINES, MAX_CHARS);
  }

  LogBuffer(int maxLines, long maxChars) {
    this.maxLines = maxLines;
    this.maxChars = maxChars;
  }

  synchronized void add(LogLine line) {
    lines.addLast(line);
    chars += line.text().length();
    while (lines.size() > maxLines || (chars > maxChars && lines.size() > 1)) {
      LogLine oldest = lines.removeFirst();
      chars -= oldest.text().length();
      dropped.merge(new Source(oldest.pod(), oldest.container()), 1L, Long::sum);
    }
  }

  /**
   * Takes up to {@code max} of the oldest lines held, after a mark for each container that lost
   * lines since the last call: the marks stand where the lines went missing.
   */
  synchronized List<LogLine> drain(int max) {
    List<LogLine> out = new ArrayList<>(dropped.size() + Math.min(max, lines.size()));
    dropped.forEach(
        (source, count) -> out.add(LogLine.dropped(source.pod(), source.container(), count)));
    dropped.clear();
    for (int i = 0; i < max && !lines.isEmpty(); i++) {
      LogLine line = lines.removeFirst();
      chars -= line.text().length();
      out.add(line);
    }
    return out;
  }
}
