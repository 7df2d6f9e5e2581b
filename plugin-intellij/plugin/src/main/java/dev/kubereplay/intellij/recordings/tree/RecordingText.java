package dev.kubereplay.intellij.recordings.tree;

import dev.kubereplay.intellij.cluster.tree.Tone;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.BodyDto;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.HeaderDto;
import dev.kubereplay.protocol.traffic.HostCountDto;
import dev.kubereplay.protocol.traffic.ImportReportDto;
import dev.kubereplay.protocol.traffic.MessageDto;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.PairDto;
import dev.kubereplay.protocol.traffic.PairSummaryDto;
import dev.kubereplay.protocol.traffic.SkippedEntryDto;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.SnapshotState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of the Recordings view: rows, the pair document, the import report. No Swing. */
public final class RecordingText {

  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

  private static volatile ZoneId zone = ZoneId.systemDefault();

  private RecordingText() {}

  /** Tests fix the zone so that times read the same everywhere. */
  public static void zone(ZoneId zoneId) {
    zone = zoneId;
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  public static String created(Instant instant) {
    return instant == null ? "" : CREATED.format(instant.atZone(zone));
  }

  public static String snapshotDetail(SnapshotDto s) {
    return "IN "
        + count(s.inCount())
        + " · OUT "
        + count(s.outCount())
        + " · "
        + created(s.created())
        + (s.source() == null || s.source().isBlank() ? "" : " · " + s.source());
  }

  /** A state absent from an older server's answer is a complete snapshot. */
  public static SnapshotState state(SnapshotDto s) {
    return s.state() == null ? SnapshotState.COMPLETE : s.state();
  }

  /** The word beside a snapshot's name: only when it is not complete. */
  public static String stateMark(SnapshotDto s) {
    return switch (state(s)) {
      case RECORDING -> "recording…";
      case INTERRUPTED -> "interrupted";
      case COMPLETE -> "";
    };
  }

  /** Red while pairs still arrive, amber when the recording broke off. */
  public static Tone stateTone(SnapshotDto s) {
    return switch (state(s)) {
      case RECORDING -> Tone.ALERT;
      case INTERRUPTED -> Tone.CAUTION;
      case COMPLETE -> Tone.NEUTRAL;
    };
  }

  /** What hovering a snapshot says about its state; empty when complete. */
  public static String stateTooltip(SnapshotDto s) {
    return switch (state(s)) {
      case RECORDING ->
          "\""
              + s.name()
              + "\" is being recorded: pairs are still arriving. Refresh shows the latest;"
              + " stopping the recording completes it.";
      case INTERRUPTED ->
          "\""
              + s.name()
              + "\" was interrupted: the kubereplay server went away before the recording was"
              + " stopped. It holds the pairs that arrived until then.";
      case COMPLETE -> "";
    };
  }

  /** The last row of an endpoint with more pairs than shown. */
  public static String loadMore(PairPage page) {
    String counts = "(" + count(page.pairs().size()) + " of " + count(page.total()) + ")";
    if (page.loadingMore()) {
      return "Loading more… " + counts;
    }
    return "Load more " + counts;
  }

  /** What a direction means to the user. */
  public static String directionName(PairDirection direction) {
    return direction == PairDirection.OUT ? "Outbound (Mock)" : "Inbound (Test)";
  }

  /** An endpoint as the status line names it: {@code POST payments.internal/v1/charges}. */
  public static String endpointName(@Nullable String method, String host, String pathTemplate) {
    return (method == null ? "" : method + " ") + host + pathTemplate;
  }

  /** What marking a host or an endpoint ({@code what}) did. */
  public static String reclassified(String what, PairDirection direction, long changed) {
    return "Marked "
        + what
        + " as "
        + directionName(direction)
        + ": "
        + (changed == 0 ? "no pair" : count(changed) + (changed == 1 ? " pair" : " pairs"))
        + " changed";
  }

  public static String hostDetail(long in, long out) {
    return "IN " + count(in) + " · OUT " + count(out);
  }

  public static String endpointText(EndpointDto e) {
    return e.method() + " " + e.pathTemplate();
  }

  public static String endpointDetail(EndpointDto e) {
    StringBuilder b = new StringBuilder(count(e.inCount() + e.outCount()));
    if (e.medianMillis() != null) {
      b.append(" · p50 ").append(e.medianMillis()).append(" ms");
    }
    if (e.p95Millis() != null) {
      b.append(" · p95 ").append(e.p95Millis()).append(" ms");
    }
    String sparkline = Sparkline.of(e.latency());
    if (!sparkline.isEmpty()) {
      b.append(" · ").append(sparkline);
    }
    return b.toString();
  }

  public static String pairText(PairSummaryDto p) {
    return (p.status() == 0 ? "—" : String.valueOf(p.status())) + "  " + p.url();
  }

  public static String pairDetail(PairSummaryDto p) {
    return p.durationMillis()
        + " ms · "
        + p.direction()
        + " · "
        + (p.timestamp() == null ? "" : TIME.format(p.timestamp().atZone(zone)));
  }

  /** 2xx green, 3xx blue, 4xx amber, 5xx red, no response grey. */
  public static Tone statusTone(int status) {
    if (status >= 500) {
      return Tone.ALERT;
    }
    if (status >= 400) {
      return Tone.CAUTION;
    }
    if (status >= 300) {
      return Tone.INFO;
    }
    if (status >= 200) {
      return Tone.OK;
    }
    return Tone.MUTED;
  }

  /** The read-only document of a pair: request, then response, headers and bodies. */
  public static String document(PairDto pair) {
    PairSummaryDto s = pair.summary();
    StringBuilder b = new StringBuilder();
    String version = pair.httpVersion() == null ? "" : " " + pair.httpVersion();
    b.append("### Request · ")
        .append(s.direction())
        .append(" · ")
        .append(s.host())
        .append(" · ")
        .append(s.timestamp() == null ? "" : s.timestamp().toString())
        .append('\n');
    b.append(s.method()).append(' ').append(s.url()).append(version).append('\n');
    message(b, pair.request());
    b.append('\n');
    b.append("### Response · ").append(s.durationMillis()).append(" ms\n");
    if (s.status() == 0) {
      b.append("(no response recorded)\n");
    } else {
      b.append(s.status())
          .append(pair.statusMessage() == null ? "" : " " + pair.statusMessage())
          .append('\n');
      message(b, pair.response());
    }
    if (pair.tags() != null && !pair.tags().isEmpty()) {
      b.append("\n### Tags\n");
      pair.tags().forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
    }
    return b.toString();
  }

  private static void message(StringBuilder b, MessageDto message) {
    if (message == null) {
      return;
    }
    if (message.headers() != null) {
      for (HeaderDto h : message.headers()) {
        b.append(h.name()).append(": ").append(h.value()).append('\n');
      }
    }
    BodyDto body = message.body();
    if (body == null || body.size() == 0) {
      return;
    }
    b.append('\n');
    if (body.text() != null) {
      b.append(body.text());
      if (!body.text().endsWith("\n")) {
        b.append('\n');
      }
    } else {
      b.append("(binary body: ")
          .append(count(body.size()))
          .append(" bytes")
          .append(body.contentType() == null ? "" : ", " + body.contentType())
          .append(body.contentEncoding() == null ? "" : ", " + body.contentEncoding())
          .append(", not shown)\n");
    }
  }

  /** The import report: counts per direction and host, skipped entries, unresolved variables. */
  public static String report(ImportReportDto r) {
    StringBuilder b = new StringBuilder();
    SnapshotDto s = r.snapshot();
    b.append("Snapshot \"")
        .append(s.name())
        .append("\" · ")
        .append(r.format())
        .append(" · IN ")
        .append(count(s.inCount()))
        .append(" · OUT ")
        .append(count(s.outCount()))
        .append(" · ")
        .append(count(r.elapsedMillis()))
        .append(" ms\n");
    for (HostCountDto h : r.hosts()) {
      b.append("  ").append(h.host()).append("  ").append(hostDetail(h.inCount(), h.outCount()));
      b.append('\n');
    }
    if (r.skippedCount() > 0) {
      b.append("Skipped ").append(count(r.skippedCount())).append(":\n");
      for (SkippedEntryDto e : r.skipped()) {
        b.append("  ").append(e.entry()).append(": ").append(e.reason()).append('\n');
      }
      if (r.skipped().size() < r.skippedCount()) {
        b.append("  … and ").append(count(r.skippedCount() - r.skipped().size())).append(" more\n");
      }
    } else {
      b.append("Nothing skipped\n");
    }
    if (r.unresolvedVariables() != null && !r.unresolvedVariables().isEmpty()) {
      b.append("Unresolved variables: ")
          .append(String.join(", ", r.unresolvedVariables()))
          .append('\n');
    }
    return b.toString();
  }
}
