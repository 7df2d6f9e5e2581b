// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.ui;

import com.intellij.openapi.Disposable;
import com.intellij.openapi.project.Project;
import javax.swing.JComponent;

/** Stand-in for {@code platform/platform-api/src/com/intellij/openapi/ui/DialogBuilder.java}. */
public class DialogBuilder implements Disposable {

  public DialogBuilder(Project project) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  /** Shows the dialog modally; true when the user pressed OK. */
  public boolean showAndGet() {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  public void setCenterPanel(JComponent centerPanel) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  public void setTitle(String title) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  public void setPreferredFocusComponent(JComponent component) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  @Override
  public void dispose() {
    throw new UnsupportedOperationException("compile-only stand-in");
  }
}
