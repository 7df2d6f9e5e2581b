// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.components;

/**
 * Stand-in for {@code
 * platform/projectModel-api/src/com/intellij/openapi/components/PersistentStateComponent.java}. Its
 * default methods {@code noStateLoaded} and {@code initializeComponent} are left out: the plugin
 * neither calls nor overrides them.
 */
public interface PersistentStateComponent<T> {
  T getState();

  void loadState(T state);
}
