// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.openapi.ui;

import com.intellij.openapi.project.Project;
import javax.swing.Icon;

/** Stand-in for {@code platform/platform-api/src/com/intellij/openapi/ui/Messages.java}. */
public class Messages {
  /** A constant: compiled into the caller, so no field reference reaches the bytecode. */
  public static final int YES = 0;

  public static Icon getWarningIcon() {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  /** Returns {@link #YES} when the user pressed {@code yesText}. */
  public static int showYesNoDialog(
      Project project, String message, String title, String yesText, String noText, Icon icon) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  /** Returns the value picked or typed, or null when cancelled. */
  public static String showEditableChooseDialog(
      String message,
      String title,
      Icon icon,
      String[] values,
      String initialValue,
      InputValidator validator) {
    throw new UnsupportedOperationException("compile-only stand-in");
  }
}
