package dev.kubereplay.intellij;

import com.intellij.openapi.actionSystem.ActionUpdateThread;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.project.DumbAware;

/** Lists the contexts and everything shown again; starts the server first if it is not running. */
public final class RefreshContextsAction extends AnAction implements DumbAware {

  /** The id in plugin.xml. */
  public static final String ID = "dev.kubereplay.RefreshContexts";

  @Override
  public void actionPerformed(AnActionEvent e) {
    KubeReplayService.getInstance().session().refresh();
  }

  @Override
  public ActionUpdateThread getActionUpdateThread() {
    return ActionUpdateThread.BGT;
  }
}
