package dev.kubereplay.intellij.recordings.tree;

import dev.kubereplay.intellij.cluster.tree.Tone;
import dev.kubereplay.intellij.recordings.mocks.MockText;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.replay.MocksDto;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.HostEndpointsDto;
import dev.kubereplay.protocol.traffic.ListEndpointsResponse;
import dev.kubereplay.protocol.traffic.PairSummaryDto;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the Recordings tree from what the model knows: snapshots, the endpoints of opened
 * snapshots and the pairs of opened endpoints (each an answer, an error text, or asked for).
 */
public final class RecordingTree {

  private final Map<String, Object> endpoints;
  private final Map<EndpointRef, Object> pairs;
  private final Map<String, MocksDto> mocks;

  public RecordingTree(Map<String, Object> endpoints, Map<EndpointRef, Object> pairs) {
    this(endpoints, pairs, Map.of());
  }

  /**
   * @param mocks the running mocks by snapshot id: their snapshots' rows say where they listen
   */
  public RecordingTree(
      Map<String, Object> endpoints, Map<EndpointRef, Object> pairs, Map<String, MocksDto> mocks) {
    this.endpoints = endpoints;
    this.pairs = pairs;
    this.mocks = mocks;
  }

  public RecordingNode root(@Nullable List<SnapshotDto> snapshots, @Nullable String error) {
    List<RecordingNode> rows = new ArrayList<>();
    if (error != null) {
      rows.add(RecordingNode.message(error, Tone.ALERT));
    } else if (snapshots == null) {
      rows.add(RecordingNode.message("Loading…", Tone.MUTED));
    } else if (snapshots.isEmpty()) {
      rows.add(
          RecordingNode.message(
              "No snapshots yet: Import… a HAR, Postman, JSONL, WireMock or Speedscale file",
              Tone.MUTED));
    } else {
      for (SnapshotDto s : snapshots) {
        rows.add(snapshot(s));
      }
    }
    return new RecordingNode(
        RecordingNode.Kind.ROOT,
        "Recordings",
        "",
        "",
        Tone.NEUTRAL,
        "",
        null,
        null,
        null,
        null,
        0,
        null,
        rows);
  }

  private RecordingNode snapshot(SnapshotDto s) {
    MocksDto running = mocks.get(s.id());
    List<RecordingNode> children = new ArrayList<>();
    Object answer = endpoints.get(s.id());
    if (answer instanceof ListEndpointsResponse r) {
      for (HostEndpointsDto h : r.hosts()) {
        children.add(host(s.id(), h));
      }
      if (children.isEmpty()) {
        children.add(RecordingNode.message("no pairs", Tone.MUTED));
      }
    } else if (answer instanceof String error) {
      children.add(RecordingNode.message(error, Tone.ALERT));
    } else {
      children.add(RecordingNode.message("Loading…", Tone.MUTED));
    }
    return new RecordingNode(
        RecordingNode.Kind.SNAPSHOT,
        s.name(),
        RecordingText.stateMark(s),
        RecordingText.snapshotDetail(s),
        RecordingText.stateTone(s),
        running == null
            ? RecordingText.stateTooltip(s)
            : (RecordingText.stateTooltip(s) + " " + MockText.listening(running)).trim(),
        s.id(),
        null,
        null,
        null,
        0,
        null,
        children,
        running == null ? "" : MockText.rowMark(running));
  }

  private RecordingNode host(String snapshotId, HostEndpointsDto h) {
    List<RecordingNode> children = new ArrayList<>();
    for (EndpointDto e : h.endpoints()) {
      children.add(
          endpoint(new EndpointRef(snapshotId, h.host(), e.method(), e.pathTemplate()), e));
    }
    return new RecordingNode(
        RecordingNode.Kind.HOST,
        h.host(),
        "",
        RecordingText.hostDetail(h.inCount(), h.outCount()),
        Tone.NEUTRAL,
        "",
        snapshotId,
        h.host(),
        null,
        null,
        0,
        null,
        children);
  }

  private RecordingNode endpoint(EndpointRef ref, EndpointDto e) {
    List<RecordingNode> children = new ArrayList<>();
    Object answer = pairs.get(ref);
    if (answer instanceof PairPage page) {
      for (PairSummaryDto p : page.pairs()) {
        children.add(pair(ref, p));
      }
      if (page.hasMore()) {
        children.add(loadMore(ref, page));
      }
      if (children.isEmpty()) {
        children.add(RecordingNode.message("no pairs", Tone.MUTED));
      }
    } else if (answer instanceof String error) {
      children.add(RecordingNode.message(error, Tone.ALERT));
    } else {
      children.add(RecordingNode.message("Loading…", Tone.MUTED));
    }
    return new RecordingNode(
        RecordingNode.Kind.ENDPOINT,
        RecordingText.endpointText(e),
        "",
        RecordingText.endpointDetail(e),
        Tone.NEUTRAL,
        "",
        ref.snapshotId(),
        ref.host(),
        ref.method(),
        ref.pathTemplate(),
        0,
        null,
        children);
  }

  private static RecordingNode pair(EndpointRef ref, PairSummaryDto p) {
    return new RecordingNode(
        RecordingNode.Kind.PAIR,
        RecordingText.pairText(p),
        "",
        RecordingText.pairDetail(p),
        RecordingText.statusTone(p.status()),
        "",
        ref.snapshotId(),
        ref.host(),
        p.method(),
        p.pathTemplate(),
        p.pairId(),
        p.direction(),
        List.of());
  }

  private static RecordingNode loadMore(EndpointRef ref, PairPage page) {
    boolean failed = page.moreError() != null;
    return new RecordingNode(
        RecordingNode.Kind.LOAD_MORE,
        RecordingText.loadMore(page),
        "",
        failed ? "could not load: " + page.moreError() : "",
        page.loadingMore() ? Tone.MUTED : failed ? Tone.ALERT : Tone.INFO,
        page.loadingMore()
            ? ""
            : "Double-click or press Enter to show the next "
                + RecordingText.count(Math.min(PairPage.SIZE, page.total() - page.pairs().size()))
                + " pairs",
        ref.snapshotId(),
        ref.host(),
        ref.method(),
        ref.pathTemplate(),
        0,
        null,
        List.of());
  }
}
