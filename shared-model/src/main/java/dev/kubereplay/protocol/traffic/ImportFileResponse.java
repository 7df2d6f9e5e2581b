package dev.kubereplay.protocol.traffic;

/**
 * Answer to {@code traffic/importFile}, sent as soon as the import has started.
 *
 * @param operationId names the import in {@code traffic/didProgress}, {@code
 *     traffic/didFinishImport} and {@code traffic/cancel}
 */
public record ImportFileResponse(String operationId) {}
