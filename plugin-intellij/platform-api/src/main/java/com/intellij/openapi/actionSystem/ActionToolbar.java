// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.actionSystem;

import javax.swing.JComponent;

/**
 * Stand-in for {@code
 * platform/editor-ui-api/src/com/intellij/openapi/actionSystem/ActionToolbar.java} (an interface).
 */
public interface ActionToolbar {
  JComponent getComponent();

  void setTargetComponent(JComponent component);
}
