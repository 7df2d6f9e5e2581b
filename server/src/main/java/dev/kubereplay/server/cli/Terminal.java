package dev.kubereplay.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the command line knows of where its output goes. */
public final class Terminal {

  private Terminal() {}

  /** Whether this process's stderr is a terminal (Linux: fd 2 is a tty or pty). */
  public static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }
}
