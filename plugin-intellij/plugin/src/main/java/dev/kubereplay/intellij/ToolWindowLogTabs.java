package dev.kubereplay.intellij;

import com.intellij.openapi.wm.ToolWindow;
import com.intellij.ui.content.Content;
import com.intellij.ui.content.ContentFactory;
import com.intellij.ui.content.ContentManager;
import dev.kubereplay.intellij.logs.LogConsole;
import dev.kubereplay.intellij.logs.LogConsolePanel;
import dev.kubereplay.intellij.logs.LogTabs;

/** Each log follow in its own closable tab of the tool window; closing it stops the follow. */
final class ToolWindowLogTabs implements LogTabs {

  private final ToolWindow toolWindow;

  ToolWindowLogTabs(ToolWindow toolWindow) {
    this.toolWindow = toolWindow;
  }

  @Override
  public void open(LogConsole console) {
    LogConsolePanel panel = new LogConsolePanel(console);
    Content content = ContentFactory.getInstance().createContent(panel, console.title(), false);
    content.setDisposer(
        () -> {
          console.stop();
          panel.dispose();
        });
    ContentManager contents = toolWindow.getContentManager();
    contents.addContent(content);
    contents.setSelectedContent(content);
  }
}
