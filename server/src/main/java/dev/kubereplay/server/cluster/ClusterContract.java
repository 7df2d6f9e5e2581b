package dev.kubereplay.server.cluster;

/** The names kubereplay and its in-cluster operator agree on (see DESIGN: cluster contract). */
public final class ClusterContract {

  private ClusterContract() {}

  /** Pod-template annotation: inject the sidecar on the next rollout. */
  public static final String INJECT_ANNOTATION = "kubereplay.dev/inject";

  /** Pod-template annotation: unwrap outbound TLS so it can be recorded and mocked. */
  public static final String TLS_OUT_ANNOTATION = "kubereplay.dev/tls-out";

  /** The name of the injected container. */
  public static final String SIDECAR_CONTAINER = "kubereplay-sidecar";

  /** The label that marks the operator's Deployment. */
  public static final String OPERATOR_LABEL_KEY = "app.kubernetes.io/name";

  public static final String OPERATOR_LABEL_VALUE = "kubereplay-operator";

  /** The operator's namespace unless it was installed elsewhere. */
  public static final String DEFAULT_OPERATOR_NAMESPACE = "kubereplay";

  /** The operator's configuration. */
  public static final String OPERATOR_CONFIGMAP = "kubereplay-operator";

  /** The deprecated overrides; a key set here wins. */
  public static final String OVERRIDES_CONFIGMAP = "kubereplay-operator-overrides";

  /** The ConfigMap key with the cluster's name given at install. */
  public static final String CLUSTER_NAME_KEY = "CLUSTER_NAME";

  public static final String REPLAY_API_VERSION = "kubereplay.dev/v1alpha1";
  public static final String REPLAY_KIND = "TrafficReplay";
  public static final String REPLAY_CRD = "trafficreplays.kubereplay.dev";

  /** The TrafficReplay CRD (schema, status subresource, printer columns), a class-path resource. */
  public static final String REPLAY_CRD_YAML =
      "/dev/kubereplay/server/cluster/crds/trafficreplays.kubereplay.dev.yaml";

  /**
   * The newest operator version this kubereplay release knows of; an installed operator older than
   * this shows an upgrade indicator.
   */
  public static final String LATEST_OPERATOR_VERSION = "0.1.0";
}
