package dev.kubereplay.server.traffic.postman;

import dev.kubereplay.server.traffic.PairSink;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postman's {@code {{variables}}}: environment values first, then collection variables. A value may
 * hold variables itself. An unknown variable keeps its literal text and is reported once.
 */
final class Variables {

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{([^{}]+)}}");

  /** Deeper than this, a value that names itself (directly or not) stays as it is. */
  private static final int MAX_DEPTH = 10;

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> reported = new HashSet<>();
  private final PairSink sink;

  /**
   * @param collection the collection's variables, overridden by
   * @param environment the environment's enabled values
   */
  Variables(Map<String, String> collection, Map<String, String> environment, PairSink sink) {
    this.values.putAll(collection);
    this.values.putAll(environment);
    this.sink = sink;
  }

  /** The text with every known variable replaced; null stays null. */
  String resolve(String text) {
    return text == null ? null : resolve(text, 0);
  }

  private String resolve(String text, int depth) {
    if (text.indexOf("{{") < 0) {
      return text;
    }
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.get(name);
      String replacement;
      if (value != null && depth < MAX_DEPTH) {
        replacement = resolve(value, depth + 1);
      } else {
        if (value == null && reported.add(name)) {
          sink.unresolved(name);
        }
        replacement = matcher.group();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
