// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.ui;

/**
 * Stand-in for {@code platform/platform-api/src/com/intellij/openapi/ui/InputValidator.java} (an
 * interface). The plugin passes null where one is asked for, so only its name reaches the bytecode.
 */
public interface InputValidator {}
