package dev.kubereplay.server.replay.match;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What matching leaves out or takes in beyond method, host, path, query and body.
 *
 * @param ignoredQuery query parameters left out (a cache-buster, a timestamp)
 * @param ignoredHeaders headers left out even when they are among {@code matchedHeaders}
 * @param ignoredJsonPaths JSON paths left out of body comparison, as {@code $.a.b} (a path leaves
 *     out everything under it)
 * @param matchedHeaders headers that take part in matching, by lower-case name; by default the ones
 *     APIs that send every call to one URL tell their operations apart by
 */
public record Leniency(
    Set<String> ignoredQuery,
    Set<String> ignoredHeaders,
    Set<String> ignoredJsonPaths,
    Set<String> matchedHeaders) {

  /** The headers that name an operation where the URL does not (AWS JSON protocols, SOAP). */
  public static final Set<String> OPERATION_HEADERS = Set.of("x-amz-target", "soapaction");

  public static final Leniency DEFAULT =
      new Leniency(Set.of(), Set.of(), Set.of(), OPERATION_HEADERS);

  public Leniency {
    ignoredQuery = Set.copyOf(ignoredQuery);
    ignoredHeaders = lower(ignoredHeaders);
    ignoredJsonPaths = Set.copyOf(ignoredJsonPaths);
    matchedHeaders = lower(matchedHeaders);
  }

  private static Set<String> lower(Set<String> names) {
    return names.stream()
        .map(n -> n.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  boolean matchesHeader(String lowerCaseName) {
    return matchedHeaders.contains(lowerCaseName) && !ignoredHeaders.contains(lowerCaseName);
  }

  boolean ignoresJsonPath(String path) {
    for (String ignored : ignoredJsonPaths) {
      if (path.equals(ignored)
          || path.startsWith(ignored + ".")
          || path.startsWith(ignored + "[")) {
        return true;
      }
    }
    return false;
  }
}
