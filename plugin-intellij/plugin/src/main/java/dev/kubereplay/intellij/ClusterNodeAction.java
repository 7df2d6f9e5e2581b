package dev.kubereplay.intellij;

import com.intellij.icons.AllIcons;
import com.intellij.openapi.actionSystem.ActionUpdateThread;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.actionSystem.DefaultActionGroup;
import com.intellij.openapi.project.DumbAware;
import dev.kubereplay.intellij.cluster.actions.ClusterAction;
import dev.kubereplay.intellij.cluster.actions.ClusterActions;
import dev.kubereplay.intellij.cluster.tree.ClusterNode;
import java.util.function.Supplier;
import javax.swing.Icon;

/**
 * One of the tool window's actions as IntelliJ sees it: asks {@link ClusterActions} whether it
 * applies to the selected node, what it is called there, and to do it.
 */
final class ClusterNodeAction extends AnAction implements DumbAware {

  private final ClusterAction action;
  private final ClusterActions actions;
  private final Supplier<ClusterNode> selection;

  private ClusterNodeAction(
      ClusterAction action, ClusterActions actions, Supplier<ClusterNode> selection) {
    super(action.label(), action.description(), icon(action));
    this.action = action;
    this.actions = actions;
    this.selection = selection;
  }

  /** All of them, in one group that serves the toolbar and the context menu alike. */
  static DefaultActionGroup group(ClusterActions actions, Supplier<ClusterNode> selection) {
    DefaultActionGroup group = new DefaultActionGroup();
    for (ClusterAction action : ClusterAction.values()) {
      if (action.startsGroup()) {
        group.addSeparator();
      }
      group.add(new ClusterNodeAction(action, actions, selection));
    }
    return group;
  }

  @Override
  public void update(AnActionEvent e) {
    ClusterNode node = selection.get();
    e.getPresentation().setEnabled(actions.enabled(action, node));
    e.getPresentation().setText(actions.text(action, node));
  }

  @Override
  public void actionPerformed(AnActionEvent e) {
    actions.perform(action, selection.get());
  }

  /** The selection is the tree's, read on the UI thread. */
  @Override
  public ActionUpdateThread getActionUpdateThread() {
    return ActionUpdateThread.EDT;
  }

  private static Icon icon(ClusterAction action) {
    return switch (action) {
      case REFRESH -> AllIcons.Actions.Refresh;
      case SWITCH -> AllIcons.Actions.Find;
      case TOGGLE_INJECTION -> AllIcons.Actions.Install;
      case TOGGLE_TLS_OUT -> AllIcons.Actions.Show;
      case CONTAINER_LOGS -> AllIcons.Debugger.Console;
      case SIDECAR_LOGS -> AllIcons.Actions.ListFiles;
      case DELETE_REPLAY -> AllIcons.Actions.GC;
    };
  }
}
