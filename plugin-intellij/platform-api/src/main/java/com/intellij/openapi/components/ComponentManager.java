// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.components;

import com.intellij.openapi.Disposable;

/**
 * Stand-in for {@code
 * platform/extensions/src/com/intellij/openapi/components/ComponentManager.java}, the base
 * interface of {@code Application} and {@code Project}.
 */
public interface ComponentManager extends Disposable {
  <T> T getService(Class<T> serviceClass);
}
