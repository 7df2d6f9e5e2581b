package dev.kubereplay.protocol.traffic;

/**
 * Parameters of {@code traffic/didProgress}: how far a long operation is.
 *
 * @param operationId the operation
 * @param done work done, in the unit of {@code total} (bytes of the file, for an import)
 * @param total all the work; 0 when unknown
 * @param message a short line for a status bar, e.g. {@code "12000 pairs"}
 */
public record DidProgressParams(String operationId, long done, long total, String message) {}
