package dev.kubereplay.intellij.cluster.panel;

import dev.kubereplay.intellij.cluster.tree.Tone;
import java.awt.Color;
import javax.swing.UIManager;

/** The colours of the tones: readable on light and dark themes alike. */
public final class Colors {

  static final Color OK = new Color(0x3FA34D);
  static final Color CAUTION = new Color(0xE0A100);
  static final Color ALERT = new Color(0xD64541);
  public static final Color INFO = new Color(0x3574F0);
  public static final Color MUTED = new Color(0x8C8C8C);
  static final Color NEUTRAL = new Color(0x6F737A);

  /** Red text: a little darker than the red marks, for contrast on white. */
  public static final Color ALERT_TEXT = new Color(0xC9372C);

  /** Amber text: darker still, amber letters on white are hard to read. */
  public static final Color CAUTION_TEXT = new Color(0xA86A00);

  public static final Color OK_TEXT = new Color(0x2E7D32);

  private Colors() {}

  static Color mark(Tone tone) {
    return switch (tone) {
      case OK -> OK;
      case CAUTION -> CAUTION;
      case ALERT -> ALERT;
      case INFO -> INFO;
      case MUTED -> MUTED;
      case NEUTRAL -> NEUTRAL;
    };
  }

  /** Text in a table cell: only the tones that mean something get a colour. */
  static Color text(Tone tone, Color normal) {
    return switch (tone) {
      case OK -> OK_TEXT;
      case CAUTION -> CAUTION_TEXT;
      case ALERT -> ALERT_TEXT;
      case INFO -> INFO;
      case MUTED -> secondary(normal);
      case NEUTRAL -> normal;
    };
  }

  /** Grey secondary text, from the Look and Feel when it has one. */
  static Color secondary(Color normal) {
    Color disabled = UIManager.getColor("Label.disabledForeground");
    return disabled != null ? disabled : normal.brighter();
  }
}
