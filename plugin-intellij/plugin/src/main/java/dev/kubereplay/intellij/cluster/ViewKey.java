package dev.kubereplay.intellij.cluster;

/**
 * One view of one scope: what is fetched, cached and watched. Context-level views (the operator
 * configuration) are keyed by the context alone, so every namespace shows the same answer.
 */
public record ViewKey(Scope scope, ViewKind kind) {

  public static ViewKey of(Scope scope, ViewKind kind) {
    return new ViewKey(kind.contextLevel() ? Scope.ofContext(scope.context()) : scope, kind);
  }
}
