package dev.kubereplay.server.traffic.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonDigestTest {

  private final JsonDigest digest = new JsonDigest();

  private long[] hash(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    long[] out = new long[2];
    return digest.digest(bytes, 0, bytes.length, out) ? out : null;
  }

  @Test
  void any_rendering_of_the_same_document_hashes_alike_and_a_changed_leaf_does_not() {
    Random random = new Random(11);
    for (int n = 0; n < 500; n++) {
      Object document = value(random, 0);
      long[] first = hash(render(document, random));
      long[] second = hash(render(document, random));

      assertThat(first).as("document %d", n).isNotNull().isEqualTo(second);
      Object changed = changeOneLeaf(document, random);
      if (changed != null) {
        assertThat(hash(render(changed, random))).as("changed document %d", n).isNotEqualTo(first);
      }
    }
  }

  @Test
  void escapes_count_as_the_characters_they_stand_for() {
    assertThat(hash("\"\\ud83d\\ude00 caf\\u00e9 \\/ \\\"\\t\""))
        .isEqualTo(hash("\"😀 café / \\\"\\u0009\""));
    assertThat(hash("{\"\\u0061\":1}")).isEqualTo(hash("{\"a\":1}"));
  }

  @Test
  void what_is_not_one_json_value_is_refused() {
    for (String bad :
        List.of(
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "01",
            "1.",
            "-",
            "1e",
            "\"\\x\"",
            "\"abc",
            "\"\\u12G4\"",
            "\"tab\there\"",
            "tru",
            "nul",
            "{\"a\":1}}",
            "[1 2]",
            "{} {}",
            "[".repeat(JsonDigest.MAX_DEPTH + 1) + "]".repeat(JsonDigest.MAX_DEPTH + 1))) {
      assertThat(hash(bad)).as("'%s'", bad).isNull();
    }
    for (String good : List.of(" 1 ", "-0.5e+10", "0", "\"\"", "[]", "{}", "[[],{}]", "null")) {
      assertThat(hash(good)).as("'%s'", good).isNotNull();
    }
    assertThat(hash("1.0")).as("numbers as written").isNotEqualTo(hash("1"));
    assertThat(hash("\"1\"")).isNotEqualTo(hash("1"));
    assertThat(hash("[]")).isNotEqualTo(hash("{}"));
    assertThat(hash("[null]")).isNotEqualTo(hash("[]"));
  }

  private static Object value(Random random, int depth) {
    int kind = depth > 3 ? 2 + random.nextInt(4) : random.nextInt(6);
    return switch (kind) {
      case 0 -> {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          object.put(text(random), value(random, depth + 1));
        }
        yield object;
      }
      case 1 -> {
        List<Object> array = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          array.add(value(random, depth + 1));
        }
        yield array;
      }
      case 2 -> text(random);
      case 3 -> random.nextInt(2000) - 1000 + (random.nextBoolean() ? "" : ".5");
      case 4 -> random.nextBoolean();
      default -> null;
    };
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) {
      text.append(
          switch (random.nextInt(6)) {
            case 0 -> '"';
            case 1 -> '\n';
            case 2 -> 'é';
            case 3 -> "😀";
            default -> (char) ('a' + random.nextInt(26));
          });
    }
    return text.toString();
  }

  /** The same document with one leaf changed, or null when it has none. */
  @SuppressWarnings("unchecked")
  private static Object changeOneLeaf(Object value, Random random) {
    if (value instanceof Map<?, ?> map) {
      List<String> keys = new ArrayList<>(((Map<String, Object>) map).keySet());
      for (String key : keys) {
        Object changed = changeOneLeaf(map.get(key), random);
        if (changed != null) {
          Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
          copy.put(key, changed);
          return copy;
        }
      }
      return null;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object changed = changeOneLeaf(list.get(i), random);
        if (changed != null) {
          List<Object> copy = new ArrayList<>(list);
          copy.set(i, changed);
          return copy;
        }
      }
      return null;
    }
    if (value instanceof String s) {
      return s + "x";
    }
    if (value instanceof Boolean b) {
      return !b;
    }
    return value == null ? 0 : null;
  }

  /** JSON text with members shuffled, random whitespace and random escapes. */
  private static String render(Object value, Random random) {
    StringBuilder out = new StringBuilder();
    render(value, random, out);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static void render(Object value, Random random, StringBuilder out) {
    space(random, out);
    if (value instanceof Map<?, ?> map) {
      List<Map.Entry<String, Object>> members =
          new ArrayList<>(((Map<String, Object>) map).entrySet());
      Collections.shuffle(members, random);
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        out.append(i > 0 ? "," : "");
        space(random, out);
        string(members.get(i).getKey(), random, out);
        space(random, out);
        out.append(':');
        render(members.get(i).getValue(), random, out);
      }
      space(random, out);
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i > 0 ? "," : "");
        render(list.get(i), random, out);
      }
      space(random, out);
      out.append(']');
    } else if (value instanceof String s) {
      string(s, random, out);
    } else {
      out.append(value);
    }
    space(random, out);
  }

  private static void string(String text, Random random, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        out.append(random.nextBoolean() ? "\\\"" : "\\u0022");
      } else if (c == '\n') {
        out.append(random.nextBoolean() ? "\\n" : "\\u000a");
      } else if (random.nextInt(4) == 0) {
        out.append(String.format("\\u%04x", (int) c));
        if (Character.isHighSurrogate(c)) {
          out.append(String.format("\\u%04x", (int) text.charAt(++i))); // the pair together
        }
      } else if (Character.isHighSurrogate(c)) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static void space(Random random, StringBuilder out) {
    out.append(" \n\t\r", 0, random.nextInt(5));
  }
}
