// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.actionSystem;

/**
 * Stand-in for {@code
 * platform/editor-ui-api/src/com/intellij/openapi/actionSystem/DefaultActionGroup.java} (a class).
 */
public class DefaultActionGroup extends ActionGroup {
  public DefaultActionGroup() {}

  public final void add(AnAction action) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  public final void addSeparator() {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  @Override
  public AnAction[] getChildren(AnActionEvent e) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  @Override
  public void actionPerformed(AnActionEvent e) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }
}
