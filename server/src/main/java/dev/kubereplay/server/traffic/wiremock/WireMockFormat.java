package dev.kubereplay.server.traffic.wiremock;

import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.TrafficFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * WireMock stub mappings become {@code OUT} pairs (a stub is a dependency's answer). Reads a single
 * mapping file, a file of {@code {"mappings": [...]}}, or a folder as WireMock keeps it: {@code
 * mappings/} with {@code *.json} files and {@code __files/} with the bodies named by {@code
 * bodyFileName} (or the mappings folder itself). A mapping does not say which host it stands for:
 * the host is the mapping's own {@code host} matcher when it has one, else the one host given with
 * {@code --outbound-host}, else {@value #DEFAULT_HOST}.
 */
public final class WireMockFormat implements TrafficFormat {

  /** The host of pairs from mappings that name none. */
  public static final String DEFAULT_HOST = "wiremock";

  private static final int SNIFF_BYTES = 8192;

  /** Keys of HAR, Postman and Speedscale files, which also have requests and URLs. */
  private static final List<String> OTHER_FORMATS =
      List.of("\"log\"", "\"entries\"", "\"_postman_id\"", "\"item\"", "\"msgType\"");

  /** Keys only a stub mapping has. */
  private static final List<String> STUB_KEYS =
      List.of(
          "\"urlPath",
          "\"urlPattern\"",
          "\"bodyPatterns\"",
          "\"equalTo",
          "\"jsonBody\"",
          "\"bodyFileName\"",
          "\"base64Body\"",
          "\"fixedDelayMilliseconds\"");

  @Override
  public String name() {
    return "wiremock";
  }

  @Override
  public boolean recognizes(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      // a folder of mappings is WireMock's own layout; no other format reads folders
      return Files.isDirectory(path.resolve("mappings"))
          && !jsonFiles(path.resolve("mappings"), path.resolve("__files")).isEmpty();
    }
    if (!Files.isRegularFile(path)) {
      return false;
    }
    String head;
    try (InputStream in = Files.newInputStream(path)) {
      head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
    }
    head = head.replaceFirst("^\uFEFF", "").stripLeading();
    if (!head.startsWith("{") || OTHER_FORMATS.stream().anyMatch(head::contains)) {
      return false;
    }
    return head.contains("\"mappings\"")
        || (head.contains("\"request\"")
            && (head.contains("\"response\"") || STUB_KEYS.stream().anyMatch(head::contains)));
  }

  @Override
  public void read(Path path, ImportOptions options, PairSink sink, Cancellation cancelled)
      throws IOException {
    String host =
        options.outboundHosts().size() == 1
            ? options.outboundHosts().iterator().next()
            : DEFAULT_HOST;
    if (Files.isDirectory(path)) {
      Layout layout = Layout.of(path);
      List<Path> files = jsonFiles(layout.mappings(), layout.files());
      if (files.isEmpty()) {
        throw new ImportException(
            path, "", "no stub mappings: no *.json files in " + layout.mappings());
      }
      for (Path file : files) {
        String name = layout.root().relativize(file).toString().replace('\\', '/');
        new MappingFile(file, name, layout.files(), host, options, sink, cancelled).read();
      }
    } else {
      Path files = Layout.of(path.toAbsolutePath().getParent()).files();
      new MappingFile(path, null, files, host, options, sink, cancelled).read();
    }
  }

  /** The mapping files of a folder, bodies left out, in name order so imports are repeatable. */
  private static List<Path> jsonFiles(Path mappings, Path bodies) throws IOException {
    try (Stream<Path> walk = Files.walk(mappings)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(bodies))
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
          .sorted()
          .toList();
    }
  }

  /**
   * Where a WireMock folder keeps things: the given folder holds {@code mappings/} and {@code
   * __files/}, or is itself the folder of mappings, with {@code __files/} in it or beside it.
   */
  record Layout(Path root, Path mappings, Path files) {
    static Layout of(Path folder) {
      Path absolute = folder.toAbsolutePath();
      if (Files.isDirectory(absolute.resolve("mappings"))) {
        return new Layout(absolute, absolute.resolve("mappings"), absolute.resolve("__files"));
      }
      Path parent = absolute.getParent();
      if (Files.isDirectory(absolute.resolve("__files")) || parent == null) {
        return new Layout(absolute, absolute, absolute.resolve("__files"));
      }
      return new Layout(parent, absolute, parent.resolve("__files"));
    }
  }
}
