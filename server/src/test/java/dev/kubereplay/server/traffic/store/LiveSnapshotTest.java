package dev.kubereplay.server.traffic.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.PairQuery;
import dev.kubereplay.server.traffic.TrafficTesting;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.redact.RedactionRules;
import dev.kubereplay.server.traffic.redact.Redactor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot written while it is recorded: visible as it grows, sealed, or left interrupted. */
class LiveSnapshotTest {

  @TempDir Path dir;
  private final List<LiveSnapshot> opened = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    opened.forEach(LiveSnapshot::interrupt);
    processes.forEach(Process::destroyForcibly);
  }

  private LiveSnapshot record(SnapshotStore store, String name) {
    LiveSnapshot live =
        store.record(name, "record:test", new Redactor(RedactionRules.load(dir.resolve("data"))));
    opened.add(live);
    live.open();
    return live;
  }

  private static RRPair pair(int i) {
    RRPair pair =
        TrafficTesting.pair("GET", "http://app.test/items/" + i, 200, "{\"i\":" + i + "}");
    return new RRPair(
        pair.uuid(),
        pair.direction(),
        Instant.parse("2026-11-25T16:00:00Z").plusSeconds(i),
        pair.durationMillis(),
        pair.protocol(),
        pair.host(),
        pair.method(),
        pair.url(),
        pair.httpVersion(),
        List.of(new Header("Authorization", "Bearer kr-canary-live-" + i)),
        pair.requestBody(),
        pair.requestBodyEncoding(),
        pair.status(),
        pair.statusMessage(),
        pair.responseHeaders(),
        pair.responseBody(),
        pair.responseBodyEncoding(),
        pair.tags());
  }

  private static Snapshot await(SnapshotStore store, String id, Predicate<Snapshot> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Snapshot last = null;
    while (System.nanoTime() < deadline) {
      last = store.find(id).orElse(null);
      if (last != null && condition.test(last)) {
        return last;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("snapshot " + id + " never got there; last: " + last);
  }

  private SnapshotStore store() {
    return new SnapshotStore(TrafficStore.open(dir.resolve("data")));
  }

  private void setRecorder(String id, long pid, Long startedMillis) throws Exception {
    try (Connection connection = TrafficStore.open(dir.resolve("data")).connect();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE snapshots SET recorder_pid = ?, recorder_started_millis = ? WHERE id = ?")) {
      update.setLong(1, pid);
      update.setObject(2, startedMillis);
      update.setString(3, id);
      update.executeUpdate();
    }
  }

  @Test
  void the_snapshot_is_listed_as_recording_and_grows_then_is_complete_with_every_pair()
      throws Exception {
    SnapshotStore store = store();
    LiveSnapshot live = record(store, "growing");

    assertThat(store.list())
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(Snapshot.State.RECORDING))
        .satisfies(s -> assertThat(s.pairCount()).isZero());
    live.accept(pair(1));
    live.accept(pair(2));
    Snapshot two = await(store, live.snapshotId(), s -> s.pairCount() == 2);
    assertThat(two.state()).isEqualTo(Snapshot.State.RECORDING);
    assertThat(two.hosts()).containsExactly("app.test");
    assertThat(two.first()).isEqualTo(Instant.parse("2026-11-25T16:00:01Z"));
    assertThat(two.last()).isEqualTo(Instant.parse("2026-11-25T16:00:02Z"));
    for (int i = 3; i <= 250; i++) {
      live.accept(pair(i));
    }
    live.skip("exchange 251", "protocol upgrade");

    Snapshot sealed = live.seal();

    assertThat(sealed.state()).isEqualTo(Snapshot.State.COMPLETE);
    assertThat(sealed.inCount()).isEqualTo(250);
    assertThat(sealed.skippedCount()).isEqualTo(1);
    assertThat(sealed.last()).isEqualTo(Instant.parse("2026-11-25T16:00:00Z").plusSeconds(250));
    assertThat(store.find(sealed.id())).contains(sealed);
    assertThat(live.seal()).as("sealing again").isEqualTo(sealed);
    List<String> urls = new ArrayList<>();
    store.forEachPair(sealed.id(), p -> urls.add(p.pair().url()));
    assertThat(urls).hasSize(250).first().isEqualTo("http://app.test/items/1");
    assertThat(urls).last().isEqualTo("http://app.test/items/250");
    store.forEachPair(
        sealed.id(),
        p ->
            assertThat(p.pair().requestHeaders())
                .containsExactly(new Header("Authorization", "-REDACTED-")));
    live.accept(pair(999));
    assertThat(store.find(sealed.id()).orElseThrow().inCount())
        .as("nothing after sealing")
        .isEqualTo(250);
  }

  @Test
  void a_recording_left_without_stopping_is_interrupted_when_the_store_opens_next_with_its_pairs()
      throws Exception {
    SnapshotStore store = store();
    LiveSnapshot live = record(store, "left running");
    live.accept(pair(1));
    live.accept(pair(2));
    await(store, live.snapshotId(), s -> s.pairCount() == 2);
    assertThat(store().find(live.snapshotId()).orElseThrow().state())
        .as("opening the store again while it records")
        .isEqualTo(Snapshot.State.RECORDING);

    Recorder.ended(live.snapshotId()); // what this process knows of it once it crashed

    Snapshot interrupted = store().find(live.snapshotId()).orElseThrow();
    assertThat(interrupted.state()).isEqualTo(Snapshot.State.INTERRUPTED);
    assertThat(interrupted.inCount()).isEqualTo(2);
    assertThat(store.pairs(new PairQuery(live.snapshotId(), null, null, null, 0, 10))).hasSize(2);
  }

  @Test
  void a_recording_whose_process_died_is_interrupted_when_the_store_opens_next() throws Exception {
    SnapshotStore store = store();
    LiveSnapshot live = record(store, "killed");
    live.accept(pair(1));
    await(store, live.snapshotId(), s -> s.pairCount() == 1);
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    setRecorder(
        live.snapshotId(),
        dead.pid(),
        dead.info().startInstant().map(i -> i.toEpochMilli()).orElse(null));

    Snapshot interrupted = store().find(live.snapshotId()).orElseThrow();

    assertThat(interrupted.state()).isEqualTo(Snapshot.State.INTERRUPTED);
    assertThat(interrupted.inCount()).isEqualTo(1);
  }

  @Test
  void a_recording_of_another_live_process_stays_recording_until_that_process_is_gone()
      throws Exception {
    SnapshotStore store = store();
    LiveSnapshot live = record(store, "another process records");
    Process other = new ProcessBuilder("sleep", "60").start();
    processes.add(other);
    long started = other.info().startInstant().orElseThrow().toEpochMilli();
    setRecorder(live.snapshotId(), other.pid(), started);
    Recorder.ended(live.snapshotId());

    assertThat(store().list())
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(Snapshot.State.RECORDING));

    setRecorder(live.snapshotId(), other.pid(), started - Duration.ofHours(1).toMillis());
    assertThat(store.list())
        .as("the pid now belongs to a process started later: its recorder is gone")
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(Snapshot.State.INTERRUPTED));
  }

  @Test
  void a_recording_waits_out_another_writer_holding_the_lock_and_loses_nothing() throws Exception {
    SnapshotStore store = store();
    LiveSnapshot live = record(store, "patient");
    try (Connection blocker = store.database().connect();
        Statement statement = blocker.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      statement.execute("UPDATE snapshots SET name = name");
      for (int i = 1; i <= 150; i++) {
        live.accept(pair(i));
      }
      Thread.sleep(1500);
      statement.execute("COMMIT");
    }

    Snapshot sealed = live.seal();

    assertThat(sealed.inCount()).isEqualTo(150);
    assertThat(store.count(new PairQuery(sealed.id(), null, null, null, 0, 1))).isEqualTo(150);
  }

  @Test
  void a_lock_held_past_the_busy_timeout_delays_the_commits_but_loses_nothing() throws Exception {
    System.setProperty("kubereplay.db.busyTimeoutMillis", "200");
    try {
      SnapshotStore store = store();
      LiveSnapshot live = record(store, "outwaits a long import");
      try (Connection blocker = store.database().connect();
          Statement statement = blocker.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");
        statement.execute("UPDATE snapshots SET name = name");
        for (int i = 1; i <= 120; i++) {
          live.accept(pair(i));
        }
        Thread.sleep(1500); // several commits failed meanwhile
        statement.execute("COMMIT");
      }
      await(store, live.snapshotId(), s -> s.pairCount() == 120);
      live.accept(pair(121));

      assertThat(live.seal().inCount()).isEqualTo(121);
    } finally {
      System.clearProperty("kubereplay.db.busyTimeoutMillis");
    }
  }

  @Test
  void a_recording_snapshot_cannot_be_deleted_but_can_be_renamed() throws Exception {
    SnapshotStore store = store();
    LiveSnapshot live = record(store, "busy");
    live.accept(pair(1));
    await(store, live.snapshotId(), s -> s.pairCount() == 1);

    assertThat(store.delete(live.snapshotId())).isEqualTo(SnapshotStore.Deletion.RECORDING);
    assertThat(store.rename(live.snapshotId(), "renamed"))
        .hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("renamed"));
    live.accept(pair(2));
    Snapshot sealed = live.seal();

    assertThat(sealed.name())
        .as("the rename survives the recording's commits")
        .isEqualTo("renamed");
    assertThat(sealed.inCount()).isEqualTo(2);
    assertThat(store.delete(sealed.id())).isEqualTo(SnapshotStore.Deletion.DELETED);
    assertThat(store.delete(sealed.id())).isEqualTo(SnapshotStore.Deletion.ABSENT);
  }
}
