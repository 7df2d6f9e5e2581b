package dev.kubereplay.server.bench;

import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.ScopeParams;
import dev.kubereplay.protocol.cluster.WatchParams;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The cluster-inspection benchmark: 1,000 Deployments and 10,000 Pods in one namespace of a real
 * API server; the time from {@code initialize} to the complete workload table, the time of a
 * repeated answer from the informer cache, how soon the IDE hears of a write and of the API server
 * going and coming back ({@link LiveLatency}), and the server's heap and RSS — beside {@code
 * kubectl get deployments,pods -n NS -o json} measured in the same run. Run by {@code
 * scripts/bench-cluster}.
 *
 * <p>Arguments: KUBECONFIG-file SERVER-JAR [deployments] [pods-per-deployment] [runs]
 */
public final class ClusterBenchmark {

  private static final String NS = "bench";

  public static void main(String[] args) throws Exception {
    Path kubeconfig = Path.of(args[0]);
    Path jar = Path.of(args[1]);
    int deployments = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int podsEach = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    try (KubernetesClient admin = client(kubeconfig)) {
      populate(admin, deployments, podsEach);
    }
    List<Double> kubectl = new ArrayList<>();
    List<Double> first = new ArrayList<>();
    List<Double> cached = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    List<Long> heap = new ArrayList<>();
    List<LiveLatency.Result> latencies = new ArrayList<>();
    int rows = 0;
    for (int run = 0; run < runs; run++) {
      kubectl.add(kubectl(kubeconfig));
      Measurement m = kubereplay(kubeconfig, jar, run);
      latencies.add(m.latency());
      first.add(m.firstMillis());
      cached.add(m.cachedMillis());
      rss.add(m.rssKb());
      heap.add(m.heapUsedKb());
      rows = m.rows();
      System.err.printf(
          "run %d: kubectl %.0f ms, kubereplay first table %.0f ms (%d rows), cached %.1f ms, RSS %d MB, heap used %d MB%n",
          run + 1,
          kubectl.get(run),
          m.firstMillis(),
          m.rows(),
          m.cachedMillis(),
          m.rssKb() / 1024,
          m.heapUsedKb() / 1024);
      System.err.println("run " + (run + 1) + ": " + m.latency());
    }
    String report =
        report(deployments, deployments * podsEach, rows, kubectl, first, cached, rss, heap)
            + LiveLatency.report(latencies);
    System.out.println(report);
  }

  private static KubernetesClient client(Path kubeconfig) throws IOException {
    Config config =
        Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
    config.setRequestTimeout(60_000);
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new OkHttpClientFactory())
        .build();
  }

  /** Creates what is missing, so a second run on the same API server starts at once. */
  private static void populate(KubernetesClient admin, int deployments, int podsEach)
      throws Exception {
    if (admin.namespaces().withName(NS).get() == null) {
      admin
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
          .create();
    }
    int havePods = admin.pods().inNamespace(NS).list().getItems().size();
    int haveDeployments = admin.apps().deployments().inNamespace(NS).list().getItems().size();
    if (havePods >= deployments * podsEach && haveDeployments >= deployments) {
      return;
    }
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> work = new ArrayList<>();
    for (int d = 0; d < deployments; d++) {
      int index = d;
      work.add(
          pool.submit(
              () -> {
                String name = String.format("svc-%04d", index);
                admin
                    .apps()
                    .deployments()
                    .inNamespace(NS)
                    .resource(
                        new DeploymentBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .endMetadata()
                            .withNewSpec()
                            .withReplicas(podsEach)
                            .withNewSelector()
                            .addToMatchLabels("app", name)
                            .endSelector()
                            .withNewTemplate()
                            .withNewMetadata()
                            .addToLabels("app", name)
                            .addToAnnotations(
                                "kubereplay.dev/inject", index % 3 == 0 ? "true" : "false")
                            .endMetadata()
                            .withNewSpec()
                            .addToContainers(container(name))
                            .endSpec()
                            .endTemplate()
                            .endSpec()
                            .build())
                    .createOr(existing -> existing.update());
                for (int p = 0; p < podsEach; p++) {
                  String pod = name + "-" + p;
                  admin
                      .pods()
                      .inNamespace(NS)
                      .resource(
                          new PodBuilder()
                              .withNewMetadata()
                              .withName(pod)
                              .addToLabels("app", name)
                              .endMetadata()
                              .withNewSpec()
                              .addToContainers(container(name))
                              .endSpec()
                              .build())
                      .createOr(existing -> existing.update());
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    System.err.printf(
        "created %d deployments and %d pods in %.1f s%n",
        deployments, deployments * podsEach, (System.nanoTime() - start) / 1e9);
  }

  private static io.fabric8.kubernetes.api.model.Container container(String name) {
    return new ContainerBuilder()
        .withName(name)
        .withImage("registry.local/" + name + ":1.0")
        .withNewResources()
        .addToRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi")))
        .endResources()
        .addNewPort()
        .withContainerPort(8080)
        .withName("http")
        .endPort()
        .build();
  }

  private static double kubectl(Path kubeconfig) throws Exception {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(
                "kubectl",
                "--kubeconfig",
                kubeconfig.toString(),
                "get",
                "deployments,pods",
                "-n",
                NS,
                "-o",
                "json")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("kubectl failed");
    }
    return (System.nanoTime() - start) / 1e6;
  }

  record Measurement(
      double firstMillis,
      double cachedMillis,
      long rssKb,
      long heapUsedKb,
      int rows,
      LiveLatency.Result latency) {}

  private static Measurement kubereplay(Path kubeconfig, Path jar, int run) throws Exception {
    Path home = Files.createTempDirectory("kubereplay-bench");
    long start = System.nanoTime();
    try (TestSession session =
        TestSession.spawn(
            jar, Map.of("KUBECONFIG", kubeconfig.toString(), "KUBEREPLAY_HOME", home.toString()))) {
      session.initialize();
      ScopeParams scope = new ScopeParams(null, NS);
      ListWorkloadsResponse table =
          session.server().getClusterService().listWorkloads(scope).get(120, TimeUnit.SECONDS);
      double first = (System.nanoTime() - start) / 1e6;
      session
          .server()
          .getClusterService()
          .watch(new WatchParams(null, NS, List.of(ClusterView.WORKLOADS)))
          .get(60, TimeUnit.SECONDS);
      // wait until the informers have synced: answers get fast and stay complete
      double cached = Double.MAX_VALUE;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<Double> samples = new ArrayList<>();
      while (System.nanoTime() < deadline && samples.size() < 20) {
        long t = System.nanoTime();
        ListWorkloadsResponse again =
            session.server().getClusterService().listWorkloads(scope).get(60, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - t) / 1e6;
        if (again.workloads().size() == table.workloads().size() && ms < 1000) {
          samples.add(ms);
        }
        Thread.sleep(50);
      }
      samples.sort(Double::compare);
      cached = samples.isEmpty() ? Double.NaN : samples.get(samples.size() / 2);
      long pid = session.process().pid();
      long rss = statusKb(pid, "VmHWM");
      long heap = heapUsedKb(pid);
      // the script beside the jar's checkout: server/target/kubereplay.jar
      Path script =
          jar.toAbsolutePath()
              .getParent()
              .getParent()
              .getParent()
              .resolve("test-fixtures/cluster/kube-apiserver.sh");
      LiveLatency.Result latency;
      try (KubernetesClient admin = client(kubeconfig)) {
        latency = new LiveLatency(session, kubeconfig, script, NS).measure(admin, run);
      }
      return new Measurement(first, cached, rss, heap, table.workloads().size(), latency);
    }
  }

  /** The IDEs' JVM options, or others to compare: -Dkubereplay.bench.jvmOptions="-Xmx1g ...". */
  private static List<String> jvmOptions() {
    String options = System.getProperty("kubereplay.bench.jvmOptions");
    return options == null
        ? dev.kubereplay.protocol.ServerLaunch.JVM_OPTIONS
        : List.of(options.trim().split("\\s+"));
  }

  private static long statusKb(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /** Used heap after a full GC: the sum of the generations' "used" in {@code jcmd GC.heap_info}. */
  private static long heapUsedKb(long pid) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    run(jcmd.toString(), String.valueOf(pid), "GC.run");
    String info = run(jcmd.toString(), String.valueOf(pid), "GC.heap_info");
    long used = 0;
    for (String line : info.lines().toList()) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(generation|heap)\\s+total \\d+K, used (\\d+)K")
              .matcher(line);
      if (m.find()) {
        used += Long.parseLong(m.group(2));
      }
    }
    return used;
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out;
  }

  private static String report(
      int deployments,
      int pods,
      int rows,
      List<Double> kubectl,
      List<Double> first,
      List<Double> cached,
      List<Long> rss,
      List<Long> heap)
      throws Exception {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("unknown CPU");
    String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
    double kMed = median(kubectl);
    double fMed = median(first);
    StringBuilder md = new StringBuilder();
    md.append("Run on ")
        .append(LocalDate.now())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores (")
        .append(cpu)
        .append("), ")
        .append(Long.parseLong(mem) / 1024 / 1024)
        .append(" GiB RAM; ")
        .append(deployments)
        .append(" Deployments and ")
        .append(pods)
        .append(" Pods in one namespace; medians of ")
        .append(kubectl.size())
        .append(" runs (all runs: kubectl ")
        .append(fmt(kubectl))
        .append(" ms; kubereplay ")
        .append(fmt(first))
        .append(" ms).\n\n");
    md.append("| measure | kubereplay | kubectl (peer) | goal | met |\n|---|---|---|---|---|\n");
    md.append(
        String.format(
            "| complete workload table, from process start through `initialize` (%d rows) | %.0f ms | %.0f ms (`get deployments,pods -o json`) | ≤ 2× kubectl | %s (%.2f×) |%n",
            rows, fMed, kMed, fMed <= 2 * kMed ? "yes" : "no", fMed / kMed));
    md.append(
        String.format(
            "| repeated answer from the informer cache (median of 20) | %.1f ms | – | < 100 ms | %s |%n",
            median(cached), median(cached) < 100 ? "yes" : "no"));
    long peakRss = rss.stream().mapToLong(Long::longValue).max().orElse(-1);
    md.append(
        String.format(
            "| server peak RSS (VmHWM) | %d MB | – | < 512 MB | %s |%n",
            peakRss / 1024, peakRss / 1024 < 512 ? "yes" : "no"));
    md.append(
        String.format(
            "| server heap used after GC | %d MB | – | – | – |%n",
            heap.stream().mapToLong(Long::longValue).max().orElse(-1) / 1024));
    return md.toString();
  }

  private static String fmt(List<Double> values) {
    return String.join(", ", values.stream().map(v -> String.format("%.0f", v)).toList());
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
  }
}
