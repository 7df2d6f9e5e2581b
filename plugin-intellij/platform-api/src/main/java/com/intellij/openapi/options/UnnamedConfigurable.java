// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.options;

import javax.swing.JComponent;

/**
 * Stand-in for {@code platform/ide-core/src/com/intellij/openapi/options/UnnamedConfigurable.java}:
 * {@code createComponent}, {@code isModified} and {@code apply} are abstract, the others default
 * methods that do nothing (or answer null).
 */
public interface UnnamedConfigurable {
  JComponent createComponent();

  default JComponent getPreferredFocusedComponent() {
    return null;
  }

  boolean isModified();

  void apply() throws ConfigurationException;

  default void reset() {}

  default void disposeUIResources() {}
}
