package dev.kubereplay.server.cluster.views;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The operator's ConfigMap beside the deprecated overrides; an override is the effective value. */
public final class ConfigurationView {

  private ConfigurationView() {}

  public static List<ConfigEntry> build(ConfigMap config, ConfigMap overrides) {
    Map<String, String> values = data(config);
    Map<String, String> overridden = data(overrides);
    TreeSet<String> keys = new TreeSet<>(values.keySet());
    keys.addAll(overridden.keySet());
    List<ConfigEntry> entries = new ArrayList<>();
    for (String key : keys) {
      String value = values.get(key);
      String override = overridden.get(key);
      entries.add(new ConfigEntry(key, value, override, override != null ? override : value));
    }
    return entries;
  }

  private static Map<String, String> data(ConfigMap map) {
    return map == null || map.getData() == null ? Map.of() : map.getData();
  }
}
