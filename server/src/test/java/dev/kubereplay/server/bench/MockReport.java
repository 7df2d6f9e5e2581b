package dev.kubereplay.server.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The "Mocks" section of docs/benchmarks.md, from the samples of {@link MockBenchmark}. */
final class MockReport {

  private MockReport() {}

  static String machine() throws IOException, InterruptedException {
    Process java = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
    String version = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    java.waitFor();
    Process free = new ProcessBuilder("free", "-h").redirectErrorStream(true).start();
    String memory = new String(free.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    free.waitFor();
    String total = memory.lines().filter(l -> l.startsWith("Mem:")).findFirst().orElse("Mem: ?");
    String model = "unknown CPU";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        model = line.substring(line.indexOf(':') + 1).strip();
        break;
      }
    }
    return String.format(
        Locale.ROOT,
        "%d cores (nproc) %s, %s RAM (free -h), %s; load average %s at the start",
        Runtime.getRuntime().availableProcessors(),
        model,
        total.split("\\s+")[1],
        version.lines().findFirst().orElse("java ?"),
        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }

  static String section(
      String machine,
      String loadAtEnd,
      String date,
      String[] servers,
      List<MockBenchmark.Sample[]> samples,
      List<double[]> loads,
      int large) {
    StringBuilder md = new StringBuilder("## Mocks\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "`scripts/bench-mocks`, measured %s on %s and %s at the end. The same 1,000 recorded"
                + " calls (half GETs with a query string, a quarter JSON POSTs to one URL, a quarter"
                + " look-alike JSON POSTs to another told apart by body alone; answers of about 160"
                + " bytes of JSON) imported with `kubereplay import` and served by `kubereplay mock`"
                + " (`java %s -jar kubereplay.jar mock`: the options of the distribution's launcher,"
                + " bin/kubereplay, without its class-data archive), by WireMock standalone 3.13.2 (`java"
                + " -jar wiremock-standalone-3.13.2.jar --no-request-journal"
                + " --disable-request-logging`, the calls as stubs matching method, path, each query"
                + " parameter and `equalToJson` bodies) and by a bare Jetty 12 handler that answers"
                + " every request with one fixed body (`BareJettyMock`, the launcher's options: the"
                + " library's limit on this machine). Each server is its own process, started,"
                + " warmed up (10 s; WireMock 30 s), then loaded with `wrk -t2 -c50 -d10s --latency`"
                + " cycling through the recorded GETs, then the recorded POSTs; RSS (VmRSS) after"
                + " the load. wrk runs on the same two cores. Medians of %d runs; all runs listed"
                + " below the table.%n%n",
            date,
            machine,
            loadAtEnd,
            String.join(" ", MockBenchmark.LAUNCHER),
            samples.size()));
    md.append("| server | GET req/s | GET p50 | GET p99 | POST req/s | POST p50 | POST p99 |")
        .append(" RSS | ÷ bare Jetty (GET, POST) | errors |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    double bareGet = median(samples, 2, s -> s.get().requestsPerSecond());
    double barePost = median(samples, 2, s -> s.post().requestsPerSecond());
    for (int i = 0; i < servers.length; i++) {
      double get = median(samples, i, s -> s.get().requestsPerSecond());
      double post = median(samples, i, s -> s.post().requestsPerSecond());
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %.2f ms | %.2f ms | %,.0f | %.2f ms | %.2f ms | %.0f MB | %.0f %%,"
                  + " %.0f %% | %.0f |%n",
              servers[i],
              get,
              median(samples, i, s -> s.get().p50Millis()),
              median(samples, i, s -> s.get().p99Millis()),
              post,
              median(samples, i, s -> s.post().p50Millis()),
              median(samples, i, s -> s.post().p99Millis()),
              median(samples, i, s -> s.rssKb() / 1024.0),
              100 * get / bareGet,
              100 * post / barePost,
              median(samples, i, s -> s.get().errors() + s.post().errors())));
    }
    double p99 =
        Math.max(
            median(samples, 0, s -> s.get().p99Millis()),
            median(samples, 0, s -> s.post().p99Millis()));
    double wiremockP99 =
        Math.min(
            median(samples, 1, s -> s.get().p99Millis()),
            median(samples, 1, s -> s.post().p99Millis()));
    md.append(
        String.format(
            Locale.ROOT,
            "%nGoals (issue 8) in this run: ≥ 80 %% of the bare handler's requests/s: %s; p99 below"
                + " WireMock's: %s; the mocks at %.0f× (GET) and %.0f× (POST) WireMock's requests/s.%n",
            Math.min(
                        median(samples, 0, s -> s.get().requestsPerSecond()) / bareGet,
                        median(samples, 0, s -> s.post().requestsPerSecond()) / barePost)
                    >= 0.8
                ? "met"
                : "not met",
            p99 < wiremockP99 ? "met" : "not met",
            median(samples, 0, s -> s.get().requestsPerSecond())
                / median(samples, 1, s -> s.get().requestsPerSecond()),
            median(samples, 0, s -> s.post().requestsPerSecond())
                / median(samples, 1, s -> s.post().requestsPerSecond())));
    md.append("\nAll runs (GET req/s, POST req/s):");
    for (int i = 0; i < servers.length; i++) {
      md.append(' ').append(servers[i]).append(' ');
      List<String> runs = new ArrayList<>();
      for (MockBenchmark.Sample[] run : samples) {
        runs.add(
            String.format(
                Locale.ROOT,
                "%.0f/%.0f",
                run[i].get().requestsPerSecond(),
                run[i].post().requestsPerSecond()));
      }
      md.append(String.join(", ", runs)).append(i + 1 < servers.length ? ";" : ".\n\n");
    }
    md.append(
        String.format(
            Locale.ROOT,
            "Loading %,d recorded calls (the same mix, imported once), `kubereplay mock` with the"
                + " launcher's options, medians of %d runs:%n%n",
            large,
            loads.size()));
    md.append("| measure | kubereplay mock | goal |\n|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| from process start until the port accepts connections | %.2f s (runs: %s) | seconds |%n",
            medianOf(loads, 0),
            runs(loads, 0, 1, "%.2f")));
    md.append(
        String.format(
            Locale.ROOT,
            "| RSS after answering 2,000 of them (VmRSS) | %.0f MB | ≤ 512 MB |%n",
            medianOf(loads, 1) / 1024));
    md.append(
        String.format(
            Locale.ROOT,
            "| peak RSS (VmHWM) | %.0f MB | ≤ 512 MB |%n| answered with the recorded body | %.0f of 2,000 | all |%n",
            medianOf(loads, 2) / 1024,
            medianOf(loads, 3)));
    return md.toString();
  }

  private static double median(
      List<MockBenchmark.Sample[]> samples, int server, ToDoubleFunction<MockBenchmark.Sample> f) {
    double[] values = samples.stream().mapToDouble(run -> f.applyAsDouble(run[server])).toArray();
    Arrays.sort(values);
    return values[values.length / 2];
  }

  private static double medianOf(List<double[]> loads, int index) {
    double[] values = loads.stream().mapToDouble(l -> l[index]).toArray();
    Arrays.sort(values);
    return values[values.length / 2];
  }

  private static String runs(List<double[]> loads, int index, double scale, String format) {
    List<String> all = new ArrayList<>();
    for (double[] load : loads) {
      all.add(String.format(Locale.ROOT, format, load[index] / scale));
    }
    return String.join(", ", all);
  }

  /** Replaces (or appends) the "## Mocks" section, leaving the others alone. */
  static void writeSection(Path file, String section) throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    int start = text.indexOf("\n## Mocks\n");
    String marker = "<!-- analysis -->";
    if (start < 0) {
      text = text.stripTrailing() + "\n\n" + section + "\n" + marker + "\n";
    } else {
      int end = text.indexOf(marker, start);
      if (end < 0) {
        int next = text.indexOf("\n## ", start + 1);
        end = next < 0 ? text.length() : next;
      }
      text = text.substring(0, start + 1) + section + "\n" + text.substring(end);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
