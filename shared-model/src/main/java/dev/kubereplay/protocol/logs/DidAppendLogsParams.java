package dev.kubereplay.protocol.logs;

import java.util.List;

/** Parameters of {@code logs/didAppend}: the next lines of a follow. */
public record DidAppendLogsParams(String followId, List<LogLineDto> lines) {}
