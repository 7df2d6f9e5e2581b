// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi;

/** Stand-in for {@code platform/util/src/com/intellij/openapi/Disposable.java} (an interface). */
public interface Disposable {
  void dispose();
}
