package dev.kubereplay.intellij;

import com.intellij.icons.AllIcons;
import com.intellij.openapi.actionSystem.DefaultActionGroup;
import dev.kubereplay.intellij.recordings.actions.RecordingAction;
import dev.kubereplay.intellij.recordings.actions.RecordingsActions;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import java.util.function.Supplier;
import javax.swing.Icon;

/** The Recordings tab's actions as IntelliJ actions ({@link NodeAction}), in menu order. */
final class RecordingActionGroup {

  private RecordingActionGroup() {}

  /** The toolbar's actions, or (for the context menu) all of them. */
  static DefaultActionGroup group(
      RecordingsActions actions, Supplier<RecordingNode> selection, boolean contextMenu) {
    NodeAction.Logic<RecordingAction, RecordingNode> logic =
        new NodeAction.Logic<>(actions::enabled, actions::text, actions::perform);
    DefaultActionGroup group = new DefaultActionGroup();
    for (RecordingAction action : RecordingAction.values()) {
      if (!contextMenu && !action.onToolbar()) {
        continue;
      }
      if (action.startsGroup()) {
        group.addSeparator();
      }
      group.add(
          new NodeAction<>(
              action.label(), action.description(), icon(action), action, logic, selection));
    }
    return group;
  }

  private static Icon icon(RecordingAction action) {
    return switch (action) {
      case IMPORT -> AllIcons.Actions.Install;
      case RECORD -> AllIcons.Debugger.Console;
      case EXPORT -> AllIcons.Actions.ListFiles;
      case RENAME -> AllIcons.Actions.Find;
      case DELETE -> AllIcons.Actions.GC;
      case REFRESH -> AllIcons.Actions.Refresh;
      case START_MOCKS -> AllIcons.Actions.Execute;
      case STOP_MOCKS -> AllIcons.Actions.Suspend;
      case COPY_ENVIRONMENT,
          MARK_OUTBOUND,
          MARK_INBOUND,
          MARK_ENDPOINT_OUTBOUND,
          MARK_ENDPOINT_INBOUND,
          LOAD_MORE ->
          null; // context menu only
    };
  }
}
