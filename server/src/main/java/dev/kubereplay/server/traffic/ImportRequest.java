package dev.kubereplay.server.traffic;

import dev.kubereplay.server.http.Hosts;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * An import as the user asks for it.
 *
 * @param file the source file
 * @param format a format name ({@code har}, {@code jsonl}, ...), or null to guess from the content
 * @param name the snapshot's name, or null for the file's name
 * @param outboundHosts hosts whose pairs are {@code OUT}, as the user named them (see {@link
 *     Hosts})
 * @param maxBodyBytes the largest body accepted
 * @param redactKeys JSON keys and query parameters to redact besides the configured ones
 * @param environment a Postman environment file, or null
 */
public record ImportRequest(
    Path file,
    String format,
    String name,
    Set<String> outboundHosts,
    long maxBodyBytes,
    List<String> redactKeys,
    Path environment) {

  public ImportRequest {
    outboundHosts = Set.copyOf(Hosts.of(outboundHosts));
    redactKeys = redactKeys == null ? List.of() : List.copyOf(redactKeys);
    if (maxBodyBytes <= 0) {
      maxBodyBytes = ImportOptions.DEFAULT_MAX_BODY_BYTES;
    }
  }

  /** An import of {@code file} with every default. */
  public static ImportRequest of(Path file) {
    return new ImportRequest(file, null, null, Set.of(), 0, List.of(), null);
  }
}
