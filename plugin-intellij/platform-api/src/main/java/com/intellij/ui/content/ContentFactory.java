// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.ui.content;

import javax.swing.JComponent;

/**
 * Stand-in for {@code platform/platform-api/src/com/intellij/ui/content/ContentFactory.java}: an
 * interface with a static accessor (since 2022.1; {@code ContentFactory.SERVICE} is deprecated).
 */
public interface ContentFactory {
  static ContentFactory getInstance() {
    throw new UnsupportedOperationException("compile-only stand-in");
  }

  Content createContent(JComponent component, String displayName, boolean isLockable);
}
