package dev.kubereplay.server.cli.traffic;

import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.HostEndpointsDto;
import dev.kubereplay.protocol.traffic.ListEndpointsResponse;
import dev.kubereplay.protocol.traffic.ReclassifyResponse;
import dev.kubereplay.protocol.traffic.SnapshotResponse;
import dev.kubereplay.server.cli.Main;
import dev.kubereplay.server.cli.OutputFormat;
import dev.kubereplay.server.cli.Table;
import dev.kubereplay.server.rpc.TrafficDtos;
import dev.kubereplay.server.traffic.Reclassified;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Snapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubereplay snapshot show|rename|delete|reclassify SNAPSHOT ...}. */
@Command(
    name = "snapshot",
    description = "Look at or change one snapshot (an id, a unique name, or a unique id prefix).",
    subcommands = {
      SnapshotCommand.Show.class,
      SnapshotCommand.Rename.class,
      SnapshotCommand.Delete.class,
      SnapshotCommand.Reclassify.class
    })
public final class SnapshotCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What the subcommands share. */
  abstract static class Sub implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand SnapshotCommand parent;

    @Parameters(index = "0", paramLabel = "SNAPSHOT")
    String snapshot;

    @Option(
        names = {"-o", "--output"},
        defaultValue = "table",
        description = "table (default) or json")
    OutputFormat output;

    @Override
    public Integer call() {
      TrafficService service = TrafficCli.open(parent.main);
      return run(service, service.resolve(snapshot), spec.commandLine().getOut());
    }

    abstract int run(TrafficService service, Snapshot snapshot, PrintWriter out);
  }

  @Command(name = "show", description = "Endpoints by host, with counts and latencies.")
  static final class Show extends Sub {
    @Override
    int run(TrafficService service, Snapshot snapshot, PrintWriter out) {
      ListEndpointsResponse response =
          new ListEndpointsResponse(
              TrafficDtos.snapshot(snapshot), TrafficDtos.hosts(service.endpoints(snapshot.id())));
      if (output == OutputFormat.json) {
        TrafficCli.printJson(out, response);
        return 0;
      }
      out.println(
          "snapshot "
              + TrafficCli.describe(response.snapshot())
              + ": "
              + snapshot.inCount()
              + " in, "
              + snapshot.outCount()
              + " out, "
              + TrafficCli.state(response.snapshot())
              + ", from "
              + snapshot.source());
      List<EndpointDto> endpoints =
          response.hosts().stream().flatMap(host -> host.endpoints().stream()).toList();
      Sparkline spark = Sparkline.spanning(endpoints.stream().map(EndpointDto::latency).toList());
      Table table =
          new Table(
              "HOST",
              "METHOD",
              "PATH",
              "IN",
              "OUT",
              "P50",
              "P95",
              spark == null ? "LATENCY" : "LATENCY " + spark.range());
      for (HostEndpointsDto host : response.hosts()) {
        for (EndpointDto endpoint : host.endpoints()) {
          table.row(
              host.host(),
              endpoint.method(),
              endpoint.pathTemplate(),
              String.valueOf(endpoint.inCount()),
              String.valueOf(endpoint.outCount()),
              millis(endpoint.medianMillis()),
              millis(endpoint.p95Millis()),
              spark == null ? "-" : spark.line(endpoint.latency()));
        }
      }
      table.print(out);
      return 0;
    }

    private static String millis(Long millis) {
      return millis == null ? "-" : millis + "ms";
    }
  }

  @Command(name = "rename", description = "Give a snapshot a new name.")
  static final class Rename extends Sub {
    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Override
    int run(TrafficService service, Snapshot snapshot, PrintWriter out) {
      SnapshotResponse response =
          new SnapshotResponse(TrafficDtos.snapshot(service.rename(snapshot.id(), name)));
      if (output == OutputFormat.json) {
        TrafficCli.printJson(out, response);
      } else {
        out.println("renamed snapshot " + TrafficCli.describe(response.snapshot()));
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "delete",
      description = "Delete a snapshot and its pairs (not while it is being recorded).")
  static final class Delete extends Sub {
    @Override
    int run(TrafficService service, Snapshot snapshot, PrintWriter out) {
      service.delete(snapshot.id());
      out.println("deleted snapshot " + snapshot.id() + " \"" + snapshot.name() + "\"");
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "reclassify",
      description =
          "Make a host's pairs, or one endpoint's (--path, --method), IN (replayed as tests) or"
              + " OUT (served as mocks).")
  static final class Reclassify extends Sub {
    @Option(
        names = "--host",
        required = true,
        paramLabel = "HOST",
        description = "the host whose pairs change: host, host:port or a URL")
    String host;

    @Option(
        names = "--path",
        paramLabel = "TEMPLATE",
        description = "only the endpoint with this path template, as `snapshot show` lists it")
    String path;

    @Option(
        names = "--method",
        paramLabel = "METHOD",
        description = "only this method of the endpoint (with --path)")
    String method;

    @Option(
        names = "--direction",
        required = true,
        paramLabel = "IN|OUT",
        converter = DirectionConverter.class)
    Direction direction;

    @Override
    int run(TrafficService service, Snapshot snapshot, PrintWriter out) {
      Reclassified result = service.reclassify(snapshot.id(), host, method, path, direction);
      ReclassifyResponse response =
          new ReclassifyResponse(result.changed(), TrafficDtos.snapshot(result.snapshot()));
      if (output == OutputFormat.json) {
        TrafficCli.printJson(out, response);
      } else {
        out.println(
            "reclassified "
                + result.changed()
                + " pairs of "
                + (path == null
                    ? result.host()
                    : (method == null ? "" : method.strip().toUpperCase(Locale.ROOT) + " ")
                        + result.host()
                        + path.strip())
                + " as "
                + direction
                + "; snapshot "
                + snapshot.id()
                + " now has "
                + result.snapshot().inCount()
                + " in, "
                + result.snapshot().outCount()
                + " out");
        out.flush();
      }
      return 0;
    }
  }

  static final class DirectionConverter implements CommandLine.ITypeConverter<Direction> {
    @Override
    public Direction convert(String value) {
      try {
        return Direction.valueOf(value.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("expected IN or OUT, not '" + value + "'");
      }
    }
  }
}
