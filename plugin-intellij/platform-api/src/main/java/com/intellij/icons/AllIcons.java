// Compile-only stand-in for IntelliJ Platform 2024.3 (build 243): never packaged, the IDE supplies
// the real type. Source it was checked against: see plugin-intellij/platform-api/README.md.
package com.intellij.icons;

import javax.swing.Icon;

/**
 * Stand-in for {@code platform/util/ui/src/com/intellij/icons/AllIcons.java} (generated): only the
 * icons the tool window's actions use. The fields are {@code static final Icon}, not constants, so
 * each use compiles to a field read that the real class answers.
 */
public class AllIcons {
  private AllIcons() {}

  public static final class Actions {
    private Actions() {}

    public static final Icon Execute = null;
    public static final Icon Find = null;
    public static final Icon GC = null;
    public static final Icon Install = null;
    public static final Icon ListFiles = null;
    public static final Icon Refresh = null;
    public static final Icon Show = null;
    public static final Icon Suspend = null;
  }

  public static final class Debugger {
    private Debugger() {}

    public static final Icon Console = null;
  }
}
