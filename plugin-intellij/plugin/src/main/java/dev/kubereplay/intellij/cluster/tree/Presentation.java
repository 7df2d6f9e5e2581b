package dev.kubereplay.intellij.cluster.tree;

/**
 * How one row looks, decided without Swing: the name, the grey detail after it, the tooltip (HTML),
 * the mark and its tone.
 *
 * @param bold for the current context and the root
 * @param italic for notes in place of content
 * @param alertText the name in red: alerts, warning events, failures
 * @param stale the data may be out of date: the row is greyed
 */
public record Presentation(
    String text,
    String detail,
    String tooltip,
    Mark mark,
    Tone tone,
    boolean bold,
    boolean italic,
    boolean alertText,
    boolean stale) {

  static Presentation of(String text, String detail, Mark mark, Tone tone) {
    return new Presentation(text, detail, null, mark, tone, false, false, false, false);
  }

  Presentation withTooltip(String html) {
    return new Presentation(text, detail, html, mark, tone, bold, italic, alertText, stale);
  }

  Presentation withBold(boolean heavy) {
    return new Presentation(text, detail, tooltip, mark, tone, heavy, italic, alertText, stale);
  }

  Presentation withItalic() {
    return new Presentation(text, detail, tooltip, mark, tone, bold, true, alertText, stale);
  }

  Presentation withAlertText(boolean red) {
    return new Presentation(text, detail, tooltip, mark, tone, bold, italic, red, stale);
  }

  Presentation withStale(boolean greyed) {
    return new Presentation(text, detail, tooltip, mark, tone, bold, italic, alertText, greyed);
  }
}
