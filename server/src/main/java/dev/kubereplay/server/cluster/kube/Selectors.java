package dev.kubereplay.server.cluster.kube;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Label selector matching, as the API server does it. */
public final class Selectors {

  private Selectors() {}

  /** Whether {@code labels} match the selector; a null or empty selector matches nothing. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    Map<String, String> matchLabels = selector.getMatchLabels();
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    boolean empty =
        (matchLabels == null || matchLabels.isEmpty())
            && (expressions == null || expressions.isEmpty());
    if (empty) {
      return false;
    }
    if (matchLabels != null && !matches(matchLabels, labels)) {
      return false;
    }
    if (expressions != null) {
      for (LabelSelectorRequirement requirement : expressions) {
        if (!matches(requirement, labels)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether {@code labels} contain every pair of a Service-style selector; empty matches none. */
  public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    if (selector == null || selector.isEmpty() || labels == null) {
      return false;
    }
    return selector.entrySet().stream()
        .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
  }

  private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels == null ? null : labels.get(requirement.getKey());
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (requirement.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }
}
