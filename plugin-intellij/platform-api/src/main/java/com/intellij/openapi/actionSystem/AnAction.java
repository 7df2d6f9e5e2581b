// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.actionSystem;

import com.intellij.openapi.project.PossiblyDumbAware;
import javax.swing.Icon;

/**
 * Stand-in for {@code platform/editor-ui-api/src/com/intellij/openapi/actionSystem/AnAction.java}:
 * an abstract class. Registered actions get their text, description and icon from plugin.xml; the
 * tool window's own actions pass them to the constructor.
 */
public abstract class AnAction implements PossiblyDumbAware, ActionUpdateThreadAware {
  public AnAction() {}

  public AnAction(String text, String description, Icon icon) {}

  public void update(AnActionEvent e) {}

  public abstract void actionPerformed(AnActionEvent e);
}
