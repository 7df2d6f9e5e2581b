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
 *
 * <p>With {@code --values}, the same pass also reads every value: each string is decoded (into the
 * parser's character buffer, without making a String) and each number parsed. That is what any
 * import must at least do, so it is shown beside the floor, for information; the goal is measured
 * against the token pass.
 */
public final class JacksonFloor {

  private JacksonFloor() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    boolean values = args[0].equals("--values");
    Path file = Path.of(args[values ? 1 : 0]);
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE - 16)
                    .maxDocumentLength(-1)
                    .build())
            .build();
    long tokens = 0;
    long read = 0;
    try (InputStream in = Files.newInputStream(file);
        JsonParser parser = factory.createParser(ObjectReadContext.empty(), in)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens++;
        if (values) {
          if (token == JsonToken.VALUE_STRING) {
            parser.getStringCharacters();
            read += parser.getStringLength();
          } else if (token.isNumeric()) {
            read += parser.getNumberValue().intValue() & 1;
          }
        }
      }
    }
    System.out.println(
        "tokens="
            + tokens
            + (values ? " read=" + read : "")
            + " millis="
            + (System.nanoTime() - start) / 1_000_000);
  }
}
