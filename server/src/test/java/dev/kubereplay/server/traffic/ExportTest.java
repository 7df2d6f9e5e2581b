package dev.kubereplay.server.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.traffic.HarGenerator;
import dev.kubereplay.server.traffic.model.Snapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long export tells how far it is and can be stopped, leaving the target as it was. */
class ExportTest {

  @TempDir Path dir;

  private Snapshot importGenerated(TrafficService service, int entries) throws Exception {
    Path har = dir.resolve("generated.har");
    new HarGenerator(7).write(har, entries, Long.MAX_VALUE);
    return service
        .importFile(
            new ImportRequest(har, "har", "generated", Set.of(), 0, List.of(), null),
            TrafficService.ImportListener.NONE,
            TrafficFormat.Cancellation.NEVER)
        .snapshot();
  }

  @Test
  void progress_is_told_in_pairs_of_the_snapshots_total() throws Exception {
    TrafficService service = TrafficTesting.service(dir.resolve("data"));
    Snapshot snapshot = importGenerated(service, 2_500);
    List<long[]> told = new ArrayList<>();

    TrafficService.ExportResult result =
        service.export(
            snapshot.id(),
            "jsonl",
            dir.resolve("out.jsonl"),
            TrafficFormat.Cancellation.NEVER,
            (pairs, total) -> told.add(new long[] {pairs, total}));

    long total = snapshot.pairCount();
    assertThat(result.pairs()).isEqualTo(total);
    assertThat(told).extracting(t -> t[0]).containsExactly(1_000L, 2_000L, total);
    assertThat(told).extracting(t -> t[1]).containsOnly(total);
  }

  @Test
  void a_cancelled_export_leaves_the_existing_file_and_no_partial_one() throws Exception {
    TrafficService service = TrafficTesting.service(dir.resolve("data"));
    Snapshot snapshot = importGenerated(service, 2_500);
    Path target = dir.resolve("shop.har");
    Files.writeString(target, "the export of last week");
    AtomicBoolean cancel = new AtomicBoolean();

    assertThatThrownBy(
            () ->
                service.export(
                    snapshot.id(),
                    "har",
                    target,
                    cancel::get,
                    (pairs, total) -> cancel.set(true))) // the user cancels at the first report
        .isInstanceOf(CancellationException.class)
        .hasMessage("export of snapshot " + snapshot.id() + " cancelled");

    assertThat(Files.readString(target, StandardCharsets.UTF_8))
        .isEqualTo("the export of last week");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }
}
