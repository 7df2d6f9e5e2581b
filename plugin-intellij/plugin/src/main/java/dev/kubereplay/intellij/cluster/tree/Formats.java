package dev.kubereplay.intellij.cluster.tree;

import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.ServicePortDto;
import dev.kubereplay.protocol.cluster.WorkloadRefDto;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Numbers, times and lists as the tree and the tables print them, in the user's time zone. */
public final class Formats {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);
  private static final long KI = 1024;

  private Formats() {}

  /** CPU as Kubernetes writes it: {@code 250m}, {@code 2}; a dash for none requested. */
  public static String cpu(long millis) {
    if (millis <= 0) {
      return "—";
    }
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
  }

  /** Memory in binary units: {@code 256Mi}, {@code 1.5Gi}; a dash for none requested. */
  public static String memory(long bytes) {
    if (bytes <= 0) {
      return "—";
    }
    String[] units = {"Ki", "Mi", "Gi", "Ti"};
    double value = bytes;
    String unit = "B";
    for (String next : units) {
      if (value < KI) {
        break;
      }
      value /= KI;
      unit = next;
    }
    String number =
        value == Math.rint(value)
            ? Long.toString((long) value)
            : String.format(Locale.ROOT, "%.1f", value);
    return number + unit;
  }

  /** A time of day, with the date when it is not today. */
  public static String time(Instant instant) {
    if (instant == null) {
      return "";
    }
    ZonedDateTime local = instant.atZone(ZoneId.systemDefault());
    boolean today = local.toLocalDate().equals(LocalDate.now(ZoneId.systemDefault()));
    return (today ? TIME : DAY_TIME).format(local);
  }

  /** "stale since 17:02: reason", or null for fresh data. */
  public static String stale(FreshnessDto freshness) {
    if (freshness == null || !freshness.stale()) {
      return null;
    }
    String since =
        freshness.since() == null
            ? "stale"
            : "stale since " + CLOCK.format(freshness.since().atZone(ZoneId.systemDefault()));
    return freshness.reason() == null || freshness.reason().isBlank()
        ? since
        : since + ": " + freshness.reason();
  }

  public static String percent(Double value) {
    if (value == null) {
      return "";
    }
    return value == Math.rint(value)
        ? (long) value.doubleValue() + "%"
        : String.format(Locale.ROOT, "%.1f%%", value);
  }

  /** {@code 80→8080/TCP}, with the node port after a colon. */
  public static String ports(List<ServicePortDto> ports) {
    StringJoiner joined = new StringJoiner(", ");
    for (ServicePortDto port : ports) {
      String text = port.port() + "→" + port.targetPort() + "/" + port.protocol();
      if (port.nodePort() != null) {
        text += " :" + port.nodePort();
      }
      joined.add(port.name() != null && !port.name().isBlank() ? port.name() + " " + text : text);
    }
    return joined.toString();
  }

  public static String selector(Map<String, String> selector) {
    StringJoiner joined = new StringJoiner(", ");
    selector.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> joined.add(e.getKey() + "=" + e.getValue()));
    return joined.toString();
  }

  public static String workloads(List<WorkloadRefDto> refs) {
    StringJoiner joined = new StringJoiner(", ");
    refs.forEach(ref -> joined.add(ref.kind() + "/" + ref.name()));
    return joined.toString();
  }

  public static String plural(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  /** For HTML tooltips. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
