package dev.kubereplay.intellij;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin's own version, from the build. */
final class PluginVersion {

  private PluginVersion() {}

  static String get() {
    try (InputStream in = PluginVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
