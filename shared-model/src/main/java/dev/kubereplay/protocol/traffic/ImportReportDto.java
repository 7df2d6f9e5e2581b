package dev.kubereplay.protocol.traffic;

import java.util.List;

/**
 * What an import stored and what it left out.
 *
 * @param snapshot the new snapshot
 * @param format the format read
 * @param hosts pairs per host and direction
 * @param skipped entries left out, with why (at most 1000 listed)
 * @param skippedCount all entries left out
 * @param unresolvedVariables {@code {{variables}}} left unresolved (Postman)
 * @param bytesRead the size of the source
 * @param elapsedMillis how long the import took
 * @param warnings entries imported with something to know, e.g. a body kept coded (at most 1000
 *     listed)
 * @param warningCount all such entries
 */
public record ImportReportDto(
    SnapshotDto snapshot,
    String format,
    List<HostCountDto> hosts,
    List<SkippedEntryDto> skipped,
    long skippedCount,
    List<String> unresolvedVariables,
    long bytesRead,
    long elapsedMillis,
    List<ImportWarningDto> warnings,
    long warningCount) {}
