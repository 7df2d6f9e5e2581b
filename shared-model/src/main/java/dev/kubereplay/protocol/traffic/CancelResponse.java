package dev.kubereplay.protocol.traffic;

/**
 * Answer to {@code traffic/cancel}.
 *
 * @param cancelled true when the operation was running and is now being cancelled; its {@code
 *     traffic/didFinishImport} follows with a {@code REQUEST_CANCELLED} error
 */
public record CancelResponse(boolean cancelled) {}
