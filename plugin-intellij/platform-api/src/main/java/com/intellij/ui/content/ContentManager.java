// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.ui.content;

import com.intellij.openapi.Disposable;

/** Stand-in for {@code platform/platform-api/src/com/intellij/ui/content/ContentManager.java}. */
public interface ContentManager extends Disposable {
  void addContent(Content content);

  void setSelectedContent(Content content);
}
