package dev.kubereplay.server.cluster;

/** Whether the kubereplay operator was found in a context, or why that cannot be told. */
public enum OperatorPresence {
  /** A Deployment labelled {@code app.kubernetes.io/name=kubereplay-operator} exists. */
  INSTALLED,
  /** None was found in the namespaces the user can see. */
  NOT_INSTALLED,
  /** The user may not list Deployments where the operator would be. */
  FORBIDDEN,
  /** The API server did not answer. */
  UNREACHABLE
}
