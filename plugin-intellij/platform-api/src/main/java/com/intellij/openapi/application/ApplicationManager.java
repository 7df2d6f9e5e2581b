// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.application;

/**
 * Stand-in for {@code
 * platform/core-api/src/com/intellij/openapi/application/ApplicationManager.java} (a class with a
 * static accessor).
 */
public class ApplicationManager {
  public static Application getApplication() {
    throw new UnsupportedOperationException("compile-only stand-in");
  }
}
