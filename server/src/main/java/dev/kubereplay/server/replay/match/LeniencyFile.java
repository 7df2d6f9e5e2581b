package dev.kubereplay.server.replay.match;

import dev.kubereplay.server.KubeReplayException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matching leniency from the workspace's {@code kubereplay.json}, section {@code mocks}:
 *
 * <pre>{@code
 * { "mocks": { "ignoreQuery": ["ts"], "ignoreHeaders": ["X-Request-Id"],
 *              "ignoreJsonPaths": ["$.meta.sentAt"], "matchHeaders": ["X-Api-Version"] } }
 * }</pre>
 *
 * {@code matchHeaders} adds to the headers matched by default; the others add to what is left out.
 * Per-run options add to the file's lists.
 */
public final class LeniencyFile {

  /** Files past this are not a settings file: refused before they are read. */
  private static final long MAX_BYTES = 1 << 20;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LeniencyFile() {}

  /** The leniency a settings file gives, added to {@code base}; {@code base} when it has none. */
  public static Leniency read(Path file, Leniency base) {
    JsonNode root;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new SettingsException(file, "larger than 1 MiB; not a settings file");
      }
      try (InputStream in = Files.newInputStream(file)) {
        root = JSON.readTree(in);
      }
    } catch (NoSuchFileException e) {
      throw new SettingsException(file, "no such file");
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where =
          at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new SettingsException(file, where + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SettingsException(file, "cannot read: " + e.getMessage());
    }
    JsonNode mocks = root == null ? null : root.get("mocks");
    if (mocks == null || mocks.isNull()) {
      return base;
    }
    if (!mocks.isObject()) {
      throw new SettingsException(file, "\"mocks\" must be an object");
    }
    for (String name : mocks.propertyNames()) {
      if (!List.of("ignoreQuery", "ignoreHeaders", "ignoreJsonPaths", "matchHeaders")
          .contains(name)) {
        throw new SettingsException(
            file,
            "unknown setting mocks."
                + name
                + " (known: ignoreQuery, ignoreHeaders, ignoreJsonPaths, matchHeaders)");
      }
    }
    return new Leniency(
        union(base.ignoredQuery(), strings(file, mocks, "ignoreQuery")),
        union(base.ignoredHeaders(), strings(file, mocks, "ignoreHeaders")),
        union(base.ignoredJsonPaths(), jsonPaths(file, strings(file, mocks, "ignoreJsonPaths"))),
        union(base.matchedHeaders(), strings(file, mocks, "matchHeaders")));
  }

  /** Per-run additions, checked as the file's are. */
  public static Leniency plus(
      Leniency base,
      List<String> ignoreQuery,
      List<String> ignoreHeaders,
      List<String> ignoreJsonPaths,
      List<String> matchHeaders) {
    return new Leniency(
        union(base.ignoredQuery(), Set.copyOf(ignoreQuery)),
        union(base.ignoredHeaders(), Set.copyOf(ignoreHeaders)),
        union(base.ignoredJsonPaths(), jsonPaths(null, Set.copyOf(ignoreJsonPaths))),
        union(base.matchedHeaders(), Set.copyOf(matchHeaders)));
  }

  private static Set<String> strings(Path file, JsonNode mocks, String name) {
    JsonNode list = mocks.get(name);
    if (list == null || list.isNull()) {
      return Set.of();
    }
    if (!list.isArray()) {
      throw new SettingsException(file, "mocks." + name + " must be a list of strings");
    }
    Set<String> values = new HashSet<>();
    for (JsonNode value : list) {
      if (!value.isString() || value.stringValue().isBlank()) {
        throw new SettingsException(
            file, "mocks." + name + " must be a list of strings; found " + value);
      }
      values.add(value.stringValue().strip());
    }
    return values;
  }

  /** JSON paths as {@code $.a.b[0]}: checked, so a typo is named rather than silently unused. */
  private static Set<String> jsonPaths(Path file, Set<String> paths) {
    for (String path : paths) {
      if (!path.matches("\\$(\\.[^.\\[\\]]+|\\[[0-9]+\\])*")) {
        String message = "'" + path + "' is not a JSON path like $.order.items[0].sku";
        throw file == null
            ? new SettingsException("--ignore-json-path", message)
            : new SettingsException(file, message);
      }
    }
    return paths;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** A settings file or option that cannot be used; names it and says why. */
  public static final class SettingsException extends KubeReplayException {
    private static final long serialVersionUID = 1L;

    SettingsException(Path file, String reason) {
      super(file.toString(), file + ": " + reason);
    }

    SettingsException(String option, String reason) {
      super(option, option + ": " + reason);
    }
  }
}
