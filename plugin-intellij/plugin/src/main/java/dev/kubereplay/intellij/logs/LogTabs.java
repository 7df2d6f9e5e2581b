package dev.kubereplay.intellij.logs;

/**
 * Shows a log console to the user: a tab of the tool window in the IDE. Called on the UI thread.
 */
@FunctionalInterface
public interface LogTabs {
  void open(LogConsole console);
}
