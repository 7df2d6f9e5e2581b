// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.wm;

import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.ui.content.ContentManager;
import java.util.List;

/** Stand-in for {@code platform/platform-api/src/com/intellij/openapi/wm/ToolWindow.java}. */
public interface ToolWindow {
  ContentManager getContentManager();

  void setTitleActions(List<? extends AnAction> actions);
}
