// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.project;

import com.intellij.openapi.components.ComponentManager;

/**
 * Stand-in for {@code platform/core-api/src/com/intellij/openapi/project/Project.java}: only the
 * member the plugin calls.
 */
public interface Project extends ComponentManager {

  /** The project's directory, system-independent; null for the default project. */
  String getBasePath();
}
