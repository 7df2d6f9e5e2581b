package dev.kubereplay.server.cluster.kube;

import dev.kubereplay.server.cluster.ClusterException;
import dev.kubereplay.server.cluster.ClusterException.Reason;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/** Turns what fabric8 throws into one-line {@link ClusterException}s naming verb and object. */
public final class KubeErrors {

  private KubeErrors() {}

  /**
   * Runs a cluster call; a failure becomes a {@link ClusterException}.
   *
   * @param verb e.g. {@code list}
   * @param resource e.g. {@code secrets}
   * @param namespace the namespace, or {@code null} for a cluster-wide call
   */
  public static <T> T call(String verb, String resource, String namespace, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw translate(e, verb, resource, namespace);
    }
  }

  public static ClusterException translate(
      KubernetesClientException e, String verb, String resource, String namespace) {
    String where = namespace == null ? "" : " in namespace " + namespace;
    String subject = namespace == null ? resource : resource + "/" + namespace;
    switch (e.getCode()) {
      case 401:
        return new ClusterException(
            Reason.FORBIDDEN, subject, "unauthorized: the API server rejected the credentials", e);
      case 403:
        return new ClusterException(
            Reason.FORBIDDEN, subject, "forbidden: cannot " + verb + " " + resource + where, e);
      case 404:
        return new ClusterException(Reason.NOT_FOUND, subject, "not found: " + resource + where, e);
      case 409:
        return new ClusterException(
            Reason.CONFLICT,
            subject,
            "conflict: " + resource + where + " changed meanwhile; try again",
            e);
      case 422:
      case 400:
        return new ClusterException(
            Reason.INVALID,
            subject,
            "rejected: "
                + firstLine(e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage()),
            e);
      default:
        break;
    }
    if (e.getCode() == 0 || isNetwork(e)) {
      return new ClusterException(
          Reason.UNREACHABLE, subject, "API server unreachable: " + rootMessage(e), e);
    }
    return new ClusterException(
        Reason.UNREACHABLE,
        subject,
        "cannot "
            + verb
            + " "
            + resource
            + where
            + ": HTTP "
            + e.getCode()
            + " "
            + firstLine(e.getMessage()),
        e);
  }

  /** Whether the failure means the API server could not be talked to at all. */
  public static boolean isNetwork(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof SocketTimeoutException
          || t instanceof UnknownHostException
          || t instanceof SSLException
          || (t instanceof IOException && !(t instanceof java.io.FileNotFoundException))) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return firstLine(message == null ? root.getClass().getSimpleName() : message);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.strip().lines().findFirst().orElse("");
  }
}
