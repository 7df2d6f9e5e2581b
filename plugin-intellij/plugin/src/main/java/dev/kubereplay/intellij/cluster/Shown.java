package dev.kubereplay.intellij.cluster;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the tool window shows right now: the expanded nodes that can be seen, and the selection. The
 * panel reports it after every expansion, selection and rebuild; the model loads what is shown and
 * watches the scope in focus. Reporting the whole picture, not single events, keeps the two in step
 * even when a rebuilt tree forgets the expansion of hidden nodes.
 *
 * @param contexts expanded contexts
 * @param namespaces expanded namespaces (of expanded contexts)
 * @param views expanded views, per expanded namespace
 * @param selectedContext the context of the selected node, if any
 * @param selectedScope the namespace of the selected node, if it is in one
 * @param selectedView the view of the selected node, if it is in one
 * @param focus the scope the user last expanded or selected something in: the one to watch
 */
public record Shown(
    Set<String> contexts,
    Set<Scope> namespaces,
    Map<Scope, Set<ViewKind>> views,
    String selectedContext,
    Scope selectedScope,
    ViewKind selectedView,
    Scope focus) {

  public static final Shown NOTHING =
      new Shown(Set.of(), Set.of(), Map.of(), null, null, null, null);

  public Shown {
    contexts = Set.copyOf(contexts);
    namespaces = Set.copyOf(namespaces);
    views = Map.copyOf(views);
  }

  /** Whether the view's items can be seen (its node expanded) or its table is (selected). */
  public boolean shows(Scope scope, ViewKind kind) {
    boolean expanded =
        contexts.contains(scope.context())
            && namespaces.contains(scope)
            && views.getOrDefault(scope, Set.of()).contains(kind);
    return expanded || (scope.equals(selectedScope) && kind == selectedView);
  }

  /**
   * Whether a view's answer is shown anywhere. The context-level configuration shows under every
   * namespace of its context.
   */
  public boolean shows(ViewKey key) {
    if (!key.kind().contextLevel()) {
      return shows(key.scope(), key.kind());
    }
    String context = key.scope().context();
    for (Scope scope : namespaces) {
      if (scope.context().equals(context) && shows(scope, key.kind())) {
        return true;
      }
    }
    return selectedScope != null
        && selectedScope.context().equals(context)
        && selectedView == key.kind();
  }

  /** The contexts whose cluster (operator) is shown: the expanded and the selected one. */
  public Set<String> describedContexts() {
    Set<String> names = new HashSet<>(contexts);
    if (selectedContext != null) {
      names.add(selectedContext);
    }
    return names;
  }
}
