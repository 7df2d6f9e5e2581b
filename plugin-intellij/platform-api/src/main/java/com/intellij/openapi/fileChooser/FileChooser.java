// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.fileChooser;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;

/**
 * Stand-in for {@code platform/platform-api/src/com/intellij/openapi/fileChooser/FileChooser.java}.
 */
public class FileChooser {
  private FileChooser() {}

  /** The file chosen, or null when cancelled. */
  public static VirtualFile chooseFile(
      FileChooserDescriptor descriptor, Project project, VirtualFile toSelect) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }
}
