package dev.kubereplay.server.replay.json;

import java.util.Iterator;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Walks a recorded JSON value beside a live one and reports each place they differ by its path
 * ({@code $.order.items[1].sku}): objects by name whatever their order, arrays by position. What a
 * difference is at the leaves, and which paths are left out, is the caller's: the mocks (a redacted
 * value matches anything) and replays (a timestamp matches a timestamp) decide differently.
 */
public final class JsonDiff {

  /** What the caller decides and hears. */
  public interface Rules {
    /** Whether a path is left out, with everything under it. */
    boolean ignores(String path);

    /** Whether two values that are not equal count as the same here. */
    boolean same(String path, JsonNode expected, JsonNode actual);

    /**
     * A difference at a path: {@code expected} null when only the live value has it, {@code actual}
     * null when only the recorded one does.
     */
    void differs(String path, JsonNode expected, JsonNode actual);
  }

  private JsonDiff() {}

  /** Walks from {@code $}. */
  public static void walk(JsonNode expected, JsonNode actual, Rules rules) {
    walk("$", expected, actual, rules);
  }

  private static void walk(String path, JsonNode expected, JsonNode actual, Rules rules) {
    if (rules.ignores(path)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> names = new TreeSet<>(expected.propertyNames());
      names.addAll(actual.propertyNames());
      for (String name : names) {
        child(path + "." + name, expected.get(name), actual.get(name), rules);
      }
      return;
    }
    if (expected.isArray() && actual.isArray()) {
      Iterator<JsonNode> e = expected.iterator();
      Iterator<JsonNode> a = actual.iterator();
      int index = 0;
      while (e.hasNext() || a.hasNext()) {
        child(
            path + "[" + index++ + "]",
            e.hasNext() ? e.next() : null,
            a.hasNext() ? a.next() : null,
            rules);
      }
      return;
    }
    if (!expected.equals(actual) && !rules.same(path, expected, actual)) {
      rules.differs(path, expected, actual);
    }
  }

  private static void child(String path, JsonNode expected, JsonNode actual, Rules rules) {
    if (expected != null && actual != null) {
      walk(path, expected, actual, rules);
    } else if (!rules.ignores(path)) {
      rules.differs(path, expected, actual);
    }
  }
}
