package dev.kubereplay.server.traffic;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * Jackson streaming for traffic files: parsers whose string limit follows the body size limit (so
 * an oversized body fails before it is held in memory), and Jackson's failures turned into {@link
 * ImportException}s that name the file, the line and the column.
 */
public final class JsonFiles {

  private static final JsonFactory WRITE_FACTORY = JsonFactory.builder().build();
  private static final JsonFactory LINES_FACTORY =
      JsonFactory.builder().rootValueSeparator("\n").build();

  private JsonFiles() {}

  /** A factory whose longest string fits a body of {@code maxBodyBytes} encoded as base64. */
  public static JsonFactory factory(long maxBodyBytes) {
    long base64 = maxBodyBytes / 3 * 4 + 1024;
    int limit = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(base64, 1_000_000));
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(limit)
                .maxDocumentLength(-1)
                .maxNestingDepth(2000)
                .build())
        .build();
  }

  /** A generator writing UTF-8 JSON to {@code out}. */
  public static JsonGenerator generator(java.io.OutputStream out) {
    return WRITE_FACTORY.createGenerator(ObjectWriteContext.empty(), out);
  }

  /** A generator writing one JSON value per line (JSON Lines) to {@code out}. */
  public static JsonGenerator lineGenerator(java.io.OutputStream out) {
    return LINES_FACTORY.createGenerator(ObjectWriteContext.empty(), out);
  }

  /** A parser over a byte array (a body, a header column). */
  public static JsonParser parser(byte[] json) {
    return WRITE_FACTORY.createParser(ObjectReadContext.empty(), json);
  }

  /** A parser over a string. */
  public static JsonParser parser(String json) {
    return WRITE_FACTORY.createParser(ObjectReadContext.empty(), json);
  }

  /**
   * Opens a source file for reading, failing with one clear line when it cannot be read: missing, a
   * directory, not permitted, empty. A stream that is not a regular file (a named pipe, {@code
   * /dev/stdin}, a shell's process substitution) is read as it comes, with an unknown total ({@code
   * -1}).
   */
  public static CountingInput open(Path file) {
    if (Files.isDirectory(file)) {
      throw new ImportException(file, "", "cannot read: is a directory");
    }
    try {
      long size = isStream(file) ? -1 : Files.size(file);
      if (size == 0) {
        throw new ImportException(file, "", "empty file");
      }
      // Jackson reads 8,000 bytes at a time: buffer more, for fewer system calls
      // Files.newInputStream's available() seeks, which a pipe refuses ("Illegal seek")
      InputStream raw =
          size < 0 ? new java.io.FileInputStream(file.toFile()) : Files.newInputStream(file);
      return new CountingInput(new BufferedInputStream(raw, 1 << 17), size);
    } catch (NoSuchFileException e) {
      throw new ImportException(file, "", "cannot read: no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new ImportException(file, "", "cannot read: permission denied");
    } catch (IOException e) {
      throw new ImportException(file, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Whether the source is a stream that can be read once only (a pipe, a device), rather than a
   * regular file or a directory; {@code false} for what does not exist.
   */
  public static boolean isStream(Path file) {
    return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
  }

  /**
   * The import failure a Jackson failure stands for.
   *
   * @param what where in the file the reader was, e.g. {@code entry 12}, or null
   * @param maxBodyBytes the body limit, named when a string exceeded it
   */
  public static ImportException failure(
      Path file, JacksonException e, String what, long maxBodyBytes) {
    TokenStreamLocation location = e.getLocation();
    StringBuilder where = new StringBuilder();
    if (location != null && location != TokenStreamLocation.NA && location.getLineNr() > 0) {
      where.append("line ").append(location.getLineNr());
      where.append(", column ").append(location.getColumnNr());
    }
    if (what != null) {
      where.append(where.length() > 0 ? ", " : "").append(what);
    }
    String reason;
    if (e instanceof UnexpectedEndOfInputException) {
      reason = "truncated: the file ends in the middle of the JSON";
    } else if (e instanceof StreamConstraintsException) {
      reason =
          "a body is larger than the limit of "
              + Sizes.human(maxBodyBytes)
              + " (raise it with --max-body-size)";
    } else if (e.getCause() instanceof IOException io) {
      reason = "cannot read: " + io.getMessage();
    } else {
      reason = "malformed JSON: " + firstLine(e.getOriginalMessage());
    }
    return new ImportException(file, where.toString(), reason, e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unexpected content";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Counts the bytes read, for progress; the total is the file's size. */
  public static final class CountingInput extends FilterInputStream {
    private final long total;
    private long count;

    CountingInput(InputStream in, long total) {
      super(in);
      this.total = total;
    }

    public long count() {
      return count;
    }

    public long total() {
      return total;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public void close() {
      try {
        super.close();
      } catch (IOException e) {
        // nothing was written: nothing to lose
      }
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
