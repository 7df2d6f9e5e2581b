package dev.kubereplay.server.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The mocks benchmark (not a test). Imports the 1,000 recorded calls of {@link MockWorkload} and
 * serves them, one server after another and each as its own process, with {@code kubereplay mock}
 * ({@code java} with the launcher's options, {@code -jar kubereplay.jar}), WireMock standalone (the
 * same calls as stubs) and {@link BareJettyMock} (the floor: one fixed answer), each under the same
 * wrk load: GETs, then JSON POSTs, after a warm-up. Then the time to load 100,000 recorded calls
 * (from process start until the port accepts connections) and the RSS with them loaded. Medians of
 * {@code --runs} runs; {@code --write FILE} replaces that file's "Mocks" section. Run it with
 * {@code scripts/bench-mocks}.
 */
public final class MockBenchmark {

  /** The options of the distribution's launcher, bin/kubereplay. */
  static final List<String> LAUNCHER =
      List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx320m", "-XX:TieredStopAtLevel=1");

  record Load(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {}

  record Sample(Load get, Load post, long rssKb) {}

  private static final String[] SERVERS = {"kubereplay mock", "WireMock 3.13.2", "bare Jetty"};

  private final Path jar;
  private final Path wiremock;
  private final Path work;
  private final String duration;
  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private MockBenchmark(Path jar, Path wiremock, Path work, String duration) {
    this.jar = jar;
    this.wiremock = wiremock;
    this.work = work;
    this.duration = duration;
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of("server/target/kubereplay.jar");
    Path wiremock = null;
    Path write = null;
    int runs = 3;
    int large = 100_000;
    String duration = "10s";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jar" -> jar = Path.of(args[++i]);
        case "--wiremock" -> wiremock = Path.of(args[++i]);
        case "--write" -> write = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--large" -> large = Integer.parseInt(args[++i]);
        case "--duration" -> duration = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String machine = MockReport.machine();
    Path work = Files.createTempDirectory("kubereplay-bench-mocks");
    try {
      MockBenchmark bench = new MockBenchmark(jar, wiremock, work, duration);
      List<Sample[]> samples = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        samples.add(bench.serveRun(run == 0));
      }
      List<double[]> loads = new ArrayList<>();
      bench.prepare(large, "large");
      for (int run = 0; run < runs; run++) {
        loads.add(bench.loadLarge(large));
      }
      String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
      String section =
          MockReport.section(
              machine, load, LocalDate.now().toString(), SERVERS, samples, loads, large);
      System.out.println(section);
      if (write != null) {
        MockReport.writeSection(write, section);
      }
    } finally {
      try (Stream<Path> all = Files.walk(work)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private boolean prepared;

  private void prepare(int count, String name) throws Exception {
    List<MockWorkload.Call> calls = MockWorkload.calls(count);
    Path har = work.resolve(name + ".har");
    MockWorkload.writeHar(har, calls);
    Path home = work.resolve("home-" + name);
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-jar",
            jar.toString(),
            "import",
            har.toString(),
            "--name",
            name,
            "--outbound-host",
            MockWorkload.HOST);
    builder.environment().put("KUBEREPLAY_HOME", home.toString());
    builder
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("import-" + name + ".log").toFile());
    if (builder.start().waitFor() != 0) {
      throw new IllegalStateException(
          "import failed: " + Files.readString(work.resolve("import-" + name + ".log")));
    }
    Files.delete(har);
    if (name.equals("bench")) {
      MockWorkload.writeStubs(work.resolve("wiremock"), calls);
      MockWorkload.writeLua(work.resolve("get.lua"), calls, "GET");
      MockWorkload.writeLua(work.resolve("post.lua"), calls, "POST");
    }
  }

  private Sample[] serveRun(boolean first) throws Exception {
    if (!prepared) {
      prepare(1000, "bench");
      prepared = true;
    }
    Sample[] samples = new Sample[SERVERS.length];
    samples[0] = serve(SERVERS[0], mockCommand("bench"), homeOf("bench"), 10);
    samples[1] =
        serve(
            SERVERS[1],
            port ->
                List.of(
                    java,
                    "-jar",
                    wiremock.toString(),
                    "--port",
                    String.valueOf(port),
                    "--bind-address",
                    "127.0.0.1",
                    "--root-dir",
                    work.resolve("wiremock").toString(),
                    "--no-request-journal",
                    "--disable-request-logging"),
            null,
            30);
    samples[2] =
        serve(
            SERVERS[2],
            port -> {
              List<String> command = new ArrayList<>(List.of(java));
              command.addAll(LAUNCHER);
              command.addAll(
                  List.of(
                      "-cp",
                      System.getProperty("java.class.path"),
                      BareJettyMock.class.getName(),
                      String.valueOf(port)));
              return command;
            },
            null,
            10);
    return samples;
  }

  private Path homeOf(String name) {
    return work.resolve("home-" + name);
  }

  private java.util.function.IntFunction<List<String>> mockCommand(String snapshot) {
    return port -> {
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(LAUNCHER);
      command.addAll(
          List.of("-jar", jar.toString(), "mock", snapshot, "--listen", "127.0.0.1:" + port));
      return command;
    };
  }

  private Sample serve(
      String name, java.util.function.IntFunction<List<String>> command, Path home, int warmSeconds)
      throws Exception {
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(command.apply(port));
    if (home != null) {
      builder.environment().put("KUBEREPLAY_HOME", home.toString());
    }
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process server = builder.start();
    try {
      awaitListening(server, port, 120_000);
      String base = "http://127.0.0.1:" + port + "/";
      wrk(base, "get.lua", warmSeconds / 2 + "s");
      wrk(base, "post.lua", (warmSeconds - warmSeconds / 2) + "s");
      Load get = wrk(base, "get.lua", duration);
      Load post = wrk(base, "post.lua", duration);
      long rss = status(server.pid(), "VmRSS");
      System.err.printf(
          Locale.ROOT, "  %s: GET %s, POST %s, RSS %d MB%n", name, get, post, rss / 1024);
      return new Sample(get, post, rss);
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  /** Start-up with 100,000 calls: seconds until listening, RSS after answering, peak RSS. */
  private double[] loadLarge(int count) throws Exception {
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(mockCommand("large").apply(port));
    builder.environment().put("KUBEREPLAY_HOME", homeOf("large").toString());
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    Process server = builder.start();
    try {
      awaitListening(server, port, 600_000);
      double seconds = (System.nanoTime() - start) / 1e9;
      HttpClient client = HttpClient.newHttpClient();
      List<MockWorkload.Call> calls = MockWorkload.calls(count);
      int hits = 0;
      for (int i = 0; i < 2000; i++) {
        MockWorkload.Call c = calls.get((int) ((i * 7919L) % count));
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.pathAndQuery()));
        if (c.body() != null) {
          request
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(c.body()));
        }
        HttpResponse<String> response =
            client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().equals(c.answer())) {
          hits++;
        }
      }
      long rss = status(server.pid(), "VmRSS");
      long peak = status(server.pid(), "VmHWM");
      System.err.printf(
          Locale.ROOT,
          "  %d calls: listening after %.2f s, %d/2000 answered right, RSS %d MB, peak %d MB%n",
          count,
          seconds,
          hits,
          rss / 1024,
          peak / 1024);
      return new double[] {seconds, rss, peak, hits};
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private Load wrk(String base, String script, String time) throws Exception {
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c50",
                "-d" + time,
                "--latency",
                "-s",
                work.resolve(script).toString(),
                base)
            .redirectErrorStream(true)
            .start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    wrk.waitFor();
    return new Load(
        number(out, "Requests/sec:\\s+([0-9.]+)"),
        millis(out, "50%"),
        millis(out, "99%"),
        (long)
            (number(out, "Non-2xx or 3xx responses: ([0-9]+)")
                + number(out, "Socket errors: connect ([0-9]+)")));
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static double millis(String text, String percentile) {
    Matcher m = Pattern.compile(percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(text);
    if (!m.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }

  private static long status(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static void awaitListening(Process server, int port, long timeoutMillis)
      throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the server exited with " + server.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(10);
      }
    }
    throw new IllegalStateException("not listening on " + port);
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
