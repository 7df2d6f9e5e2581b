package dev.kubereplay.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the server reads from its surroundings: environment variables and the user's home. Passed in
 * rather than read from {@link System#getenv()} so tests can run servers side by side in one JVM,
 * each with its own kubeconfig and data directory.
 *
 * @param variables the environment variables ({@code KUBECONFIG}, {@code KUBEREPLAY_HOME}, ...)
 * @param userHome the user's home directory
 */
public record ServerEnvironment(Map<String, String> variables, Path userHome) {

  public ServerEnvironment {
    variables = Map.copyOf(variables);
  }

  /** The environment of this process. */
  public static ServerEnvironment ofProcess() {
    return new ServerEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The value of an environment variable, or {@code null} when unset or empty. */
  public String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** Where kubereplay keeps its data: {@code KUBEREPLAY_HOME}, else the XDG data directory. */
  public Path dataDirectory() {
    String home = variable("KUBEREPLAY_HOME");
    if (home != null) {
      return Path.of(home);
    }
    String xdg = variable("XDG_DATA_HOME");
    Path base = xdg != null ? Path.of(xdg) : userHome.resolve(".local/share");
    return base.resolve("kubereplay");
  }
}
