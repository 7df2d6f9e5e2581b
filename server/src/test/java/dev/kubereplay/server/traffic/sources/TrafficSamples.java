package dev.kubereplay.server.traffic.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample recordings under {@code traffic/} in test-fixtures, copied into a test's folder, so
 * the formats read real files whether test-fixtures is a folder or a jar on the class path.
 */
public final class TrafficSamples {

  private TrafficSamples() {}

  /**
   * Copies {@code traffic/<name>} (a file or a folder) into {@code directory} and answers the copy.
   */
  public static Path copy(Path directory, String name) {
    URL url = TrafficSamples.class.getResource("/traffic/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no traffic sample named " + name);
    }
    try {
      URI uri = url.toURI();
      Path target = directory.resolve(Path.of(name).getFileName().toString());
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          copyTree(jar.provider().getPath(uri), target);
        }
      } else {
        copyTree(Path.of(uri), target);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path to = target;
        for (Path part : source.relativize(path)) {
          to = to.resolve(part.toString());
        }
        if (Files.isDirectory(path)) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
