package dev.kubereplay.intellij;

import com.intellij.openapi.actionSystem.ActionUpdateThread;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.project.DumbAware;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import javax.swing.Icon;

/**
 * One of the tool window's actions as IntelliJ sees it. The plugin's own logic decides everything:
 * whether the action applies to the selected node, what it is called there, and what it does;
 * IntelliJ only asks.
 *
 * @param <A> the kind of action (an enum of the cluster tree or of the Recordings tab)
 * @param <N> the kind of node it acts on
 */
final class NodeAction<A, N> extends AnAction implements DumbAware {

  /** How a tab's actions answer for a node. */
  record Logic<A, N>(
      BiPredicate<A, N> enabled, BiFunction<A, N, String> text, BiConsumer<A, N> perform) {}

  private final A action;
  private final Logic<A, N> logic;
  private final Supplier<N> selection;

  NodeAction(
      String label,
      String description,
      Icon icon,
      A action,
      Logic<A, N> logic,
      Supplier<N> selection) {
    super(label, description, icon);
    this.action = action;
    this.logic = logic;
    this.selection = selection;
  }

  @Override
  public void update(AnActionEvent e) {
    N node = selection.get();
    e.getPresentation().setEnabled(logic.enabled().test(action, node));
    e.getPresentation().setText(logic.text().apply(action, node));
  }

  @Override
  public void actionPerformed(AnActionEvent e) {
    logic.perform().accept(action, selection.get());
  }

  /** The selection is the tree's, read on the UI thread. */
  @Override
  public ActionUpdateThread getActionUpdateThread() {
    return ActionUpdateThread.EDT;
  }
}
