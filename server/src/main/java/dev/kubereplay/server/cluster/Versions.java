package dev.kubereplay.server.cluster;

/** Compares dotted versions such as {@code v0.9.1} and {@code 1.0.0-rc1}, numerically by part. */
final class Versions {

  private Versions() {}

  /** Whether {@code a} is older than {@code b}; unparsable parts compare as zero. */
  static boolean older(String a, String b) {
    String[] left = parts(a);
    String[] right = parts(b);
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      int l = i < left.length ? number(left[i]) : 0;
      int r = i < right.length ? number(right[i]) : 0;
      if (l != r) {
        return l < r;
      }
    }
    return false;
  }

  private static String[] parts(String version) {
    String plain = version.startsWith("v") ? version.substring(1) : version;
    int suffix = plain.indexOf('-');
    return (suffix >= 0 ? plain.substring(0, suffix) : plain).split("\\.");
  }

  private static int number(String part) {
    try {
      return Integer.parseInt(part);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
