package dev.kubereplay.server.replay.generator;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header set on every replayed request: {@code Authorization=Bearer ${API_TOKEN}}, its {@code
 * ${NAME}} parts read from the environment when the run starts, so credentials are supplied at run
 * time and never stored.
 */
public record HeaderRule(String name, String value) {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /**
   * Reads {@code Name=value} (or {@code Name: value}), expanding {@code ${NAME}} from {@code
   * environment}.
   *
   * @throws IllegalArgumentException naming the rule and what is wrong with it
   */
  public static HeaderRule parse(String text, Map<String, String> environment) {
    int equals = text.indexOf('=');
    int colon = text.indexOf(':');
    int at = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
    if (at <= 0) {
      throw new IllegalArgumentException("--header '" + text + "' is not Name=value");
    }
    String name = text.substring(0, at).strip();
    if (!TOKEN.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "--header '" + text + "': '" + name + "' is not a header name");
    }
    Matcher variables = VARIABLE.matcher(text.substring(at + 1).strip());
    StringBuilder value = new StringBuilder();
    while (variables.find()) {
      String variable = environment.get(variables.group(1));
      if (variable == null) {
        throw new IllegalArgumentException(
            "--header "
                + name
                + ": the environment variable "
                + variables.group(1)
                + " is not set");
      }
      variables.appendReplacement(value, Matcher.quoteReplacement(variable));
    }
    variables.appendTail(value);
    return new HeaderRule(name, value.toString());
  }

  /** Never prints the value: it is usually a credential. */
  @Override
  public String toString() {
    return name + "=(set)";
  }
}
