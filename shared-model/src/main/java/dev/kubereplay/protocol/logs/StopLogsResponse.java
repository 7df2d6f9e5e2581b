package dev.kubereplay.protocol.logs;

/**
 * Answer to {@code logs/stop}.
 *
 * @param stopped true when the follow was running and is now stopped
 */
public record StopLogsResponse(boolean stopped) {}
