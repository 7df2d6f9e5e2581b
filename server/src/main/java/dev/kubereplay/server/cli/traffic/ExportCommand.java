package dev.kubereplay.server.cli.traffic;

import dev.kubereplay.server.cli.Main;
import dev.kubereplay.server.traffic.Sizes;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.model.Snapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    description = {
      "Write a snapshot to a file: jsonl (kubereplay's lossless format) or har.",
      "SNAPSHOT is an id, a unique name, or a unique id prefix."
    })
public final class ExportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "SNAPSHOT")
  String snapshot;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "jsonl or har (default: from the file's extension, else jsonl)")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "the file to write (replaced if it exists)")
  Path output;

  @Option(
      names = "--progress",
      negatable = true,
      description = "show a progress bar on stderr (default: when stderr is a terminal)")
  Boolean progress;

  @Override
  public Integer call() {
    TrafficService service = TrafficCli.open(main);
    Snapshot resolved = service.resolve(snapshot);
    String chosen = format;
    if (chosen == null) {
      chosen = output.toString().toLowerCase(Locale.ROOT).endsWith(".har") ? "har" : "jsonl";
    }
    PrintWriter err = spec.commandLine().getErr();
    boolean showProgress = progress != null ? progress : ProgressBar.stderrIsTerminal();
    ProgressBar bar =
        showProgress
            ? new ProgressBar(err, pairs -> String.format(Locale.ROOT, "%,d", pairs))
            : null;
    TrafficService.ExportResult result;
    // Ctrl-C: the export stops and removes its partial file, and says so, before the JVM halts.
    try (OnCtrlC ctrlC = new OnCtrlC("export")) {
      try {
        result =
            service.export(
                resolved.id(),
                chosen,
                output,
                ctrlC::pressed,
                bar == null
                    ? TrafficService.ExportListener.NONE
                    : (pairs, total) -> bar.progress(pairs, total, "pairs"));
      } catch (CancellationException e) {
        if (bar != null) {
          bar.clear();
        }
        err.println(
            "kubereplay: export of " + resolved.id() + " cancelled; " + output + " unchanged");
        err.flush();
        return ImportCommand.CANCELLED;
      } finally {
        if (bar != null) {
          bar.clear();
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "exported "
            + result.pairs()
            + " pairs of snapshot "
            + resolved.id()
            + " to "
            + result.path()
            + " ("
            + chosen
            + ", "
            + Sizes.human(result.bytes())
            + ")");
    out.flush();
    return 0;
  }
}
