package dev.kubereplay.intellij.rpc;

/** A "server" that logs to stderr and dies, for the process tests. */
public final class CrashingServer {

  private CrashingServer() {}

  public static void main(String[] args) {
    for (int i = 1; i <= 25; i++) {
      System.err.println("log line " + i);
    }
    System.err.println("Exception in thread \"main\" java.lang.IllegalStateException: boom");
    System.exit(3);
  }
}
