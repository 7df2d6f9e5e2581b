// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.project;

/**
 * Stand-in for {@code platform/core-api/src/com/intellij/openapi/project/DumbAware.java}: a marker
 * interface for what may run while the IDE indexes.
 */
public interface DumbAware {}
