package dev.kubereplay.intellij;

import com.intellij.icons.AllIcons;
import com.intellij.openapi.actionSystem.ActionUpdateThread;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.actionSystem.DefaultActionGroup;
import com.intellij.openapi.project.DumbAware;
import dev.kubereplay.intellij.recordings.RecordingAction;
import dev.kubereplay.intellij.recordings.RecordingNode;
import dev.kubereplay.intellij.recordings.RecordingsActions;
import java.util.function.Supplier;
import javax.swing.Icon;

/** One Recordings action as IntelliJ sees it; {@link RecordingsActions} decides everything. */
final class RecordingNodeAction extends AnAction implements DumbAware {

  private final RecordingAction action;
  private final RecordingsActions actions;
  private final Supplier<RecordingNode> selection;

  private RecordingNodeAction(
      RecordingAction action, RecordingsActions actions, Supplier<RecordingNode> selection) {
    super(action.label(), action.description(), icon(action));
    this.action = action;
    this.actions = actions;
    this.selection = selection;
  }

  /** The toolbar's actions, or (for the context menu) all of them. */
  static DefaultActionGroup group(
      RecordingsActions actions, Supplier<RecordingNode> selection, boolean contextMenu) {
    DefaultActionGroup group = new DefaultActionGroup();
    for (RecordingAction action : RecordingAction.values()) {
      if (!contextMenu && !action.onToolbar()) {
        continue;
      }
      if (action.startsGroup()) {
        group.addSeparator();
      }
      group.add(new RecordingNodeAction(action, actions, selection));
    }
    return group;
  }

  @Override
  public void update(AnActionEvent e) {
    RecordingNode node = selection.get();
    e.getPresentation().setEnabled(actions.enabled(action, node));
    e.getPresentation().setText(actions.text(action, node));
  }

  @Override
  public void actionPerformed(AnActionEvent e) {
    actions.perform(action, selection.get());
  }

  @Override
  public ActionUpdateThread getActionUpdateThread() {
    return ActionUpdateThread.EDT;
  }

  private static Icon icon(RecordingAction action) {
    return switch (action) {
      case IMPORT -> AllIcons.Actions.Install;
      case RECORD -> AllIcons.Debugger.Console;
      case EXPORT -> AllIcons.Actions.ListFiles;
      case RENAME -> AllIcons.Actions.Find;
      case DELETE -> AllIcons.Actions.GC;
      case REFRESH -> AllIcons.Actions.Refresh;
      case MARK_OUTBOUND, MARK_INBOUND, LOAD_MORE -> null; // context menu only
    };
  }
}
