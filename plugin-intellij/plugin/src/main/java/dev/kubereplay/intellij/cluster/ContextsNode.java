package dev.kubereplay.intellij.cluster;

import dev.kubereplay.protocol.cluster.KubeContextDto;

/** What a row of the contexts tree shows: the user object of its tree node. */
sealed interface ContextsNode {

  /** The top row: what the tree lists, and from where. */
  record Root(String title, String detail) implements ContextsNode {}

  /** One kube context. */
  record Context(KubeContextDto context) implements ContextsNode {}

  /** A failure, with the server's (or the launcher's) message as it is. */
  record Error(String title, String message) implements ContextsNode {}

  /** A note in place of content: loading, nothing found. */
  record Message(String text) implements ContextsNode {}
}
