// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.fileChooser;

/**
 * Stand-in for {@code
 * platform/platform-api/src/com/intellij/openapi/fileChooser/FileChooserDescriptor.java}: only
 * passed along.
 */
public class FileChooserDescriptor {
  private FileChooserDescriptor() {}
}
