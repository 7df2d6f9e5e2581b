// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.wm;

import com.intellij.openapi.project.PossiblyDumbAware;
import com.intellij.openapi.project.Project;

/**
 * Stand-in for {@code platform/platform-api/src/com/intellij/openapi/wm/ToolWindowFactory.kt}. The
 * real one is a Kotlin interface whose other members ({@code isApplicable}, {@code init}, {@code
 * shouldBeAvailable}, ...) have bodies compiled as JVM default methods, so a Java implementor
 * overrides this one method only; they are left out here because the plugin neither calls nor
 * overrides them.
 */
public interface ToolWindowFactory extends PossiblyDumbAware {
  void createToolWindowContent(Project project, ToolWindow toolWindow);
}
