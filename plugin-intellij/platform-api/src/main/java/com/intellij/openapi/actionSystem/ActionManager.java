// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.actionSystem;

/**
 * Stand-in for {@code
 * platform/editor-ui-api/src/com/intellij/openapi/actionSystem/ActionManager.java} (an abstract
 * class with a static accessor).
 */
public abstract class ActionManager {
  public static ActionManager getInstance() {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  public abstract ActionToolbar createActionToolbar(
      String place, ActionGroup group, boolean horizontal);

  public abstract AnAction getAction(String actionId);
}
