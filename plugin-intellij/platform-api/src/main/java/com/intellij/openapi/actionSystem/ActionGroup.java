// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.actionSystem;

/**
 * Stand-in for {@code
 * platform/editor-ui-api/src/com/intellij/openapi/actionSystem/ActionGroup.java} (an abstract class
 * extending {@link AnAction}). The plugin only passes groups on.
 */
public abstract class ActionGroup extends AnAction {
  public abstract AnAction[] getChildren(AnActionEvent e);
}
