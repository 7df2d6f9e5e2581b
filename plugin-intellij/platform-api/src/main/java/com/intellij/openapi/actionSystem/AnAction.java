// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.actionSystem;

import com.intellij.openapi.project.PossiblyDumbAware;

/**
 * Stand-in for {@code platform/editor-ui-api/src/com/intellij/openapi/actionSystem/AnAction.java}:
 * an abstract class whose text, description and icon come from plugin.xml when it is registered
 * there.
 */
public abstract class AnAction implements PossiblyDumbAware, ActionUpdateThreadAware {
  public AnAction() {}

  public abstract void actionPerformed(AnActionEvent e);
}
