package dev.kubereplay.intellij;

import com.intellij.openapi.actionSystem.ActionManager;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.project.DumbAware;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.wm.ToolWindow;
import com.intellij.openapi.wm.ToolWindowFactory;
import com.intellij.ui.content.Content;
import com.intellij.ui.content.ContentFactory;
import dev.kubereplay.intellij.cluster.ContextsPanel;
import java.util.ArrayList;
import java.util.List;

/** Fills the "Kube Replay" tool window: the contexts panel, with the actions in its title bar. */
public final class KubeReplayToolWindowFactory implements ToolWindowFactory, DumbAware {

  @Override
  public void createToolWindowContent(Project project, ToolWindow toolWindow) {
    KubeReplaySession session = KubeReplayService.getInstance().session();
    ContextsPanel panel = new ContextsPanel(session.contexts());
    Content content = ContentFactory.getInstance().createContent(panel, "", false);
    content.setDisposer(panel::dispose);
    toolWindow.getContentManager().addContent(content);

    List<AnAction> titleActions = new ArrayList<>();
    for (String id : List.of(RefreshContextsAction.ID, RestartServerAction.ID)) {
      AnAction action = ActionManager.getInstance().getAction(id);
      if (action != null) {
        titleActions.add(action);
      }
    }
    toolWindow.setTitleActions(titleActions);
    session.refresh();
  }
}
