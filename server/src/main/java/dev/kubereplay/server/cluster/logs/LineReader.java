package dev.kubereplay.server.cluster.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of a log stream, each at most a limit long: a longer line is cut and says by how
 * much, so a container that writes one endless line cannot fill the server's heap.
 */
final class LineReader {

  static final int MAX_LINE_CHARS = 64 * 1024;

  private final Reader in;
  private final int maxChars;

  LineReader(Reader in) {
    this(in, MAX_LINE_CHARS);
  }

  LineReader(Reader in, int maxChars) {
    this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
    this.maxChars = maxChars;
  }

  /** The next line without its line break, or null at the end of the stream. */
  String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    long cut = 0;
    boolean any = false;
    for (int c = in.read(); c != -1; c = in.read()) {
      any = true;
      if (c == '\n') {
        return finish(line, cut);
      }
      if (line.length() < maxChars) {
        line.append((char) c);
      } else {
        cut++;
      }
    }
    return any ? finish(line, cut) : null;
  }

  private static String finish(StringBuilder line, long cut) {
    int end = line.length();
    if (cut == 0 && end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    if (cut > 0 && end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) {
      line.setLength(end - 1); // half a character would not encode
      cut++;
    }
    if (cut > 0) {
      line.append(" [kubereplay: ").append(cut).append(" more characters cut]");
    }
    return line.toString();
  }
}
