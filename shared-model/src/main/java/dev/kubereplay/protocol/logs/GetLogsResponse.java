package dev.kubereplay.protocol.logs;

import java.util.List;

/** Answer to {@code logs/get}: pod by pod, in the order the pods were listed. */
public record GetLogsResponse(List<LogLineDto> lines) {}
