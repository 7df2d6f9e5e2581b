package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.logs.LogLineDto;
import dev.kubereplay.server.cluster.logs.LogLine;
import java.util.List;

/** Log lines as protocol DTOs, for the RPC notifications and answers and the CLI's JSON output. */
public final class LogDtos {

  private LogDtos() {}

  public static LogLineDto line(LogLine line) {
    return new LogLineDto(line.pod(), line.container(), line.text());
  }

  public static List<LogLineDto> lines(List<LogLine> lines) {
    return lines.stream().map(LogDtos::line).toList();
  }
}
