package dev.kubereplay.server.cli.traffic;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C during long work: raises a flag the work checks, then holds the JVM's exit until the work
 * has cleaned up (rolled back, deleted its partial file) or 30 s have passed.
 */
final class OnCtrlC implements AutoCloseable {

  private final AtomicBoolean pressed = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  OnCtrlC(String work) {
    hook =
        new Thread(
            () -> {
              pressed.set(true);
              try {
                finished.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "kubereplay-" + work + "-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Whether Ctrl-C was pressed. */
  boolean pressed() {
    return pressed.get();
  }

  /** The work is over: the JVM may exit. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it returns now that the work is over
    }
  }
}
