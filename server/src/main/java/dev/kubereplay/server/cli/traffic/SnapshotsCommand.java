package dev.kubereplay.server.cli.traffic;

import dev.kubereplay.protocol.traffic.ListSnapshotsResponse;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.server.cli.Main;
import dev.kubereplay.server.cli.OutputFormat;
import dev.kubereplay.server.cli.Table;
import dev.kubereplay.server.rpc.TrafficDtos;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "snapshots",
    description = {
      "List the stored snapshots, newest first.",
      "STATE: recording (a recording is still adding pairs; the counts grow), complete, or"
          + " interrupted (its recording's process went away; it keeps what arrived until then)."
    })
public final class SnapshotsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table (default) or json (the same data as traffic/listSnapshots)")
  OutputFormat output;

  @Override
  public Integer call() {
    ListSnapshotsResponse response =
        new ListSnapshotsResponse(
            TrafficCli.open(main).snapshots().stream().map(TrafficDtos::snapshot).toList());
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.json) {
      TrafficCli.printJson(out, response);
      return 0;
    }
    Table table = new Table("ID", "NAME", "STATE", "IN", "OUT", "HOSTS", "RECORDED", "CREATED");
    for (SnapshotDto snapshot : response.snapshots()) {
      table.row(
          snapshot.id(),
          snapshot.name(),
          TrafficCli.state(snapshot),
          String.valueOf(snapshot.inCount()),
          String.valueOf(snapshot.outCount()),
          snapshot.hosts().size() <= 2
              ? String.join(",", snapshot.hosts())
              : snapshot.hosts().get(0) + ",+" + (snapshot.hosts().size() - 1),
          TrafficCli.time(snapshot.firstTimestamp()),
          TrafficCli.time(snapshot.created()));
    }
    table.print(out);
    return 0;
  }
}
