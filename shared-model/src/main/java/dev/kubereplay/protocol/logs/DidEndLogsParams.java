package dev.kubereplay.protocol.logs;

/**
 * Parameters of {@code logs/didEnd}.
 *
 * @param followId the follow that ended
 * @param reason why, e.g. {@code "stopped"} or {@code "pod shop/api-1 was deleted"}
 */
public record DidEndLogsParams(String followId, String reason) {}
