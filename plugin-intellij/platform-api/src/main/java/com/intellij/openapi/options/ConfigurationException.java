// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.options;

/**
 * Stand-in for {@code
 * platform/ide-core/src/com/intellij/openapi/options/ConfigurationException.java}: thrown by {@link
 * UnnamedConfigurable#apply()} when what was entered cannot be applied; the Settings dialog shows
 * its message.
 */
public class ConfigurationException extends Exception {
  public ConfigurationException(String message, String title) {
    super(message);
    throw new UnsupportedOperationException("compile-only stand-in");
  }
}
