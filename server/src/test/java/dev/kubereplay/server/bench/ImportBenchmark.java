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
 *   <li>for information, the Jackson value pass: the same pass also decoding every string and
 *       number ({@code JacksonFloor --values}), what any import must at least do;
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
      String file,
      String flags,
      long entries,
      long bytes,
      Sample floor,
      Sample values,
      Sample kubereplay) {}

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
      List<Sample> valuePasses = new ArrayList<>();
      List<Sample> imports = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        List<String> floor = new ArrayList<>(List.of(java));
        floor.addAll(flags);
        floor.addAll(List.of("-cp", classpath, JacksonFloor.class.getName(), file.toString()));
        floors.add(run(new ProcessBuilder(floor), entries));
        List<String> values = new ArrayList<>(floor);
        values.add(values.size() - 1, "--values");
        valuePasses.add(run(new ProcessBuilder(values), entries));
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
            "  %s run %d: floor %.2f s, value pass %.2f s, import %.2f s, %d MB peak RSS%n",
            String.join(" ", flags),
            run + 1,
            floors.get(run).wallSeconds(),
            valuePasses.get(run).wallSeconds(),
            imports.get(run).wallSeconds(),
            imports.get(run).peakRssKb() / 1024);
      }
      rows.add(
          new Row(
              name,
              String.join(" ", flags),
              entries,
              bytes,
              median(floors),
              median(valuePasses),
              median(imports)));
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
                + " \"import itself\" is the time the import reports, start-up excluded. The floor is"
                + " one Jackson streaming pass that reads every token and decodes nothing; the value"
                + " pass, shown for information only, also decodes every string and number (what any"
                + " import must at least do). The goal is judged against the floor.\n\n");
    md.append(
        "| file | entries | size | JVM flags | Jackson floor (token pass) | Jackson value pass"
            + " (information) | `kubereplay import` | entries/s | import ÷ floor | import peak RSS"
            + " | floor peak RSS |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.0f MB | `%s` | %.2f s | %.2f s | %.2f s (import itself %.2f s) | %,.0f"
                  + " | %.2f× | %d MB | %d MB |%n",
              row.file(),
              row.entries(),
              row.bytes() / 1e6,
              row.flags(),
              row.floor().wallSeconds(),
              row.values().wallSeconds(),
              row.kubereplay().wallSeconds(),
              row.kubereplay().ownMillis() / 1000.0,
              row.entries() / row.kubereplay().wallSeconds(),
              row.kubereplay().wallSeconds() / row.floor().wallSeconds(),
              row.kubereplay().peakRssKb() / 1024,
              row.floor().peakRssKb() / 1024));
    }
    md.append(
            "\nGoals: ≥ 30,000 entries/s; within 2× of the floor; peak RSS ≤ 256 MB whatever the file"
                + " size. Run big imports with a bounded heap, e.g. `java -Xmx")
        .append(heap)
        .append(
            " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar kubereplay.jar import FILE`: with the"
                + " defaults, C2's compiler memory puts RSS at about 200–215 MB.\n\n");
    md.append(verdict(rows)).append("\n\n");
    md.append(PROSE);
    md.append(
        "Reproduce: `scripts/bench-import` (builds the jar, then runs"
            + " `dev.kubereplay.server.bench.ImportBenchmark --write docs/benchmarks.md`; the"
            + " generated files go to /tmp and are deleted afterwards).\n");
    return md.toString();
  }

  /**
   * How an import spends its time, from profiling this code (not regenerated by a run: update it
   * when the import changes).
   */
  private static final String PROSE =
      """
      How an import runs: the reading thread parses one entry at a time with Jackson's streaming \
      parser (bodies go from the parser's characters straight to UTF-8 bytes, base64 is decoded \
      from those bytes, timestamps are read from the characters), redacts the pair (a byte scan \
      lets JSON bodies that cannot hold a key to redact skip parsing) and hands pairs in batches \
      of 250 (at most 4 waiting) to a writer thread. The writer derives the rest of each row (path \
      template, header JSON as UTF-8 bytes, a 16-byte MurmurHash3 request signature) and inserts it, all \
      in one transaction (WAL, 16 KiB pages) committed at the end, so memory does not grow with \
      the file: the same RSS for 267 MB and 1 GB.

      Where the time goes (profiled 2026-11-25 in separate runs on this machine at load ≈ 1.3, \
      flags `-Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1`, thread CPU times and timers \
      added for the purpose; before → after this round of work):

      | | 100k.har before | 100k.har after | 1g.har before | 1g.har after |
      |---|---|---|---|---|
      | whole process | 2.74 s | 1.88 s | 9.1 s | 5.9 s |
      | start-up until the first entry | 0.35 s | 0.35 s | 0.36 s | 0.36 s |
      | reading thread (parse, decode, redact) | 2.04 s (CPU 1.89) | 1.19 s (CPU 1.12) | 7.5 s (CPU 7.1) | 4.4 s (CPU 4.2) |
      | writer thread busy (rows, SQLite) / idle | 0.80 / 1.25 s | 0.85 / 0.33 s | 3.0 / 4.6 s | 3.2 / 1.2 s |
      | commit (checkpoint of the WAL into the database, two fsyncs) | 0.29 s | 0.27 s | 1.0 s | 0.97 s |
      | closing (deleting the WAL) | 0.05 s | 0.05 s | 0.20 s | 0.19 s |
      | young GC pauses | 28, 117 ms | 18, 40 ms | 110, 342 ms | 70, 85 ms |

      The reading thread is now mostly Jackson itself: the value pass takes about 0.65 s (its \
      process less the JVM's start) of the thread's 1.1 s of CPU per 100,000 entries; the rest is UTF-8 encoding of bodies, base64, redaction (of which \
      the JSON key scan is the largest part) and building the pair. The writer's 1.0 s of CPU is \
      about a quarter Java (deriving rows, sqlite-jdbc binding 22 parameters per row over JNI), a \
      third SQLite, a third the kernel writing the WAL. Both threads are busy about equally: the \
      import is CPU-bound on two cores.

      What helped, measured one at a time (CPU of the reading path per 100,000 entries, or wall \
      time of the import):
      - Bodies from the parser's characters to UTF-8 bytes without a String, base64 decoded from \
      those bytes, ISO timestamps read directly instead of `OffsetDateTime.parse` (9 % of the \
      reading thread on its own): parsing and converting 1.23 → 1.03 s.
      - The signature: SHA-256 → MurmurHash3 x64 128. Under C1 SHA-256 runs without its \
      intrinsics: 0.18 s per 100,000 pairs (9.5 % of the reading thread) against 0.03 s. \
      The signature is now the request signature a mock is matched on (query fields in any order, \
      JSON bodies by meaning), still MurmurHash3: 0.03 → about 0.2 s of the writer thread's CPU \
      per 100,000 pairs under C1; schema 4 re-keyed rows stored earlier.
      - Header JSON written as UTF-8 bytes instead of char by char into a StringBuilder (12 % of \
      the reading thread), bound as a blob cast to TEXT: the column holds the same text.
      - The JSON key scan dispatches on the byte after each quote instead of comparing all seven \
      default keys at every quote: 0.21 → 0.08 s per 100,000 pairs. It now also sends bodies \
      with a `\\u` escape to the parser: a key spelled with escapes was not redacted before.
      - Deriving rows (template, header JSON, signature, tags) on the writer thread, which by \
      then was idle 0.6 s of 2.15: 2.15 → 2.00 s, the two threads about equally busy.
      - Batches of 250 instead of 1,000: less live data at each young collection, pauses 85 → \
      35 ms, 2.00 → 1.90 s.
      - Reading the file through a 128 KiB buffer (Jackson asks for 8,000 bytes at a time) and \
      not allocating for `http(s)://` schemes: −0.05 s of CPU.

      Why 2× is out of reach here: it allows 1.1 s for 100k.har, but start-up (0.35 s: the JVM and \
      picocli building every command ~0.21 s, opening the store ~0.13 s, sqlite-jdbc extracting \
      its native library on every run among it) and the commit with its checkpoint (0.32 s with \
      closing) leave about 0.43 s for the entries, less than the floor's own parse (about 0.5 s \
      of its 0.55 s). For 1g.har 2× allows 3.8 s; start-up, commit and closing take 1.5 s, \
      leaving 2.3 s, less than decoding the file's values alone takes (the value pass, 2.4 s). \
      Even free redaction and free SQLite would not meet 2× without a shorter start-up, a \
      cheaper checkpoint, or a different floor. This run's table says how close the import gets.

      Tried and rejected:
      - A third stage (redaction and rows on a thread of their own), tried earlier: on two shared \
      cores it did not shorten imports and held more batches in memory (RSS up by ~90 MB). The \
      two threads are now about equally busy, so a third cannot help on two cores.
      - Sharing repeated header names and values through a small cache: no gain for names, \
      +0.1 s for values (hashing and comparing cost as much as allocating under C1). Caching \
      header JSON fragments on the writer: −0.01 s. An unrolled ASCII loop, Jackson's \
      `nextName()`: no gain.
      - `cache_size` from 2 to 64 MB: the same times (±0.02 s); 16 MB kept.
      - `synchronous=OFF` on the import connection: commit and closing 0.34 → 0.17 s (100k), \
      1.26 → 0.67 s (1 GB), the checkpoint's fsyncs (with WAL the transaction itself is never synced). A \
      power loss during that checkpoint could corrupt the whole recordings database, not just \
      this import.
      - Dropping the browse index: −0.15 s of writer CPU per 100,000 pairs, no shorter import \
      while the reading thread was the bottleneck; it serves the endpoint and pair queries, so \
      no migration changes it.
      - 64 KiB pages (set when a database is created, in `TrafficStore`): commit 0.30 → 0.20 s, \
      writer −0.15 s of CPU, import 2.00 → 1.93 s (32 KiB: 1.96 s; 4 KiB: 2.3 s). Not changed \
      here: larger pages make small, frequent commits (desktop recordings) write more.

      """;

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
      text =
          text.substring(0, start)
              + section.stripTrailing()
              + (end < 0 ? "\n" : "\n\n" + text.substring(end + 1));
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
