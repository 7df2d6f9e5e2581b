package dev.kubereplay.server.bench;

import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.cluster.ClusterChangeKind;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.cluster.ScopeParams;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * How soon a watching IDE hears of things, for {@link ClusterBenchmark}: a write (scaling a
 * Deployment) as {@code cluster/didChange}; the stale mark after the API server stops and after it
 * stops answering (frozen with SIGSTOP); the last known state answered while it is down; the fresh
 * mark once it is back. The integration tests only check that each comes, within generous
 * deadlines.
 */
final class LiveLatency {

  /** Milliseconds; the write's is the median of five. */
  record Result(
      double write, double staleStopped, double staleAnswer, double fresh, double staleFrozen) {}

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private final TestSession session;
  private final Path clusterDir;
  private final Path script;
  private final String namespace;

  LiveLatency(TestSession session, Path kubeconfig, Path script, String namespace) {
    this.session = session;
    this.clusterDir = kubeconfig.toAbsolutePath().getParent();
    this.script = script;
    this.namespace = namespace;
  }

  /** Measures on a session that watches the workloads of {@code namespace}. */
  Result measure(KubernetesClient admin, int run) throws Exception {
    quiet();
    List<Double> writes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      admin
          .apps()
          .deployments()
          .inNamespace(namespace)
          .withName("svc-0000")
          .scale(100 + run * 10 + i);
      await(change -> change.changes().contains(ClusterChangeKind.VIEWS));
      writes.add(millisSince(t));
      quiet();
    }
    ScopeParams scope = new ScopeParams(null, namespace);
    session.server().getClusterService().listSecrets(scope).get(60, TimeUnit.SECONDS);

    ProcessHandle apiServer = apiServer();
    long t = System.nanoTime();
    apiServer.destroy();
    apiServer.onExit().get(30, TimeUnit.SECONDS);
    await(connection(true));
    double staleStopped = millisSince(t);
    t = System.nanoTime();
    session.server().getClusterService().listSecrets(scope).get(60, TimeUnit.SECONDS);
    double staleAnswer = millisSince(t);
    run(script.toString(), "restart-apiserver", clusterDir.toString());
    t = System.nanoTime();
    await(connection(false));
    double fresh = millisSince(t);

    quiet();
    run("kill", "-STOP", Long.toString(apiServer().pid()));
    double staleFrozen;
    try {
      t = System.nanoTime();
      await(connection(true));
      staleFrozen = millisSince(t);
    } finally {
      run("kill", "-CONT", Long.toString(apiServer().pid()));
    }
    await(connection(false));
    writes.sort(Double::compare);
    return new Result(writes.get(2), staleStopped, staleAnswer, fresh, staleFrozen);
  }

  private static Predicate<DidChangeClusterParams> connection(boolean stale) {
    return change ->
        change.changes().contains(ClusterChangeKind.CONNECTION)
            && change.freshness() != null
            && change.freshness().stale() == stale;
  }

  private void await(Predicate<DidChangeClusterParams> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      DidChangeClusterParams change =
          session.client().awaitClusterChange(Duration.ofNanos(deadline - System.nanoTime()));
      if (change != null && wanted.test(change)) {
        return;
      }
    }
    throw new IllegalStateException("no matching cluster/didChange within " + DEADLINE);
  }

  /** Drops notifications until none came for a second. */
  private void quiet() throws InterruptedException {
    while (session.client().awaitClusterChange(Duration.ofSeconds(1)) != null) {
      // drop
    }
  }

  private ProcessHandle apiServer() throws Exception {
    long pid = Long.parseLong(Files.readString(clusterDir.resolve("apiserver.pid")).strip());
    return ProcessHandle.of(pid)
        .orElseThrow(() -> new IllegalStateException("kube-apiserver " + pid + " not running"));
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  /** The rows of the benchmark's table: medians over the runs. */
  static String report(List<Result> results) {
    StringBuilder md = new StringBuilder();
    row(
        md,
        "a write seen by the IDE (`cluster/didChange`; median of 5 per run)",
        results,
        Result::write,
        "< 2000 ms");
    row(md, "stale mark after kube-apiserver stops", results, Result::staleStopped, "< 15000 ms");
    row(
        md,
        "last known state answered while it is down",
        results,
        Result::staleAnswer,
        "< 3000 ms");
    row(
        md,
        "fresh mark after it is back (from `/readyz` ok)",
        results,
        Result::fresh,
        "< 30000 ms");
    row(
        md,
        "stale mark after kube-apiserver stops answering (SIGSTOP)",
        results,
        Result::staleFrozen,
        "< 15000 ms");
    return md.toString();
  }

  private static void row(
      StringBuilder md,
      String measure,
      List<Result> results,
      java.util.function.ToDoubleFunction<Result> value,
      String goal) {
    double[] sorted = results.stream().mapToDouble(value).sorted().toArray();
    double median = sorted[sorted.length / 2];
    double limit = Double.parseDouble(goal.replaceAll("[^0-9]", ""));
    md.append(
        String.format(
            "| %s | %.0f ms | – | %s | %s |%n",
            measure, median, goal, median < limit ? "yes" : "no"));
  }
}
