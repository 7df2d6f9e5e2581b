package dev.kubereplay.server.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The floor of an import: one pass of Jackson's streaming parser over the file, every token read,
 * nothing decoded or kept. Run as its own process by {@link ImportBenchmark}, like the import, so
 * both pay the same JVM start-up and warm-up. Prints {@code tokens=N millis=M}.
 */
public final class JacksonFloor {

  private JacksonFloor() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE - 16)
                    .maxDocumentLength(-1)
                    .build())
            .build();
    long tokens = 0;
    try (InputStream in = Files.newInputStream(Path.of(args[0]));
        JsonParser parser = factory.createParser(ObjectReadContext.empty(), in)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens++;
      }
    }
    System.out.println("tokens=" + tokens + " millis=" + (System.nanoTime() - start) / 1_000_000);
  }
}
