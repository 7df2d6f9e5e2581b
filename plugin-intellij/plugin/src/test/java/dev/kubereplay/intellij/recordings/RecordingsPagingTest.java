package dev.kubereplay.intellij.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.cluster.tree.Tone;
import dev.kubereplay.intellij.recordings.actions.RecordingAction;
import dev.kubereplay.intellij.recordings.actions.RecordingsActions;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.ErrorDataDto;
import dev.kubereplay.protocol.traffic.ListPairsParams;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An endpoint with more pairs than one page: "Load more" asks for the next by offset. */
class RecordingsPagingTest {

  private static final String HOST = "api.shop.local";
  private static final String PATH = "/orders/{id}";

  private final FakeServer fake = TrafficSamples.traffic(new FakeServer());
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final RecordingsModel model = session.recordings();

  @BeforeEach
  void zone() {
    RecordingText.zone(ZoneOffset.UTC);
  }

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  private List<RecordingNode> pairRows() {
    List<RecordingNode> snapshots = model.tree().children();
    if (snapshots.isEmpty() || snapshots.get(0).children().size() < 2) {
      return List.of();
    }
    return snapshots.get(0).children().get(0).children().get(0).children();
  }

  private void opened(int rows) {
    model.refresh();
    Await.until("snapshots", () -> model.tree().children().size() == 2);
    model.openSnapshot("s-1");
    model.openEndpoint("s-1", HOST, "GET", PATH);
    Await.until("first page", () -> pairRows().size() == rows);
  }

  private static RecordingNode last(List<RecordingNode> rows) {
    return rows.get(rows.size() - 1);
  }

  /** A request the model sends after anything it was asked before. */
  private void barrier() {
    int before = fake.count("traffic/listEndpoints");
    model.openSnapshot("s-2");
    Await.until("barrier", () -> fake.count("traffic/listEndpoints") == before + 1);
  }

  @Test
  void load_more_fetches_the_next_page_from_where_the_shown_ones_end_and_appends_it() {
    fake.answer("traffic/listPairs", params -> TrafficSamples.page(params, 450));
    opened(201);
    RecordingNode more = last(pairRows());
    assertThat(more.kind()).isEqualTo(RecordingNode.Kind.LOAD_MORE);
    assertThat(more.label()).isEqualTo("Load more (200 of 450)");
    assertThat(more.tone()).isEqualTo(Tone.INFO);
    assertThat(more.hint()).isEqualTo("Double-click or press Enter to show the next 200 pairs");

    model.loadMore("s-1", HOST, "GET", PATH);
    Await.until("second page", () -> pairRows().size() == 401);
    assertThat(last(pairRows()).label()).isEqualTo("Load more (400 of 450)");
    assertThat(pairRows().get(199).text()).isEqualTo("200  /orders/1199");
    assertThat(pairRows().get(200).text()).isEqualTo("200  /orders/1200");
    assertThat(last(pairRows()).hint())
        .isEqualTo("Double-click or press Enter to show the next 50 pairs");

    model.loadMore("s-1", HOST, "GET", PATH);
    Await.until("all", () -> pairRows().size() == 450);
    assertThat(pairRows()).noneMatch(r -> r.kind() == RecordingNode.Kind.LOAD_MORE);
    assertThat(last(pairRows()).text()).isEqualTo("200  /orders/1449");
    assertThat(model.canLoadMore("s-1", HOST, "GET", PATH)).isFalse();

    model.loadMore("s-1", HOST, "GET", PATH); // nothing left: nothing asked
    barrier();
    assertThat(fake.params("traffic/listPairs"))
        .containsExactly(
            new ListPairsParams("s-1", HOST, "GET", PATH, 0, 200),
            new ListPairsParams("s-1", HOST, "GET", PATH, 200, 200),
            new ListPairsParams("s-1", HOST, "GET", PATH, 400, 200));
  }

  @Test
  void a_page_on_its_way_is_asked_once_and_a_failed_one_can_be_asked_again() {
    CompletableFuture<Object> late = new CompletableFuture<>();
    fake.answer(
        "traffic/listPairs",
        params ->
            ((ListPairsParams) params).offset() == 200 && !late.isDone()
                ? late
                : TrafficSamples.page(params, 450));
    opened(201);

    model.loadMore("s-1", HOST, "GET", PATH);
    Await.until("asked", () -> fake.count("traffic/listPairs") == 2);
    Await.until("loading shown", () -> last(pairRows()).label().startsWith("Loading more…"));
    assertThat(last(pairRows()).label()).isEqualTo("Loading more… (200 of 450)");
    assertThat(last(pairRows()).tone()).isEqualTo(Tone.MUTED);
    assertThat(model.canLoadMore("s-1", HOST, "GET", PATH)).isFalse();
    model.loadMore("s-1", HOST, "GET", PATH); // a second double-click
    barrier();
    assertThat(fake.count("traffic/listPairs")).isEqualTo(2);

    late.completeExceptionally(
        new ResponseErrorException(
            new ResponseError(
                ErrorCode.STORE_FAILED.code(),
                "database is locked",
                new ErrorDataDto(ErrorCode.STORE_FAILED, null))));
    Await.until("failure shown", () -> last(pairRows()).tone() == Tone.ALERT);
    assertThat(last(pairRows()).label())
        .isEqualTo("Load more (200 of 450)  could not load: database is locked");
    assertThat(pairRows()).hasSize(201);

    model.loadMore("s-1", HOST, "GET", PATH);
    Await.until("second page", () -> pairRows().size() == 401);
    assertThat(fake.count("traffic/listPairs")).isEqualTo(3);
  }

  @Test
  void the_load_more_action_applies_to_the_load_more_row_only() {
    fake.answer("traffic/listPairs", params -> TrafficSamples.page(params, 450));
    opened(201);
    RecordingsActions actions =
        new RecordingsActions(
            model,
            java.util.Optional::empty,
            java.util.Optional::of,
            (title, message, options, initial) -> java.util.Optional.empty(),
            (title, message, confirmText) -> false);

    assertThat(actions.enabled(RecordingAction.LOAD_MORE, pairRows().get(0))).isFalse();
    assertThat(actions.enabled(RecordingAction.LOAD_MORE, last(pairRows()))).isTrue();
    actions.perform(RecordingAction.LOAD_MORE, last(pairRows()));
    Await.until("second page", () -> pairRows().size() == 401);
  }
}
