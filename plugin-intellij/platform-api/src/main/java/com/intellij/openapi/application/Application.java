// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.application;

import com.intellij.openapi.components.ComponentManager;

/** Stand-in for {@code platform/core-api/src/com/intellij/openapi/application/Application.java}. */
public interface Application extends ComponentManager {}
