package dev.kubereplay.protocol.traffic;

import dev.kubereplay.protocol.Nullable;
import java.util.List;

/**
 * Parameters of {@code traffic/importFile}.
 *
 * @param path the file to import, as the server's file system sees it
 * @param format {@code har}, {@code postman}, {@code jsonl}, {@code wiremock} or {@code
 *     speedscale}; guessed from the content when absent
 * @param name the snapshot's name; the file's name when absent
 * @param outboundHosts hosts whose pairs are {@code OUT} (the workload's dependencies)
 * @param maxBodyBytes the largest body accepted; 64 MiB when absent
 * @param redactKeys JSON keys and query parameters to redact besides the configured ones
 * @param environmentPath a Postman environment file
 */
public record ImportFileParams(
    String path,
    @Nullable String format,
    @Nullable String name,
    @Nullable List<String> outboundHosts,
    @Nullable Long maxBodyBytes,
    @Nullable List<String> redactKeys,
    @Nullable String environmentPath) {}
