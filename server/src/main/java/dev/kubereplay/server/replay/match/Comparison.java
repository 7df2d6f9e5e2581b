package dev.kubereplay.server.replay.match;

import dev.kubereplay.server.replay.json.JsonDiff;
import dev.kubereplay.server.replay.match.Difference.Part;
import dev.kubereplay.server.replay.match.RequestView.Body;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Compares a live request with a recorded one, part by part, and says every way they differ. A
 * recorded value that was redacted at record time ({@code -REDACTED-}, whole or in part) matches
 * whatever stands in its place.
 */
final class Comparison {

  static final String REDACTED = "-REDACTED-";

  private final Leniency leniency;

  Comparison(Leniency leniency) {
    this.leniency = leniency;
  }

  /** Every difference; empty when the live request matches the recorded one. */
  List<Difference> differences(RequestView recorded, RequestView actual) {
    List<Difference> found = new ArrayList<>();
    if (!recorded.method().equals(actual.method())) {
      found.add(new Difference(Part.METHOD, "", recorded.method(), actual.method()));
    }
    if (actual.host() != null) {
      String expected =
          actual.hostNameOnly() ? RequestView.nameOf(recorded.host()) : recorded.host();
      if (!actual.host().equals(expected)) {
        found.add(new Difference(Part.HOST, "", expected, actual.host()));
      }
    }
    if (!recorded.path().equals(actual.path())) {
      found.add(new Difference(Part.PATH, "", recorded.path(), actual.path()));
    }
    compareFields(
        Part.QUERY, recorded.query(), actual.query(), found, leniency.ignoredQuery()::contains);
    compareFields(
        Part.HEADER,
        recorded.headers(),
        actual.headers(),
        found,
        name -> !leniency.matchesHeader(name));
    compareBodies(recorded.body(), actual.body(), found);
    return found;
  }

  private interface Skip {
    boolean test(String name);
  }

  private static void compareFields(
      Part part,
      Map<String, List<String>> recorded,
      Map<String, List<String>> actual,
      List<Difference> found,
      Skip skip) {
    TreeSet<String> names = new TreeSet<>(recorded.keySet());
    names.addAll(actual.keySet());
    for (String name : names) {
      if (skip.test(name)) {
        continue;
      }
      List<String> expected = recorded.get(name);
      List<String> got = actual.get(name);
      if (expected == null) {
        found.add(new Difference(part, name, null, String.join(",", got)));
      } else if (got == null) {
        found.add(new Difference(part, name, String.join(",", expected), null));
      } else if (!sameValues(expected, got)) {
        found.add(new Difference(part, name, String.join(",", expected), String.join(",", got)));
      }
    }
  }

  private static boolean sameValues(List<String> expected, List<String> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!sameText(expected.get(i), actual.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Equal, or equal where the recorded text was not redacted. */
  static boolean sameText(String recorded, String actual) {
    if (recorded.equals(actual)) {
      return true;
    }
    if (!recorded.contains(REDACTED)) {
      return false;
    }
    StringBuilder pattern = new StringBuilder();
    for (String piece : recorded.split(Pattern.quote(REDACTED), -1)) {
      if (pattern.length() > 0) {
        pattern.append(".*");
      }
      pattern.append(Pattern.quote(piece));
    }
    return Pattern.compile(pattern.toString(), Pattern.DOTALL).matcher(actual).matches();
  }

  private void compareBodies(Body recorded, Body actual, List<Difference> found) {
    if (recorded instanceof Body.Json expected && actual instanceof Body.Json got) {
      compareJson(expected.tree(), got.tree(), found);
    } else if (recorded instanceof Body.Form expected && actual instanceof Body.Form got) {
      compareFields(Part.BODY, expected.fields(), got.fields(), found, name -> false);
    } else if (recorded instanceof Body.None && actual instanceof Body.None) {
      return;
    } else if (!Arrays.equals(bytes(recorded), bytes(actual))) {
      found.add(new Difference(Part.BODY, "", summary(recorded), summary(actual)));
    }
  }

  private void compareJson(JsonNode expected, JsonNode actual, List<Difference> found) {
    JsonDiff.walk(
        expected,
        actual,
        new JsonDiff.Rules() {
          @Override
          public boolean ignores(String at) {
            return leniency.ignoresJsonPath(at);
          }

          @Override
          public boolean same(String at, JsonNode recorded, JsonNode live) {
            // a value redacted at record time matches whatever stands in its place
            return recorded.isString()
                && sameText(
                    recorded.stringValue(), live.isString() ? live.stringValue() : live.toString());
          }

          @Override
          public void differs(String at, JsonNode recorded, JsonNode live) {
            found.add(
                new Difference(
                    Part.BODY,
                    at,
                    recorded == null ? null : recorded.toString(),
                    live == null ? null : live.toString()));
          }
        });
  }

  private static byte[] bytes(Body body) {
    if (body instanceof Body.Bytes b) {
      return b.bytes();
    }
    if (body instanceof Body.Json j) {
      return j.tree().toString().getBytes(StandardCharsets.UTF_8);
    }
    if (body instanceof Body.Form f) {
      return f.fields().toString().getBytes(StandardCharsets.UTF_8);
    }
    return new byte[0];
  }

  private static String summary(Body body) {
    byte[] bytes = bytes(body);
    if (bytes.length == 0) {
      return "(no body)";
    }
    String text = new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.UTF_8);
    return bytes.length + " bytes: " + text + (bytes.length > 80 ? "…" : "");
  }
}
