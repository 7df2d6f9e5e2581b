package dev.kubereplay.server.traffic;

import dev.kubereplay.server.traffic.har.HarFormat;
import dev.kubereplay.server.traffic.har.HarWriter;
import dev.kubereplay.server.traffic.jsonl.JsonlFormat;
import dev.kubereplay.server.traffic.jsonl.JsonlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The formats kubereplay imports and exports, by name. HAR and JSONL are built in; every other
 * {@link TrafficFormat} on the class path registered in {@code
 * META-INF/services/dev.kubereplay.server.traffic.TrafficFormat} (Postman, WireMock, Speedscale) is
 * picked up too. Without {@code --format}, the format is guessed from the file's content.
 */
public final class TrafficFormats {

  private final Map<String, TrafficFormat> imports = new LinkedHashMap<>();
  private final Map<String, Supplier<PairWriter>> exports = new LinkedHashMap<>();

  private TrafficFormats() {}

  /** The built-in formats plus those registered as services. */
  public static TrafficFormats load() {
    TrafficFormats formats = new TrafficFormats();
    Iterator<TrafficFormat> registered =
        ServiceLoader.load(TrafficFormat.class, TrafficFormats.class.getClassLoader()).iterator();
    while (true) {
      try {
        if (!registered.hasNext()) {
          break;
        }
        TrafficFormat format = registered.next();
        formats.imports.putIfAbsent(format.name(), format);
      } catch (ServiceConfigurationError missing) {
        // a format listed but not in this build: the others still load
      }
    }
    formats.imports.putIfAbsent("har", new HarFormat());
    formats.imports.putIfAbsent("jsonl", new JsonlFormat());
    formats.exports.put("jsonl", JsonlWriter::new);
    formats.exports.put("har", HarWriter::new);
    return formats;
  }

  /** The names {@code --format} accepts for import. */
  public List<String> importNames() {
    return List.copyOf(imports.keySet());
  }

  /** The names {@code --format} accepts for export. */
  public List<String> exportNames() {
    return List.copyOf(exports.keySet());
  }

  public Optional<TrafficFormat> byName(String name) {
    return Optional.ofNullable(imports.get(name.toLowerCase(Locale.ROOT)));
  }

  /** A new writer of the named export format. */
  public Optional<PairWriter> writer(String name) {
    Supplier<PairWriter> writer = exports.get(name.toLowerCase(Locale.ROOT));
    return writer == null ? Optional.empty() : Optional.of(writer.get());
  }

  /**
   * The named format, or the one that recognizes the file's content.
   *
   * @throws TrafficException when the name is unknown
   * @throws ImportException when no format recognizes the file (or it cannot be read)
   */
  public TrafficFormat choose(Path file, String name) {
    if (name != null && !name.isBlank()) {
      return byName(name)
          .orElseThrow(
              () ->
                  new TrafficException(
                      TrafficException.Reason.INVALID,
                      name,
                      "unknown format '" + name + "'; known: " + String.join(", ", importNames())));
    }
    if (JsonFiles.isStream(file)) {
      // guessing reads the start of the file once per format: a pipe can be read only once
      throw new ImportException(
          file, "", "cannot tell the format of a pipe or device; name it with --format");
    }
    if (!Files.isDirectory(file)) {
      JsonFiles.open(file).close(); // missing, unreadable, empty: say so before guessing
    }
    List<String> tried = new ArrayList<>();
    for (TrafficFormat format : imports.values()) {
      try {
        if (format.recognizes(file)) {
          return format;
        }
      } catch (IOException | RuntimeException e) {
        // a format that cannot tell is a format that does not recognize it
      }
      tried.add(format.name());
    }
    if (Files.isDirectory(file)) {
      throw new ImportException(file, "", "cannot read: is a directory");
    }
    throw new ImportException(
        file,
        "",
        "cannot tell its format (tried " + String.join(", ", tried) + "); name it with --format");
  }
}
