package dev.kubereplay.intellij.recordings;

import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the user chose for one import: the file, its format (null: guessed from the content), the
 * snapshot's name, the hosts whose pairs are outbound (served as mocks) and a Postman environment.
 *
 * @param format one of {@link #FORMATS}, or null to let the server detect it
 * @param name the snapshot's name; the file's name when blank
 */
public record ImportOptions(
    String path,
    @Nullable String format,
    String name,
    List<String> outboundHosts,
    @Nullable String environmentPath) {

  /** The formats {@code traffic/importFile} reads. */
  public static final List<String> FORMATS =
      List.of("har", "postman", "jsonl", "wiremock", "speedscale");

  /** How the absent format is offered. */
  public static final String AUTO_DETECT = "auto-detect";

  public ImportOptions {
    outboundHosts = List.copyOf(outboundHosts);
  }

  /** What an import uses unless the user changes it. */
  public static ImportOptions defaults(String path) {
    return new ImportOptions(path, null, ImportRun.fileName(path), List.of(), null);
  }

  /** {@code format} as the user picked it, or null for {@link #AUTO_DETECT} (or blank). */
  public static String format(@Nullable String picked) {
    if (picked == null || picked.isBlank() || picked.equals(AUTO_DETECT)) {
      return null;
    }
    String format = picked.trim().toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException(
          "Unknown format \"" + picked.trim() + "\": one of " + String.join(", ", FORMATS));
    }
    return format;
  }

  /**
   * Hosts as typed, comma- or space-separated, blank entries and repeats dropped. Each may be a
   * host, host:port or a pasted URL: the server reads them all alike and names one it cannot.
   */
  public static List<String> hosts(@Nullable String typed) {
    if (typed == null) {
      return List.of();
    }
    Set<String> hosts = new LinkedHashSet<>();
    for (String part : typed.split("[,\\s]+")) {
      if (!part.isEmpty()) {
        hosts.add(part);
      }
    }
    return new ArrayList<>(hosts);
  }

  /** {@code redactKeys} as a request carries them: null (absent) when there are none. */
  public static List<String> redactKeys(@Nullable List<String> keys) {
    return keys == null || keys.isEmpty() ? null : List.copyOf(keys);
  }

  /** The outbound hosts as the dialog shows them. */
  public String hostsText() {
    return String.join(", ", outboundHosts);
  }

  /** The request: what equals the server's own default is left out. */
  public ImportFileParams params() {
    return params(List.of());
  }

  /**
   * The request with the settings' extra redaction keys: what equals the server's own default is
   * left out, so are the keys when there are none.
   */
  public ImportFileParams params(List<String> redactKeys) {
    String trimmed = name.trim();
    boolean defaultName = trimmed.isEmpty() || trimmed.equals(ImportRun.fileName(path));
    return new ImportFileParams(
        path,
        format,
        defaultName ? null : trimmed,
        outboundHosts.isEmpty() ? null : outboundHosts,
        null,
        redactKeys(redactKeys),
        environmentPath == null || environmentPath.isBlank() ? null : environmentPath.trim());
  }
}
