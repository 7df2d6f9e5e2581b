package dev.kubereplay.intellij;

import com.intellij.icons.AllIcons;
import com.intellij.openapi.actionSystem.DefaultActionGroup;
import dev.kubereplay.intellij.cluster.actions.ClusterAction;
import dev.kubereplay.intellij.cluster.actions.ClusterActions;
import dev.kubereplay.intellij.cluster.tree.ClusterNode;
import java.util.function.Supplier;
import javax.swing.Icon;

/** The cluster tree's actions as IntelliJ actions ({@link NodeAction}), in toolbar order. */
final class ClusterActionGroup {

  private ClusterActionGroup() {}

  /** All of them, in one group that serves the toolbar and the context menu alike. */
  static DefaultActionGroup group(ClusterActions actions, Supplier<ClusterNode> selection) {
    NodeAction.Logic<ClusterAction, ClusterNode> logic =
        new NodeAction.Logic<>(actions::enabled, actions::text, actions::perform);
    DefaultActionGroup group = new DefaultActionGroup();
    for (ClusterAction action : ClusterAction.values()) {
      if (action.startsGroup()) {
        group.addSeparator();
      }
      group.add(
          new NodeAction<>(
              action.label(), action.description(), icon(action), action, logic, selection));
    }
    return group;
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
