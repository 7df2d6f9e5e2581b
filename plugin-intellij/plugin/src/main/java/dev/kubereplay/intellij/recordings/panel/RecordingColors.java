package dev.kubereplay.intellij.recordings.panel;

import dev.kubereplay.intellij.cluster.tree.Tone;
import java.awt.Color;

/** The colours of the Recordings tab's tones: readable on light and dark themes alike. */
final class RecordingColors {

  static final Color OK = new Color(0x2E7D32);
  static final Color CAUTION = new Color(0xA86A00);
  static final Color ALERT = new Color(0xC9372C);
  static final Color INFO = new Color(0x3574F0);
  static final Color MUTED = new Color(0x8C8C8C);
  static final Color ALERT_RECORDING = new Color(0xC9372C);

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
