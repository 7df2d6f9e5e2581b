package dev.kubereplay.server.traffic;

import java.util.Locale;

/** Byte counts as people read them, and as they write them ({@code 64m}, {@code 1g}). */
public final class Sizes {

  private Sizes() {}

  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (value >= 100 || value == Math.rint(value)
            ? String.format(Locale.ROOT, "%.0f", value)
            : String.format(Locale.ROOT, "%.1f", value))
        + " "
        + units[unit];
  }

  /** {@code 1048576}, {@code 512k}, {@code 64m}, {@code 1g} (powers of 1024). */
  public static long parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.endsWith("b")) {
      value = value.substring(0, value.length() - 1);
    }
    if (value.endsWith("i")) {
      value = value.substring(0, value.length() - 1);
    }
    long factor = 1;
    char last = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
    switch (last) {
      case 'k' -> factor = 1024L;
      case 'm' -> factor = 1024L * 1024;
      case 'g' -> factor = 1024L * 1024 * 1024;
      default -> factor = 1;
    }
    if (factor > 1) {
      value = value.substring(0, value.length() - 1);
    }
    try {
      long number = Long.parseLong(value.strip());
      if (number < 0) {
        throw new IllegalArgumentException("a size cannot be negative: " + text);
      }
      return Math.multiplyExact(number, factor);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a size: '" + text + "' (e.g. 64m, 1g)");
    }
  }
}
