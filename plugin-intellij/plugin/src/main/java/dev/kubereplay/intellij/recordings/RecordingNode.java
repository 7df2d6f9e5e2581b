package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.cluster.tree.Tone;
import dev.kubereplay.protocol.Nullable;
import java.util.List;

/**
 * A row of the Recordings tree, without Swing: what it is, its words, its tone, and the keys the
 * actions need. Children are the rows under it as far as they are known.
 */
public record RecordingNode(
    Kind kind,
    String text,
    String detail,
    Tone tone,
    @Nullable String snapshotId,
    @Nullable String host,
    @Nullable String method,
    @Nullable String pathTemplate,
    long pairId,
    List<RecordingNode> children) {

  /** What a row is. */
  public enum Kind {
    ROOT,
    SNAPSHOT,
    HOST,
    ENDPOINT,
    PAIR,
    /** "Loading…", an error, "no snapshots", "200 of 1,204 pairs shown". */
    MESSAGE
  }

  static RecordingNode message(String text, Tone tone) {
    return new RecordingNode(Kind.MESSAGE, text, "", tone, null, null, null, null, 0, List.of());
  }

  /** The whole label, as tests and tooltips read it. */
  public String label() {
    return detail.isEmpty() ? text : text + "  " + detail;
  }

  /** A stable identity for keeping expansion and selection across updates. */
  public String key() {
    return switch (kind) {
      case ROOT -> "root";
      case SNAPSHOT -> "s:" + snapshotId;
      case HOST -> "h:" + snapshotId + "|" + host;
      case ENDPOINT -> "e:" + snapshotId + "|" + host + "|" + method + " " + pathTemplate;
      case PAIR -> "p:" + snapshotId + "|" + pairId;
      case MESSAGE -> "m:" + text;
    };
  }
}
