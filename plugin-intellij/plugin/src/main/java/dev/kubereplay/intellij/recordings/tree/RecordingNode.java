package dev.kubereplay.intellij.recordings.tree;

import dev.kubereplay.intellij.cluster.tree.Tone;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.PairDirection;
import java.util.List;

/**
 * A row of the Recordings tree, without Swing: what it is, its words, its tone, and the keys the
 * actions need. Children are the rows under it as far as they are known.
 *
 * @param mark a word shown in the tone's colour between text and detail (a snapshot's state), or
 *     empty
 * @param tooltip what hovering says, or empty for the label
 * @param direction a pair's direction; null for the other rows
 * @param mocks on a snapshot whose mocks run, where they listen ("mocks on 127.0.0.1:41234"); else
 *     empty
 */
public record RecordingNode(
    Kind kind,
    String text,
    String mark,
    String detail,
    Tone tone,
    String tooltip,
    @Nullable String snapshotId,
    @Nullable String host,
    @Nullable String method,
    @Nullable String pathTemplate,
    long pairId,
    @Nullable PairDirection direction,
    List<RecordingNode> children,
    String mocks) {

  /** A row without mocks. */
  public RecordingNode(
      Kind kind,
      String text,
      String mark,
      String detail,
      Tone tone,
      String tooltip,
      @Nullable String snapshotId,
      @Nullable String host,
      @Nullable String method,
      @Nullable String pathTemplate,
      long pairId,
      @Nullable PairDirection direction,
      List<RecordingNode> children) {
    this(
        kind,
        text,
        mark,
        detail,
        tone,
        tooltip,
        snapshotId,
        host,
        method,
        pathTemplate,
        pairId,
        direction,
        children,
        "");
  }

  /** What a row is. */
  public enum Kind {
    ROOT,
    SNAPSHOT,
    HOST,
    ENDPOINT,
    PAIR,
    /** The last row of an endpoint with more pairs than are shown: activating it shows more. */
    LOAD_MORE,
    /** "Loading…", an error, "no snapshots". */
    MESSAGE
  }

  static RecordingNode message(String text, Tone tone) {
    return new RecordingNode(
        Kind.MESSAGE, text, "", "", tone, "", null, null, null, null, 0, null, List.of());
  }

  /** The whole label, as tests read it. */
  public String label() {
    StringBuilder b = new StringBuilder(text);
    if (!mark.isEmpty()) {
      b.append("  ").append(mark);
    }
    if (!mocks.isEmpty()) {
      b.append("  ").append(mocks);
    }
    if (!detail.isEmpty()) {
      b.append("  ").append(detail);
    }
    return b.toString();
  }

  /** What hovering the row says. */
  public String hint() {
    return tooltip.isEmpty() ? label() : tooltip;
  }

  /** A stable identity for keeping expansion and selection across updates. */
  public String key() {
    return switch (kind) {
      case ROOT -> "root";
      case SNAPSHOT -> "s:" + snapshotId;
      case HOST -> "h:" + snapshotId + "|" + host;
      case ENDPOINT -> "e:" + snapshotId + "|" + host + "|" + method + " " + pathTemplate;
      case PAIR -> "p:" + snapshotId + "|" + pairId;
      case LOAD_MORE -> "more:" + snapshotId + "|" + host + "|" + method + " " + pathTemplate;
      case MESSAGE -> "m:" + text;
    };
  }
}
