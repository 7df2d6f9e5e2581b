// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.actionSystem;

/**
 * Stand-in for {@code
 * platform/editor-ui-api/src/com/intellij/openapi/actionSystem/ActionUpdateThreadAware.java}. The
 * real default reports an action that does not override it as deprecated usage (OLD_EDT).
 */
public interface ActionUpdateThreadAware {
  default ActionUpdateThread getActionUpdateThread() {
    throw new UnsupportedOperationException("compile-only stand-in");
  }
}
