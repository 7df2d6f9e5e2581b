package dev.kubereplay.intellij;

import com.intellij.openapi.actionSystem.ActionUpdateThread;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.project.DumbAware;

/** Stops the kubereplay server and starts a fresh one, e.g. when it stopped answering. */
public final class RestartServerAction extends AnAction implements DumbAware {

  /** The id in plugin.xml. */
  public static final String ID = "dev.kubereplay.RestartServer";

  @Override
  public void actionPerformed(AnActionEvent e) {
    KubeReplayService.getInstance().session().restartServer();
  }

  @Override
  public ActionUpdateThread getActionUpdateThread() {
    return ActionUpdateThread.BGT;
  }
}
