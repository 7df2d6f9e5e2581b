package dev.kubereplay.server.cluster;

import dev.kubereplay.server.timer.PeriodicJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Tells a listener when the kubeconfig files change (created, edited, deleted), by comparing their
 * size and modification time every interval. Polling, because editors replace files by renaming and
 * a directory watch per file would be more code for the same effect on a handful of files. The
 * checks run on a thread of their own: a slow file system or a client that stops reading delays
 * only them.
 */
public final class KubeconfigWatcher implements AutoCloseable {

  private final KubeconfigLoader loader;
  private final Runnable listener;
  private final PeriodicJob job;
  private volatile List<Stamp> last;

  private record Stamp(Path file, long size, long modified) {}

  public KubeconfigWatcher(
      KubeconfigLoader loader,
      ScheduledExecutorService scheduler,
      long intervalMillis,
      Runnable listener) {
    this.loader = loader;
    this.listener = listener;
    this.last = stamps();
    this.job =
        PeriodicJob.start(
            scheduler, "kubereplay-kubeconfig", Duration.ofMillis(intervalMillis), this::check);
  }

  private void check() {
    List<Stamp> now = stamps();
    if (!Objects.equals(now, last)) {
      last = now;
      listener.run();
    }
  }

  private List<Stamp> stamps() {
    return loader.candidateFiles().stream().map(KubeconfigWatcher::stamp).toList();
  }

  private static Stamp stamp(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(file, attributes.size(), attributes.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return new Stamp(file, -1, -1);
    }
  }

  @Override
  public void close() {
    job.close();
  }
}
