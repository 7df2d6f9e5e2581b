package dev.kubereplay.intellij.recordings.panel;

import dev.kubereplay.intellij.recordings.details.LatencyBars;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.EndpointDto;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * The selected endpoint's latency histogram, painted as {@link LatencyBars} lays it out: bars in
 * blue, their counts above them, the bucket bounds under the axis, p50 and p95 as thin green and
 * amber lines with their labels, the title above. Hidden when no endpoint with durations is shown.
 */
public final class LatencyChart extends JComponent {

  static final Color BAR = RecordingColors.INFO;
  static final Color P50 = RecordingColors.OK;
  static final Color P95 = RecordingColors.CAUTION;
  static final Color AXIS = RecordingColors.MUTED;

  private @Nullable EndpointDto endpoint;

  public LatencyChart() {
    setOpaque(true);
    setVisible(false);
    updateUI();
  }

  /** The labels' font, again when the Look and Feel changes. */
  @Override
  public void updateUI() {
    super.updateUI();
    Font font = UIManager.getFont("Label.font");
    setFont(font != null ? font.deriveFont(Font.PLAIN) : new Font(Font.DIALOG, Font.PLAIN, 12));
  }

  /** Shows {@code e}'s histogram; hides the chart when there is none to show. */
  public void setEndpoint(@Nullable EndpointDto e) {
    endpoint = e != null && e.latency() != null && !e.latency().counts().isEmpty() ? e : null;
    setVisible(endpoint != null);
    repaint();
  }

  /** The endpoint shown, or null. */
  public EndpointDto endpoint() {
    return endpoint;
  }

  /** Where the chart puts its parts at its present size, or null when it shows nothing. */
  public LatencyBars bars() {
    return endpoint == null ? null : bars(endpoint, getWidth(), getHeight());
  }

  private LatencyBars bars(EndpointDto e, int width, int height) {
    FontMetrics title = getFontMetrics(titleFont());
    FontMetrics small = getFontMetrics(smallFont());
    return LatencyBars.of(
        e, width, height, title.getHeight(), small.getHeight(), small::stringWidth);
  }

  private Font titleFont() {
    return getFont().deriveFont(Font.BOLD);
  }

  private Font smallFont() {
    return getFont().deriveFont(getFont().getSize2D() - 1f);
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(360, 240);
  }

  @Override
  protected void paintComponent(Graphics g) {
    if (isOpaque()) {
      g.setColor(getBackground());
      g.fillRect(0, 0, getWidth(), getHeight());
    }
    EndpointDto e = endpoint;
    if (e == null) {
      return;
    }
    LatencyBars chart = bars(e, getWidth(), getHeight());
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      paint(g2, chart);
    } finally {
      g2.dispose();
    }
  }

  private void paint(Graphics2D g, LatencyBars chart) {
    g.setFont(titleFont());
    g.setColor(getForeground());
    g.drawString(chart.title(), LatencyBars.PAD, chart.titleTop() + g.getFontMetrics().getAscent());

    g.setFont(smallFont());
    FontMetrics small = g.getFontMetrics();
    int ascent = small.getAscent();
    g.setColor(BAR);
    for (LatencyBars.Bar bar : chart.bars()) {
      g.fillRect(bar.x(), bar.top(), bar.width(), bar.height());
    }
    g.setColor(AXIS);
    g.drawLine(chart.plotLeft(), chart.axis(), chart.plotRight(), chart.axis());
    for (LatencyBars.Tick tick : chart.ticks()) {
      g.drawLine(tick.x(), chart.axis(), tick.x(), chart.axis() + (tick.shown() ? 3 : 1));
      if (tick.shown()) {
        g.drawString(
            tick.label(),
            tick.x() - small.stringWidth(tick.label()) / 2,
            chart.labelTop() + ascent);
      }
    }
    for (LatencyBars.Marker marker : chart.markers()) {
      g.setColor(marker.name().equals("p50") ? P50 : P95);
      g.drawLine(marker.x(), marker.top() + 2, marker.x(), chart.axis() - 1);
      g.drawString(marker.label(), marker.labelX(), marker.top() + ascent);
    }
    if (chart.countsShown()) {
      g.setColor(getForeground());
      for (LatencyBars.Bar bar : chart.bars()) {
        if (!bar.label().isEmpty()) {
          int w = small.stringWidth(bar.label());
          g.drawString(bar.label(), bar.x() + (bar.width() - w) / 2, bar.labelTop() + ascent);
        }
      }
    }
  }
}
