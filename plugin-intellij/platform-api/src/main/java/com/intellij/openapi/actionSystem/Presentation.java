// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.actionSystem;

/**
 * Stand-in for {@code
 * platform/editor-ui-api/src/com/intellij/openapi/actionSystem/Presentation.java} (a final class).
 */
public final class Presentation {
  private Presentation() {}

  public void setText(String text) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  public void setEnabled(boolean enabled) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }
}
