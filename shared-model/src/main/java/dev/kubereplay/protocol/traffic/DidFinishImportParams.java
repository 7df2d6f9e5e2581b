package dev.kubereplay.protocol.traffic;

import dev.kubereplay.protocol.Nullable;

/**
 * Parameters of {@code traffic/didFinishImport}: exactly one of {@code report} and {@code error}.
 *
 * @param operationId the import
 * @param report what was stored, when it succeeded
 * @param error why nothing was stored, when it failed or was cancelled
 */
public record DidFinishImportParams(
    String operationId, @Nullable ImportReportDto report, @Nullable OperationErrorDto error) {}
