package dev.kubereplay.intellij.cluster.actions;

/** What the tool window's toolbar and context menu offer, in that order. */
public enum ClusterAction {
  REFRESH("Refresh", "List the contexts and everything shown again"),
  SWITCH(
      "Switch Context/Namespace…", "Go to a context and one of its namespaces, and keep it live"),
  TOGGLE_INJECTION(
      "Toggle Sidecar Injection",
      "Turn the kubereplay sidecar on or off for the selected workload (kubereplay.dev/inject)"),
  TOGGLE_TLS_OUT(
      "Toggle TLS Out",
      "Turn outbound TLS unwrapping on or off for the selected workload (kubereplay.dev/tls-out)"),
  CONTAINER_LOGS("Container Logs", "Follow the app container's logs in a new tab"),
  SIDECAR_LOGS("Sidecar Logs", "Follow the kubereplay sidecar's logs in a new tab"),
  DELETE_REPLAY("Delete Replay…", "Delete the selected TrafficReplay");

  private final String label;
  private final String description;

  ClusterAction(String label, String description) {
    this.label = label;
    this.description = description;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** Where a separator goes before this action. */
  public boolean startsGroup() {
    return this == TOGGLE_INJECTION || this == CONTAINER_LOGS || this == DELETE_REPLAY;
  }
}
