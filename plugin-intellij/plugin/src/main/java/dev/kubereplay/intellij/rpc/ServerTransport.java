package dev.kubereplay.intellij.rpc;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/** The two streams the protocol runs over, and the server behind them. */
public interface ServerTransport {

  /** What the server writes: its stdout. */
  InputStream input();

  /** What the server reads: its stdin. */
  OutputStream output();

  /** Completes, with the reason, once the server is gone (whoever stopped it). */
  CompletableFuture<ServerExit> exited();

  /** Closes the server's input, so it exits; forces it if it does not. Never blocks for long. */
  void close();
}
