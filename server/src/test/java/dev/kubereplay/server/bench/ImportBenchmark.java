package dev.kubereplay.server.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kubereplay.fixtures.traffic.HarGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The recording-import benchmark (not a test): generates synthetic HARs (100,000 entries, and about
 * 1 GB), then, in the same run, measures for each file
 *
 * <ul>
 *   <li>the floor: {@link JacksonFloor}, one Jackson streaming token pass, as its own JVM;
 *   <li>{@code kubereplay import}: {@code java -Xmx160m -jar kubereplay.jar import FILE} as its own
 *       process with a fresh data directory: wall time, entries/s, and peak RSS (VmHWM from
 *       /proc/PID/status, polled until it exits).
 * </ul>
 *
 * Each is run {@code --runs} times; the median is reported. With {@code --write FILE} the results
 * replace the "Recording import" section of that Markdown file. Generated files go under {@code
 * --work} (default /tmp) and are deleted afterwards. Run it with {@code scripts/bench-import}.
 */
public final class ImportBenchmark {

  private record Sample(
      double wallSeconds, long peakRssKb, long entries, long pairs, long ownMillis) {}

  private record Row(
      String file, String flags, long entries, long bytes, Sample floor, Sample kubereplay) {}

  /**
   * The JVM flags each command runs with: a bounded heap alone (G1 and tiered JIT, the JVM's
   * defaults), and the flags recommended for an import: the serial collector (no concurrent GC
   * threads) and C1-only JIT (C2's compilations cost CPU and tens of MB of RSS, and an import of
   * even 1 GB is over before they pay off).
   */
  private static final List<String> CONFIGURATIONS =
      List.of("-Xmx%s", "-Xmx%s -XX:+UseSerialGC -XX:TieredStopAtLevel=1");

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of("server/target/kubereplay.jar");
    Path work = Path.of("/tmp");
    Path write = null;
    String heap = "160m";
    int runs = 3;
    boolean big = true;
    long entries = 100_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jar" -> jar = Path.of(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--write" -> write = Path.of(args[++i]);
        case "--heap" -> heap = args[++i];
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--entries" -> entries = Long.parseLong(args[++i]);
        case "--no-1g" -> big = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String machine = machine(); // the load average before the benchmark adds its own
    Path dir = Files.createTempDirectory(work, "kubereplay-bench-");
    List<Row> rows = new ArrayList<>();
    try {
      rows.addAll(measure(dir, "100k.har", entries, Long.MAX_VALUE, jar, heap, runs));
      if (big) {
        rows.addAll(measure(dir, "1g.har", Long.MAX_VALUE, 1L << 30, jar, heap, runs));
      }
    } finally {
      delete(dir);
    }
    String markdown = markdown(rows, heap, runs, machine);
    System.out.println(markdown);
    if (write != null) {
      writeSection(write, markdown);
      System.out.println("written to " + write);
    }
  }

  private static List<Row> measure(
      Path dir, String name, long maxEntries, long maxBytes, Path jar, String heap, int runs)
      throws Exception {
    Path file = dir.resolve(name);
    long entries = new HarGenerator(42).write(file, maxEntries, maxBytes);
    long bytes = Files.size(file);
    System.err.printf(Locale.ROOT, "%s: %d entries, %d bytes%n", name, entries, bytes);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    List<Row> rows = new ArrayList<>();
    for (String configuration : CONFIGURATIONS) {
      List<String> flags = List.of(configuration.formatted(heap).split(" "));
      List<Sample> floors = new ArrayList<>();
      List<Sample> imports = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        List<String> floor = new ArrayList<>(List.of(java));
        floor.addAll(flags);
        floor.addAll(List.of("-cp", classpath, JacksonFloor.class.getName(), file.toString()));
        floors.add(run(new ProcessBuilder(floor), entries));
        Path data = dir.resolve("data-" + run);
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(flags);
        command.addAll(List.of("-jar", jar.toString(), "import", file.toString(), "-o", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KUBEREPLAY_HOME", data.toString());
        imports.add(run(builder, entries));
        delete(data);
        System.err.printf(
            Locale.ROOT,
            "  %s run %d: floor %.2f s, import %.2f s, %d MB peak RSS%n",
            String.join(" ", flags),
            run + 1,
            floors.get(run).wallSeconds(),
            imports.get(run).wallSeconds(),
            imports.get(run).peakRssKb() / 1024);
      }
      rows.add(
          new Row(name, String.join(" ", flags), entries, bytes, median(floors), median(imports)));
    }
    Files.delete(file);
    return rows;
  }

  /** Runs a process to its end, polling its peak RSS; parses an import report if it prints one. */
  private static Sample run(ProcessBuilder builder, long entries) throws Exception {
    Path output = Files.createTempFile("kubereplay-bench", ".out");
    builder.redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
    long start = System.nanoTime();
    Process process = builder.start();
    Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
    long peak = 0;
    while (process.isAlive()) {
      peak = Math.max(peak, vmHwm(status));
      Thread.sleep(10);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", builder.command()) + " exited " + process.exitValue() + ": " + printed);
    }
    long pairs = entries;
    long own = -1;
    if (printed.startsWith("{")) {
      JsonObject report = JsonParser.parseString(printed).getAsJsonObject();
      JsonObject snapshot = report.getAsJsonObject("snapshot");
      pairs = snapshot.get("inCount").getAsLong() + snapshot.get("outCount").getAsLong();
      own = report.get("elapsedMillis").getAsLong();
      if (pairs + report.get("skippedCount").getAsLong() != entries) {
        throw new IllegalStateException("the import counted " + printed + " of " + entries);
      }
    } else if (printed.contains("millis=")) {
      own = Long.parseLong(printed.substring(printed.indexOf("millis=") + 7).strip());
    }
    return new Sample(wall, peak, entries, pairs, own);
  }

  private static long vmHwm(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process just ended
    }
    return 0;
  }

  private static Sample median(List<Sample> samples) {
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort(Comparator.comparingDouble(Sample::wallSeconds));
    return sorted.get(sorted.size() / 2);
  }

  static String markdown(List<Row> rows, String heap, int runs, String machine) {
    StringBuilder md = new StringBuilder();
    md.append("## Recording import\n\n");
    md.append("Measured ").append(LocalDate.now()).append(" on ").append(machine);
    md.append(
        ". The machine is shared with other builds, so runs vary by ±30 % or more; compare rows"
            + " of the same run.\n\n");
    md.append(
            "Synthetic HAR 1.2 files from `HarGenerator` (test-fixtures): browser-like API traffic,"
                + " ~10 headers per message, JSON bodies of 0.1–1.3 KiB, one entry in 20 a base64 PNG,"
                + " one in 50 a WebSocket upgrade (skipped). Each row is the median of ")
        .append(runs)
        .append(
            " runs; every command is its own JVM with the flags shown, so the floor and the import"
                + " pay the same start-up and JIT warm-up. Wall times are of the whole process;"
                + " \"import itself\" is the time the import reports, start-up excluded.\n\n");
    md.append(
        "| file | entries | size | JVM flags | Jackson floor (token pass) | `kubereplay import`"
            + " | entries/s | import ÷ floor | import peak RSS | floor peak RSS |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.0f MB | `%s` | %.2f s | %.2f s (import itself %.2f s) | %,.0f | %.2f×"
                  + " | %d MB | %d MB |%n",
              row.file(),
              row.entries(),
              row.bytes() / 1e6,
              row.flags(),
              row.floor().wallSeconds(),
              row.kubereplay().wallSeconds(),
              row.kubereplay().ownMillis() / 1000.0,
              row.entries() / row.kubereplay().wallSeconds(),
              row.kubereplay().wallSeconds() / row.floor().wallSeconds(),
              row.kubereplay().peakRssKb() / 1024,
              row.floor().peakRssKb() / 1024));
    }
    md.append(
            "\nGoals: ≥ 30,000 entries/s; within 2× of the floor; peak RSS ≤ 256 MB whatever the file"
                + " size. An import streams: one entry is parsed at a time, pairs are redacted,"
                + " signed (SHA-256) and written by a second thread in batches of 1,000 inside one"
                + " transaction (WAL, 16 KiB pages), so its memory does not grow with the file. Run"
                + " big imports with a bounded heap, e.g. `java -Xmx")
        .append(heap)
        .append(
            " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar kubereplay.jar import FILE`: with the"
                + " defaults, C2's compiler memory puts RSS at 220–260 MB, near the limit.\n\n");
    md.append(verdict(rows)).append("\n\n");
    md.append(
        "Where the time goes: the floor only tokenizes; it decodes no string and keeps nothing. An"
            + " import decodes every header and body (base64 too), redacts, hashes, encodes headers"
            + " as JSON, and SQLite writes every byte twice (into the WAL, then the checkpoint"
            + " copies it into the database file at commit): several times the floor's CPU. Timing"
            + " the two threads of a 100,000-entry import (2.6 s) showed the reading thread as the"
            + " bottleneck (parse, decode, redact, prepare: ~2.2 s, waiting 0.07 s for the writer)"
            + " while the SQLite thread was busy ~1.9 s (batches 1.5 s, commit 0.4 s) and waited"
            + " 0.7 s for rows. A third stage (redaction and row preparation on a thread of their own)"
            + " was tried: on two shared cores it did not shorten imports and held more batches in"
            + " memory (RSS up by ~90 MB), so it was left out. Next candidates toward the 2× goal:"
            + " decoding bodies straight to UTF-8 bytes instead of through Strings, and cheaper"
            + " timestamp parsing.\n\n");
    md.append(
        "Reproduce: `scripts/bench-import` (builds the jar, then runs"
            + " `dev.kubereplay.server.bench.ImportBenchmark --write docs/benchmarks.md`; the"
            + " generated files go to /tmp and are deleted afterwards).\n");
    return md.toString();
  }

  /** Which goals each row meets, counted over the rows. */
  private static String verdict(List<Row> rows) {
    long fast =
        rows.stream().filter(r -> r.entries() / r.kubereplay().wallSeconds() >= 30_000).count();
    long close =
        rows.stream()
            .filter(r -> r.kubereplay().wallSeconds() <= 2 * r.floor().wallSeconds())
            .count();
    long small = rows.stream().filter(r -> r.kubereplay().peakRssKb() <= 256 * 1024).count();
    return String.format(
        Locale.ROOT,
        "In this run: ≥ 30,000 entries/s in %d of %d rows; within 2× of the floor in %d of %d;"
            + " peak RSS ≤ 256 MB in %d of %d.",
        fast,
        rows.size(),
        close,
        rows.size(),
        small,
        rows.size());
  }

  private static String machine() throws IOException {
    int cpus = Runtime.getRuntime().availableProcessors();
    String model = "unknown CPU";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        model = line.substring(line.indexOf(':') + 1).strip();
        break;
      }
    }
    long memKb = 0;
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    return String.format(
        Locale.ROOT,
        "%d vCPU (nproc) %s, %.0f GiB RAM, Java %s (load average %s at the start)",
        cpus,
        model,
        memKb / 1024.0 / 1024.0,
        System.getProperty("java.version"),
        load);
  }

  /** Replaces (or appends) the "## Recording import" section, leaving other sections alone. */
  static void writeSection(Path file, String section) throws IOException {
    String text =
        Files.exists(file)
            ? Files.readString(file, StandardCharsets.UTF_8)
            : "# Benchmarks\n\nNumbers measured by the project's benchmark commands, each beside a"
                + " peer measured in the same run.\n";
    int start = text.indexOf("## Recording import");
    if (start < 0) {
      text = text.stripTrailing() + "\n\n" + section;
    } else {
      int end = text.indexOf("\n## ", start + 3);
      text = text.substring(0, start) + section + (end < 0 ? "" : text.substring(end + 1));
    }
    Files.writeString(file, text.stripTrailing() + "\n", StandardCharsets.UTF_8);
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
