package dev.kubereplay.intellij.recordings.panel;

import dev.kubereplay.intellij.recordings.mocks.MockLogEntry;
import java.awt.Color;
import java.awt.Component;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JList;

/**
 * A mock log row: a hit with its pair in green, a miss in the error colour with its closest
 * recorded call and each difference under it in grey, "N more not shown" in grey.
 */
final class MockLogRenderer extends DefaultListCellRenderer {

  @Override
  public Component getListCellRendererComponent(
      JList<?> list, Object value, int index, boolean selected, boolean focused) {
    super.getListCellRendererComponent(list, value, index, selected, focused);
    setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
    if (!(value instanceof MockLogEntry entry)) {
      return this;
    }
    setToolTipText(
        "<html>" + html(entry.label()).replace("\n", "<br>") + "</html>"); // the whole row
    String times = entry.count() > 1 ? "&nbsp;&nbsp;×" + entry.count() : "";
    String text =
        switch (entry.kind()) {
          case HIT -> {
            int arrow = entry.text().lastIndexOf(" → ");
            yield html(entry.text().substring(0, arrow))
                + color(" → " + entry.text().substring(arrow + 3), RecordingColors.OK, selected)
                + times;
          }
          case MISS -> {
            StringBuilder b =
                new StringBuilder(
                    "<b>" + color(entry.text(), RecordingColors.ALERT, selected) + "</b>");
            for (String line : entry.details()) {
              b.append("<br>&nbsp;&nbsp;&nbsp;&nbsp;")
                  .append(color(line, RecordingColors.MUTED, selected));
            }
            yield b.toString();
          }
          case UNSENT -> "<i>" + color(entry.text(), RecordingColors.MUTED, selected) + "</i>";
        };
    setText("<html>" + text + "</html>");
    return this;
  }

  private static String color(String text, Color color, boolean selected) {
    return selected
        ? html(text)
        : "<font color='"
            + String.format("#%06x", color.getRGB() & 0xffffff)
            + "'>"
            + html(text)
            + "</font>";
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
