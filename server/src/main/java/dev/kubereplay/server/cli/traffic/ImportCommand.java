package dev.kubereplay.server.cli.traffic;

import dev.kubereplay.protocol.traffic.HostCountDto;
import dev.kubereplay.protocol.traffic.ImportReportDto;
import dev.kubereplay.protocol.traffic.ImportWarningDto;
import dev.kubereplay.protocol.traffic.SkippedEntryDto;
import dev.kubereplay.server.cli.CliException;
import dev.kubereplay.server.cli.Main;
import dev.kubereplay.server.cli.OutputFormat;
import dev.kubereplay.server.cli.Table;
import dev.kubereplay.server.rpc.TrafficDtos;
import dev.kubereplay.server.traffic.ImportRequest;
import dev.kubereplay.server.traffic.Sizes;
import dev.kubereplay.server.traffic.TrafficService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    description = {
      "Import a recording into a new snapshot: HAR, Postman, kubereplay JSONL, WireMock,"
          + " Speedscale.",
      "Credentials (authorization headers, cookies, tokens, configured JSON keys) are redacted"
          + " before anything is stored. One transaction: a bad file or Ctrl-C leaves nothing.",
      "Large files: memory stays flat; run with e.g. java -Xmx160m -jar kubereplay.jar import ..."
    })
public final class ImportCommand implements Callable<Integer> {

  /** The exit code of an import cancelled by Ctrl-C (128 + SIGINT, as shells report it). */
  static final int CANCELLED = 130;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description =
          "the recording to import; '-' reads standard input (or any pipe), with --format named")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "har, postman, jsonl, wiremock or speedscale; guessed from the content when absent")
  String format;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "the snapshot's name (default: the file's)")
  String name;

  @Option(
      names = "--outbound-host",
      paramLabel = "HOST",
      description =
          "a dependency: its pairs are OUT (served as mocks); host, host:port or a URL; repeatable")
  List<String> outboundHosts = new ArrayList<>();

  @Option(
      names = "--max-body-size",
      paramLabel = "SIZE",
      defaultValue = "64m",
      description = "the largest body accepted (default: ${DEFAULT-VALUE})")
  String maxBodySize;

  @Option(
      names = "--redact-key",
      paramLabel = "KEY",
      description = "another JSON key or query parameter to redact; repeatable")
  List<String> redactKeys = new ArrayList<>();

  @Option(names = "--environment", paramLabel = "FILE", description = "a Postman environment file")
  Path environment;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description =
          "table (default) or json (the import report, as traffic/didFinishImport has it)")
  OutputFormat output;

  @Option(
      names = "--progress",
      negatable = true,
      description = "show a progress bar on stderr (default: when stderr is a terminal)")
  Boolean progress;

  @Override
  public Integer call() {
    long maxBody;
    try {
      maxBody = Sizes.parse(maxBodySize);
    } catch (IllegalArgumentException e) {
      throw new CliException("--max-body-size: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TrafficService service = TrafficCli.open(main);
    ImportRequest request =
        new ImportRequest(
            file.toString().equals("-") ? Path.of("/dev/stdin") : file,
            format,
            name,
            new HashSet<>(outboundHosts),
            maxBody,
            redactKeys,
            environment);
    boolean showProgress = progress != null ? progress : ProgressBar.stderrIsTerminal();
    ProgressBar bar = showProgress ? new ProgressBar(err) : null;
    ImportReportDto report;
    // Ctrl-C: the import stops and rolls back, and says so, before the JVM halts.
    try (OnCtrlC ctrlC = new OnCtrlC("import")) {
      try {
        report =
            TrafficDtos.report(
                service.importFile(
                    request,
                    bar == null ? TrafficService.ImportListener.NONE : bar,
                    ctrlC::pressed));
      } catch (CancellationException e) {
        if (bar != null) {
          bar.clear();
        }
        err.println("kubereplay: import of " + file + " cancelled; nothing was stored");
        err.flush();
        return CANCELLED;
      } finally {
        if (bar != null) {
          bar.clear();
        }
      }
    }
    if (output == OutputFormat.json) {
      TrafficCli.printJson(out, report);
    } else {
      print(out, report);
    }
    return 0;
  }

  private static void print(PrintWriter out, ImportReportDto report) {
    out.printf(
        Locale.ROOT,
        "imported %d pairs into snapshot %s (%s, %s in %.1f s)%n",
        report.snapshot().inCount() + report.snapshot().outCount(),
        TrafficCli.describe(report.snapshot()),
        report.format(),
        Sizes.human(report.bytesRead()),
        report.elapsedMillis() / 1000.0);
    Table table = new Table("HOST", "IN", "OUT");
    for (HostCountDto host : report.hosts()) {
      table.row(host.host(), String.valueOf(host.inCount()), String.valueOf(host.outCount()));
    }
    table.print(out);
    if (report.skippedCount() > 0) {
      out.println("skipped " + report.skippedCount() + " entries:");
      for (SkippedEntryDto skipped : report.skipped()) {
        out.println("  " + skipped.entry() + ": " + skipped.reason());
      }
      if (report.skippedCount() > report.skipped().size()) {
        out.println("  ... and " + (report.skippedCount() - report.skipped().size()) + " more");
      }
    }
    if (report.warningCount() > 0) {
      out.println(report.warningCount() + " entries imported with warnings:");
      for (ImportWarningDto warning : report.warnings()) {
        out.println("  " + warning.entry() + ": " + warning.message());
      }
      if (report.warningCount() > report.warnings().size()) {
        out.println("  ... and " + (report.warningCount() - report.warnings().size()) + " more");
      }
    }
    if (!report.unresolvedVariables().isEmpty()) {
      out.println("unresolved variables: " + String.join(", ", report.unresolvedVariables()));
    }
    out.flush();
  }
}
