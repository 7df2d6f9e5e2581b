// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.vfs;

/** Stand-in for {@code platform/core-api/src/com/intellij/openapi/vfs/VirtualFile.java}. */
public abstract class VirtualFile {
  protected VirtualFile() {}

  public abstract String getPath();
}
