package dev.kubereplay.protocol.logs;

import java.util.List;

/**
 * Answer to {@code logs/follow}.
 *
 * @param followId names the follow in notifications and in {@code logs/stop}
 * @param pods the pods followed
 */
public record FollowLogsResponse(String followId, List<String> pods) {}
