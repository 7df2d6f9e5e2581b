package dev.kubereplay.intellij.rpc;

import java.util.ArrayDeque;
import java.util.List;

/** The last lines a server wrote to stderr: what the user is shown when it stops. */
final class StderrTail {

  private final int capacity;
  private final ArrayDeque<String> lines;

  StderrTail(int capacity) {
    this.capacity = capacity;
    this.lines = new ArrayDeque<>(capacity);
  }

  synchronized void add(String line) {
    if (lines.size() == capacity) {
      lines.removeFirst();
    }
    lines.addLast(line);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
