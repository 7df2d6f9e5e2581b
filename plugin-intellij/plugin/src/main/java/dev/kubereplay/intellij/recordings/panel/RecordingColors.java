package dev.kubereplay.intellij.recordings.panel;

import dev.kubereplay.intellij.cluster.panel.Colors;
import dev.kubereplay.intellij.cluster.tree.Tone;
import java.awt.Color;

/**
 * The colours of the Recordings tab's tones: the cluster view's text colours, so a tone reads the
 * same in both tabs, on light and dark themes alike.
 */
final class RecordingColors {

  static final Color OK = Colors.OK_TEXT;
  static final Color CAUTION = Colors.CAUTION_TEXT;
  static final Color ALERT = Colors.ALERT_TEXT;
  static final Color INFO = Colors.INFO;
  static final Color MUTED = Colors.MUTED;
  static final Color ALERT_RECORDING = Colors.ALERT_TEXT;

  private RecordingColors() {}

  static Color color(Tone tone) {
    return switch (tone) {
      case OK -> OK;
      case CAUTION -> CAUTION;
      case ALERT -> ALERT;
      case INFO -> INFO;
      case MUTED -> MUTED;
      case NEUTRAL -> null;
    };
  }
}
