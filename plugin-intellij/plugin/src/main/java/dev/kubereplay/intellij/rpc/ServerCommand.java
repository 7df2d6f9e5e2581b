package dev.kubereplay.intellij.rpc;

import dev.kubereplay.protocol.ServerLaunch;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;

/**
 * How the plugin starts the server: the IDE's own Java runtime ({@code java.home}) running the
 * server jar that ships in the plugin's {@code server/} folder, beside its {@code lib/}.
 *
 * @param java the Java executable
 * @param jar the server fat jar
 */
public record ServerCommand(Path java, Path jar) {

  /** System property naming another server jar, e.g. a fresh {@code server/target/} build. */
  public static final String JAR_PROPERTY = "kubereplay.server.jar";

  static final String JAR_NAME = "kubereplay.jar";

  /**
   * {@code java <ServerLaunch.JVM_OPTIONS> -jar kubereplay.jar serve --stdio}: stdout is the
   * protocol, stderr the log.
   */
  public List<String> commandLine() {
    List<String> command = new java.util.ArrayList<>();
    command.add(java.toString());
    command.addAll(ServerLaunch.JVM_OPTIONS);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(ServerLaunch.SERVE_STDIO);
    return List.copyOf(command);
  }

  /** The command for the running IDE. */
  public static ServerCommand forThisIde() throws ServerUnavailableException {
    return resolve(
        System.getProperty("java.home"),
        System.getProperty(JAR_PROPERTY),
        codeLocation(ServerCommand.class),
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
  }

  /**
   * Resolves and checks both files, so that a missing one is reported by name rather than as a
   * process that fails to start.
   *
   * @param javaHome the IDE's {@code java.home}
   * @param jarOverride the value of {@value #JAR_PROPERTY}, or null
   * @param pluginCode the jar (or classes folder) this class was loaded from, or null if unknown
   */
  static ServerCommand resolve(
      String javaHome, String jarOverride, Path pluginCode, boolean windows)
      throws ServerUnavailableException {
    if (javaHome == null || javaHome.isBlank()) {
      throw unavailable("The IDE's Java runtime is unknown: the java.home property is not set.");
    }
    Path java = javaExecutable(Path.of(javaHome), windows);
    if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
      throw unavailable(
          "No Java executable at "
              + java
              + ". The server runs on the IDE's own Java runtime (java.home="
              + javaHome
              + ").");
    }
    Path jar;
    if (jarOverride != null && !jarOverride.isBlank()) {
      jar = Path.of(jarOverride);
      if (!Files.isRegularFile(jar)) {
        throw unavailable("The server jar set with -D" + JAR_PROPERTY + " does not exist: " + jar);
      }
    } else {
      if (pluginCode == null || serverJarBeside(pluginCode) == null) {
        throw unavailable(
            "Cannot tell where the plugin is installed. Set -D"
                + JAR_PROPERTY
                + "=<path to kubereplay.jar>.");
      }
      jar = serverJarBeside(pluginCode);
      if (!Files.isRegularFile(jar)) {
        throw unavailable(
            "The server jar is missing: "
                + jar
                + ". Reinstall the plugin, or set -D"
                + JAR_PROPERTY
                + "=<path to kubereplay.jar>.");
      }
    }
    return new ServerCommand(java, jar);
  }

  static Path javaExecutable(Path javaHome, boolean windows) {
    return javaHome.resolve("bin").resolve(windows ? "java.exe" : "java");
  }

  /** {@code <plugin>/lib/kubereplay-intellij.jar} → {@code <plugin>/server/kubereplay.jar}. */
  static Path serverJarBeside(Path pluginCode) {
    Path lib = pluginCode.toAbsolutePath().getParent();
    Path pluginDir = lib == null ? null : lib.getParent();
    return pluginDir == null ? null : pluginDir.resolve("server").resolve(JAR_NAME);
  }

  /**
   * The jar (or classes folder) {@code type} was loaded from: its code source, else the {@code
   * jar:} URL of its own class file, for class loaders that give no code source.
   */
  static Path codeLocation(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      try {
        return Path.of(source.getLocation().toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        // fall back to the class file's URL
      }
    }
    URL classFile = type.getResource(type.getSimpleName() + ".class");
    return classFile == null ? null : jarOf(classFile.toString());
  }

  /** {@code jar:file:/p/lib/x.jar!/a/B.class} → {@code /p/lib/x.jar}; null for other URLs. */
  static Path jarOf(String classFileUrl) {
    int separator = classFileUrl.indexOf("!/");
    if (!classFileUrl.startsWith("jar:") || separator < 0) {
      return null;
    }
    try {
      return Path.of(new URI(classFileUrl.substring("jar:".length(), separator)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static ServerUnavailableException unavailable(String reason) {
    return new ServerUnavailableException(ServerExit.notStarted(reason));
  }
}
