package dev.kubereplay.server.cli.traffic;

import dev.kubereplay.protocol.jsonrpc.ProtocolGson;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.server.cli.Main;
import dev.kubereplay.server.traffic.TrafficService;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the traffic commands share: the service over the data directory, and output helpers. */
final class TrafficCli {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private TrafficCli() {}

  static TrafficService open(Main main) {
    return TrafficService.open(main.environment().dataDirectory());
  }

  static void printJson(PrintWriter out, Object value) {
    out.println(ProtocolGson.create().newBuilder().setPrettyPrinting().create().toJson(value));
    out.flush();
  }

  static String time(Instant instant) {
    return instant == null ? "-" : TIME.format(instant);
  }

  /** {@code recording}, {@code complete} or {@code interrupted}. */
  static String state(SnapshotDto snapshot) {
    return snapshot.state() == null ? "-" : snapshot.state().name().toLowerCase(Locale.ROOT);
  }

  static String describe(SnapshotDto snapshot) {
    return snapshot.id() + " \"" + snapshot.name() + "\"";
  }
}
