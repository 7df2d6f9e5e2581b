package dev.kubereplay.server.cli.cluster;

import com.google.gson.Gson;
import dev.kubereplay.protocol.jsonrpc.ProtocolGson;
import dev.kubereplay.protocol.logs.GetLogsResponse;
import dev.kubereplay.server.cli.CliException;
import dev.kubereplay.server.cli.Durations;
import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.cluster.logs.LogLine;
import dev.kubereplay.server.cluster.logs.LogRequest;
import dev.kubereplay.server.cluster.logs.LogService;
import dev.kubereplay.server.rpc.LogDtos;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "logs",
    description =
        "Container logs of a workload (all its pods) or a pod: the app container by default.")
final class LogsCommand extends ViewCommand {

  private static final Gson LINE_JSON = ProtocolGson.create();

  @Parameters(
      index = "0",
      paramLabel = "WORKLOAD|POD",
      description = "a workload's or a pod's name, or KIND/NAME")
  String target;

  @Option(
      names = {"-c", "--container"},
      description = "a container by name")
  String container;

  @Option(names = "--sidecar", description = "the kubereplay sidecar's logs")
  boolean sidecar;

  @Option(
      names = {"-p", "--previous"},
      description = "the previous, terminated container")
  boolean previous;

  @Option(names = "--tail", paramLabel = "N", description = "only the last N lines")
  Integer tail;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "only newer lines, e.g. 30s, 5m, 1h30m")
  String since;

  @Option(
      names = {"-f", "--follow"},
      description = "keep streaming until interrupted or the pods go away")
  boolean follow;

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    if (sidecar && container != null) {
      throw new CliException("give either --container or --sidecar, not both");
    }
    String kind = null;
    String name = target;
    int slash = target.indexOf('/');
    if (slash > 0) {
      kind = kind(target.substring(0, slash));
      name = target.substring(slash + 1);
    }
    LogRequest request =
        new LogRequest(name, kind, container, sidecar, previous, tail, Durations.parse(since));
    Scope scope = resolve(cli);
    LogService logs = cli.service().logService(cli.scheduler());
    if (!follow) {
      List<LogLine> lines = logs.get(scope, request);
      if (this.scope.json()) {
        ClusterCli.printJson(out, new GetLogsResponse(LogDtos.lines(lines)));
        return 0;
      }
      boolean prefix = lines.stream().map(LogLine::pod).distinct().count() > 1;
      lines.forEach(line -> out.println(format(line, prefix)));
      return 0;
    }
    boolean json = this.scope.json();
    CountDownLatch ended = new CountDownLatch(1);
    String[] reason = {""};
    LogService.Follow started =
        logs.follow(
            scope,
            request,
            new LogService.Sink() {
              @Override
              public void append(String followId, List<LogLine> lines) {
                synchronized (out) {
                  // with -o json, one line object per output line, as it arrives
                  lines.forEach(
                      line ->
                          out.println(
                              json ? LINE_JSON.toJson(LogDtos.line(line)) : format(line, true)));
                  out.flush();
                }
              }

              @Override
              public void end(String followId, String why) {
                reason[0] = why;
                ended.countDown();
              }
            });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> logs.stop(started.id())));
    try {
      ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      logs.stop(started.id());
    }
    err.println("kubereplay: " + reason[0]);
    return 0;
  }

  private static String format(LogLine line, boolean prefix) {
    return prefix ? "[" + line.pod() + "/" + line.container() + "] " + line.text() : line.text();
  }

  static String kind(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "deployment", "deploy" -> "Deployment";
      case "statefulset", "sts" -> "StatefulSet";
      case "daemonset", "ds" -> "DaemonSet";
      case "pod", "po" -> "Pod";
      default ->
          throw new CliException(
              "unknown kind '" + text + "': use deployment, statefulset, daemonset or pod");
    };
  }
}
