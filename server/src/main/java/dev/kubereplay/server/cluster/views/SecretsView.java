package dev.kubereplay.server.cluster.views;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Secrets by name, type and keys. Values are never read out of the Kubernetes objects. */
public final class SecretsView {

  private SecretsView() {}

  public static List<SecretRow> build(List<Secret> secrets) {
    return secrets.stream()
        .sorted(Comparator.comparing(secret -> secret.getMetadata().getName()))
        .map(SecretsView::row)
        .toList();
  }

  private static SecretRow row(Secret secret) {
    TreeSet<String> keys = new TreeSet<>();
    addKeys(keys, secret.getData());
    addKeys(keys, secret.getStringData());
    String type = secret.getType() == null ? "Opaque" : secret.getType();
    return new SecretRow(secret.getMetadata().getName(), type, List.copyOf(keys));
  }

  private static void addKeys(TreeSet<String> keys, Map<String, String> data) {
    if (data != null) {
      keys.addAll(data.keySet());
    }
  }
}
