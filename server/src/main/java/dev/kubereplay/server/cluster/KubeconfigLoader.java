package dev.kubereplay.server.cluster;

import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.cluster.KubeconfigException.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the user's kubeconfig as kubectl does: the files listed in {@code KUBECONFIG} (files that
 * do not exist are skipped; for a context, cluster or user named in several files the first file
 * wins; so does the first {@code current-context}), else {@code ~/.kube/config}. Credentials are
 * never kept, only which kind of credential a user has; exec plugins are not run.
 */
public final class KubeconfigLoader {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private final ServerEnvironment environment;

  public KubeconfigLoader(ServerEnvironment environment) {
    this.environment = environment;
  }

  /** The files kubectl would read, existing or not, in order. */
  public List<Path> candidateFiles() {
    String variable = environment.variable("KUBECONFIG");
    if (variable == null) {
      return List.of(environment.userHome().resolve(".kube").resolve("config"));
    }
    Set<Path> files = new LinkedHashSet<>();
    for (String entry : variable.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        files.add(Path.of(entry.trim()).toAbsolutePath().normalize());
      }
    }
    return List.copyOf(files);
  }

  /**
   * Loads and merges the kubeconfig.
   *
   * @throws KubeconfigException when no file exists, one cannot be read or one is malformed
   */
  public KubeContexts load() {
    return loadMerged().summary();
  }

  /**
   * One context as a kubeconfig of its own (its context, cluster and user entries, relative file
   * paths made absolute against the file that named them), for the Kubernetes client. It holds
   * credentials: it stays in this process's memory.
   *
   * @throws KubeconfigException as {@link #load()}, and {@code NOT_FOUND} for an unknown context
   */
  public String standaloneKubeconfig(String context) {
    Merged merged = loadMerged();
    Entry entry = merged.contexts().get(context);
    if (entry == null) {
      throw new UnknownContextException(context);
    }
    ObjectNode root = YAML.createObjectNode();
    root.put("apiVersion", "v1");
    root.put("kind", "Config");
    root.put("current-context", context);
    root.set("contexts", YAML.createArrayNode().add(named(context, "context", entry.body())));
    String cluster = text(entry.body(), "cluster");
    Entry clusterEntry = cluster == null ? null : merged.clusters().get(cluster);
    if (clusterEntry != null) {
      root.set(
          "clusters",
          YAML.createArrayNode().add(named(cluster, "cluster", absolute(clusterEntry))));
    }
    String user = text(entry.body(), "user");
    Entry userEntry = user == null ? null : merged.users().get(user);
    if (userEntry != null) {
      root.set("users", YAML.createArrayNode().add(named(user, "user", absolute(userEntry))));
    }
    return YAML.writeValueAsString(root);
  }

  private static ObjectNode named(String name, String field, JsonNode body) {
    ObjectNode item = YAML.createObjectNode();
    item.put("name", name);
    item.set(field, body);
    return item;
  }

  private static final List<String> PATH_FIELDS =
      List.of("certificate-authority", "client-certificate", "client-key", "tokenFile");

  private static JsonNode absolute(Entry entry) {
    ObjectNode copy = ((ObjectNode) entry.body()).deepCopy();
    Path base = entry.file().getParent();
    for (String field : PATH_FIELDS) {
      String value = text(copy, field);
      if (value != null && !value.isEmpty() && !Path.of(value).isAbsolute() && base != null) {
        copy.put(field, base.resolve(value).normalize().toString());
      }
    }
    return copy;
  }

  /** An entry of a kubeconfig list and the file it came from. */
  private record Entry(JsonNode body, Path file) {}

  private record Merged(
      KubeContexts summary,
      Map<String, Entry> contexts,
      Map<String, Entry> clusters,
      Map<String, Entry> users) {}

  /** The files' size and modification time when {@link #cached} was read. */
  private record Stamp(Path file, long size, long modified) {}

  private record Cached(List<Stamp> stamps, Merged merged) {}

  private volatile Cached cached;

  /**
   * The merged kubeconfig, parsed again only when a file changed: every cluster call asks for its
   * context's client, and parsing YAML each time would be work done for nothing.
   */
  private Merged loadMerged() {
    List<Stamp> stamps = candidateFiles().stream().map(KubeconfigLoader::stamp).toList();
    Cached last = cached;
    if (last != null && last.stamps().equals(stamps)) {
      return last.merged();
    }
    Merged merged = parseMerged();
    cached = new Cached(stamps, merged);
    return merged;
  }

  private static Stamp stamp(Path file) {
    try {
      var attributes =
          Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
      return new Stamp(file, attributes.size(), attributes.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return new Stamp(file, -1, -1);
    }
  }

  private Merged parseMerged() {
    List<Path> candidates = candidateFiles();
    List<Path> files = candidates.stream().filter(Files::exists).toList();
    if (files.isEmpty()) {
      throw new KubeconfigException(
          Problem.NOT_FOUND, candidates.get(0), notFoundMessage(candidates));
    }
    Map<String, Entry> contexts = new LinkedHashMap<>();
    Map<String, Entry> clusters = new LinkedHashMap<>();
    Map<String, Entry> users = new LinkedHashMap<>();
    String current = null;
    for (Path file : files) {
      JsonNode root = parse(file);
      named(file, root, "contexts", "context")
          .forEach((name, body) -> contexts.putIfAbsent(name, new Entry(body, file)));
      named(file, root, "clusters", "cluster")
          .forEach((name, body) -> clusters.putIfAbsent(name, new Entry(body, file)));
      named(file, root, "users", "user")
          .forEach((name, body) -> users.putIfAbsent(name, new Entry(body, file)));
      String fileCurrent = text(root, "current-context");
      if (current == null && fileCurrent != null) {
        current = fileCurrent;
      }
    }
    List<KubeContext> result = new ArrayList<>();
    for (Map.Entry<String, Entry> entry : contexts.entrySet()) {
      JsonNode context = entry.getValue().body();
      String cluster = orEmpty(text(context, "cluster"));
      String user = orEmpty(text(context, "user"));
      String namespace = text(context, "namespace");
      Entry clusterEntry = clusters.get(cluster);
      Entry userEntry = users.get(user);
      result.add(
          new KubeContext(
              entry.getKey(),
              cluster,
              clusterEntry == null ? null : text(clusterEntry.body(), "server"),
              user,
              authOf(userEntry == null ? null : userEntry.body()),
              namespace == null || namespace.isEmpty() ? "default" : namespace,
              entry.getKey().equals(current),
              entry.getValue().file()));
    }
    return new Merged(new KubeContexts(result, current, files), contexts, clusters, users);
  }

  private static String notFoundMessage(List<Path> candidates) {
    if (candidates.size() == 1) {
      return "no kubeconfig: " + candidates.get(0) + " does not exist";
    }
    return "no kubeconfig: none of the files in KUBECONFIG exist (" + join(candidates) + ")";
  }

  private static String join(List<Path> paths) {
    return String.join(", ", paths.stream().map(Path::toString).toList());
  }

  private static JsonNode parse(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new KubeconfigException(
          Problem.UNREADABLE, file, "cannot read kubeconfig " + file + ": not a regular file");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new KubeconfigException(
          Problem.UNREADABLE, file, "cannot read kubeconfig " + file + ": " + describe(e));
    }
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      throw malformed(file, where(e.getLocation()) + firstLine(e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return YAML.createObjectNode(); // kubectl reads an empty file as an empty config
    }
    if (!root.isObject()) {
      throw malformed(file, "expected a mapping with apiVersion, clusters, contexts and users");
    }
    return root;
  }

  /** The entries of a named list such as {@code contexts}, by name, each entry's inner mapping. */
  private static Map<String, JsonNode> named(Path file, JsonNode root, String list, String inner) {
    JsonNode items = root.get(list);
    Map<String, JsonNode> result = new LinkedHashMap<>();
    if (items == null || items.isNull()) {
      return result;
    }
    if (!items.isArray()) {
      throw malformed(file, "'" + list + "' must be a list");
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String name = item.isObject() ? text(item, "name") : null;
      if (name == null || name.isEmpty()) {
        throw malformed(file, list + "[" + i + "] has no name");
      }
      JsonNode body = item.get(inner);
      if (body != null && !body.isNull() && !body.isObject()) {
        throw malformed(
            file, list + "[" + i + "] (" + name + "): '" + inner + "' must be a mapping");
      }
      result.putIfAbsent(name, body == null || body.isNull() ? YAML.createObjectNode() : body);
    }
    return result;
  }

  private static UserAuth authOf(JsonNode user) {
    if (user == null) {
      return UserAuth.NONE;
    }
    if (user.has("exec")) {
      return UserAuth.EXEC;
    }
    if (user.has("auth-provider")) {
      return UserAuth.AUTH_PROVIDER;
    }
    if (user.has("client-certificate") || user.has("client-certificate-data")) {
      return UserAuth.CLIENT_CERTIFICATE;
    }
    if (user.has("token") || user.has("tokenFile")) {
      return UserAuth.TOKEN;
    }
    if (user.has("username")) {
      return UserAuth.BASIC;
    }
    return UserAuth.NONE;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static KubeconfigException malformed(Path file, String detail) {
    return new KubeconfigException(
        Problem.MALFORMED, file, "malformed kubeconfig " + file + ": " + detail);
  }

  private static String where(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }

  /**
   * SnakeYAML's messages echo the source with carets; keep only the unindented lines: the problem,
   * then what the parser was in the middle of.
   */
  private static String firstLine(String message) {
    List<String> lines =
        message == null
            ? List.of()
            : message
                .lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .toList();
    if (lines.isEmpty()) {
      return "not valid YAML";
    }
    String problem = lines.get(lines.size() - 1);
    return lines.size() == 1 ? problem : problem + " (" + lines.get(0) + ")";
  }

  private static String describe(IOException e) {
    String reason = e.getMessage();
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return reason == null ? e.getClass().getSimpleName() : reason;
  }
}
