package dev.kubereplay.intellij;

import com.intellij.openapi.actionSystem.ActionManager;
import com.intellij.openapi.actionSystem.ActionToolbar;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.DefaultActionGroup;
import com.intellij.openapi.project.DumbAware;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.wm.ToolWindow;
import com.intellij.openapi.wm.ToolWindowFactory;
import com.intellij.ui.PopupHandler;
import com.intellij.ui.content.Content;
import com.intellij.ui.content.ContentFactory;
import dev.kubereplay.intellij.cluster.actions.ClusterActions;
import dev.kubereplay.intellij.cluster.panel.ClusterPanel;
import dev.kubereplay.intellij.recordings.actions.RecordingsActions;
import dev.kubereplay.intellij.recordings.panel.RecordingsPanel;
import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;

/**
 * Fills the "Kube Replay" tool window: the cluster panel with its toolbar and context menu (one
 * action group), and a tab per log follow.
 */
public final class KubeReplayToolWindowFactory implements ToolWindowFactory, DumbAware {

  static final String TOOLBAR_PLACE = "KubeReplayClusterToolbar";
  static final String POPUP_PLACE = "KubeReplayClusterPopup";
  static final String RECORDINGS_TOOLBAR_PLACE = "KubeReplayRecordingsToolbar";
  static final String RECORDINGS_POPUP_PLACE = "KubeReplayRecordingsPopup";

  @Override
  public void createToolWindowContent(Project project, ToolWindow toolWindow) {
    KubeReplaySession session = KubeReplayService.getInstance().session();
    ClusterPanel panel = new ClusterPanel(session.cluster());
    IdeDialogs dialogs = new IdeDialogs(project);
    ClusterActions actions =
        new ClusterActions(
            session.cluster(),
            session.logs(),
            new ToolWindowLogTabs(toolWindow),
            panel,
            dialogs,
            dialogs,
            SwingUtilities::invokeLater);
    DefaultActionGroup group = ClusterActionGroup.group(actions, panel::selectedNode);
    ActionToolbar toolbar =
        ActionManager.getInstance().createActionToolbar(TOOLBAR_PLACE, group, true);
    toolbar.setTargetComponent(panel);
    panel.setToolbar(toolbar.getComponent());
    PopupHandler.installPopupMenu(panel.tree(), group, POPUP_PLACE);

    Content content = ContentFactory.getInstance().createContent(panel, "Cluster", false);
    content.setCloseable(false);
    content.setDisposer(panel::dispose);
    toolWindow.getContentManager().addContent(content);

    RecordingsPanel recordings = new RecordingsPanel(session.recordings());
    RecordingsActions recordingActions =
        new RecordingsActions(session.recordings(), dialogs, dialogs, dialogs, dialogs, dialogs);
    recordings.mocksPanel().setEnvironmentCopier(recordingActions::copyEnvironment);
    ActionToolbar recordingToolbar =
        ActionManager.getInstance()
            .createActionToolbar(
                RECORDINGS_TOOLBAR_PLACE,
                RecordingActionGroup.group(recordingActions, recordings::selectedNode, false),
                true);
    recordingToolbar.setTargetComponent(recordings);
    recordings.setToolbar(recordingToolbar.getComponent());
    PopupHandler.installPopupMenu(
        recordings.tree(),
        RecordingActionGroup.group(recordingActions, recordings::selectedNode, true),
        RECORDINGS_POPUP_PLACE);
    Content recordingsContent =
        ContentFactory.getInstance().createContent(recordings, "Recordings", false);
    recordingsContent.setCloseable(false);
    recordingsContent.setDisposer(recordings::dispose);
    toolWindow.getContentManager().addContent(recordingsContent);

    List<AnAction> titleActions = new ArrayList<>();
    AnAction restart = ActionManager.getInstance().getAction(RestartServerAction.ID);
    if (restart != null) {
      titleActions.add(restart);
    }
    toolWindow.setTitleActions(titleActions);
    session.refresh();
    session.recordings().refresh();
  }
}
