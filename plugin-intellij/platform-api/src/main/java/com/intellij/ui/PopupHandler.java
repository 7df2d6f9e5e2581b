// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.ui;

import com.intellij.openapi.actionSystem.ActionGroup;
import java.awt.Component;
import java.awt.event.MouseAdapter;
import javax.swing.JComponent;

/** Stand-in for {@code platform/platform-api/src/com/intellij/ui/PopupHandler.java}. */
public abstract class PopupHandler extends MouseAdapter {
  public abstract void invokePopup(Component comp, int x, int y);

  public static PopupHandler installPopupMenu(
      JComponent component, ActionGroup group, String place) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }
}
