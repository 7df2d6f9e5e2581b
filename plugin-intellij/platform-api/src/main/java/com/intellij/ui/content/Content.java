// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.ui.content;

import com.intellij.openapi.Disposable;

/** Stand-in for {@code platform/platform-api/src/com/intellij/ui/content/Content.java}. */
public interface Content {
  void setDisposer(Disposable disposer);

  void setCloseable(boolean closeable);
}
