package dev.kubereplay.server.replay.match;

import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.traffic.model.RRPair;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A recorded call whose URL is a pattern rather than one URL: WireMock stubs imported with {@code
 * urlPattern} or {@code urlPathPattern} (a regular expression, tagged {@code
 * wiremock.match=pattern}) or {@code urlPathTemplate} ({@code /reports/{id}}, tagged {@code
 * template}). A request matches its URL when the expression matches its path, or its path and
 * query; the rest of the call is compared as for any other.
 *
 * @param call the call
 * @param url the expression its URL stands for
 * @param withQuery whether the expression covers the query too (then the query is not compared
 *     again); otherwise the recorded query is compared as for any call
 */
record PatternedCall(RecordedCall call, Pattern url, boolean withQuery) {

  static final String TAG = "wiremock.match";

  /** The call's pattern, or null for a call recorded for one URL (or with a broken pattern). */
  static PatternedCall of(RecordedCall call, RRPair pair) {
    String kind = pair.tags() == null ? null : pair.tags().get(TAG);
    if (kind == null) {
      return null;
    }
    String path = Urls.path(pair.url());
    String query = Urls.query(pair.url());
    // urlPattern covers the query with an escaped "\?"; urlPathPattern's query parameters are
    // recorded as a query of their own and compared as any query is
    boolean withQuery = query != null && !query.isEmpty() && path.endsWith("\\");
    String target = withQuery ? path + "?" + query : path;
    try {
      if (kind.equals("pattern")) {
        return new PatternedCall(call, Pattern.compile(target), withQuery);
      }
      if (kind.equals("template")) {
        return new PatternedCall(call, Pattern.compile(template(path)), false);
      }
    } catch (PatternSyntaxException broken) {
      return null; // matched as the literal URL it was stored as, which no request sends
    }
    return null;
  }

  /** {@code /reports/{id}} as an expression: each variable one path segment. */
  private static String template(String path) {
    StringBuilder regex = new StringBuilder();
    Matcher variables = Pattern.compile("\\{[^}/]+}").matcher(path);
    int end = 0;
    while (variables.find()) {
      regex.append(Pattern.quote(path.substring(end, variables.start()))).append("[^/]+");
      end = variables.end();
    }
    return regex.append(Pattern.quote(path.substring(end))).toString();
  }

  /** Whether a request's path (and query) fits the pattern. */
  boolean fits(String path, String query) {
    if (withQuery) {
      return url.matcher(query == null || query.isEmpty() ? path : path + "?" + query).matches();
    }
    return url.matcher(path).matches();
  }
}
