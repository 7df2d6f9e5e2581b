package dev.kubereplay.intellij.rpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A server running as a child process: stdin/stdout carry the protocol, stderr is its log. */
public final class ProcessTransport implements ServerTransport {

  private static final Logger LOG = Logger.getLogger(ProcessTransport.class.getName());
  private static final int TAIL_LINES = 20;

  private final Process process;
  private final StderrTail tail = new StderrTail(TAIL_LINES);
  private final Thread stderrPump;
  private final CompletableFuture<ServerExit> exited;

  private ProcessTransport(Process process) {
    this.process = process;
    this.stderrPump = new Thread(this::pumpStderr, "kubereplay-server-stderr");
    stderrPump.setDaemon(true);
    stderrPump.start();
    this.exited = process.onExit().thenApply(done -> exitOf(done.exitValue()));
  }

  /**
   * Starts {@code command} with {@code environment} added to the IDE's environment.
   *
   * @throws ServerUnavailableException when the process cannot be started at all
   */
  public static ProcessTransport start(List<String> command, Map<String, String> environment)
      throws ServerUnavailableException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    try {
      return new ProcessTransport(builder.start());
    } catch (IOException | RuntimeException e) {
      throw new ServerUnavailableException(
          ServerExit.notStarted(
              "Could not start the kubereplay server ("
                  + String.join(" ", command)
                  + "): "
                  + e.getMessage()));
    }
  }

  @Override
  public InputStream input() {
    return process.getInputStream();
  }

  @Override
  public OutputStream output() {
    return process.getOutputStream();
  }

  @Override
  public CompletableFuture<ServerExit> exited() {
    return exited;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close(); // the server exits when its stdin closes
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the server's stdin", e);
    }
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void pumpStderr() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        tail.add(line);
        LOG.fine(line);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "reading the server's stderr", e);
    }
  }

  private ServerExit exitOf(int code) {
    try {
      stderrPump.join(2_000); // so the tail holds the last lines the server wrote
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new ServerExit("The kubereplay server exited with code " + code + ".", tail.lines());
  }
}
