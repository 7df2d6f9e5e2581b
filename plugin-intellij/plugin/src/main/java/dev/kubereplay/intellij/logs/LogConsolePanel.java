package dev.kubereplay.intellij.logs;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultCaret;
import javax.swing.text.Element;

/**
 * A log follow in a tab: a header (what is followed, and how it ended), a stop button, and a
 * read-only text area with the newest line at the bottom, at most {@link LogConsole#MAX_LINES}.
 * Updates are coalesced: however many batches arrive, the UI thread catches up once.
 */
public final class LogConsolePanel extends JPanel {

  private static final Color ERROR_COLOR = new Color(0xB3261E);

  private final LogConsole console;
  private final JLabel title = new JLabel();
  private final JLabel status = new JLabel();
  private final JButton stop = new JButton("Stop");
  private final JTextArea text = new JTextArea();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Runnable listener = this::changed;
  private long shown;

  public LogConsolePanel(LogConsole console) {
    super(new BorderLayout());
    this.console = console;

    title.setText(console.title());
    title.setFont(title.getFont().deriveFont(Font.BOLD));
    status.setBorder(BorderFactory.createEmptyBorder(0, 10, 0, 0));
    stop.setToolTipText("Stop following (logs/stop)");
    stop.addActionListener(e -> console.stop());
    JPanel header = new JPanel();
    header.setLayout(new BoxLayout(header, BoxLayout.X_AXIS));
    header.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 4));
    header.add(title);
    header.add(status);
    header.add(Box.createHorizontalGlue());
    header.add(stop);
    add(header, BorderLayout.NORTH);

    text.setEditable(false);
    text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, text.getFont().getSize()));
    text.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
    ((DefaultCaret) text.getCaret()).setUpdatePolicy(DefaultCaret.ALWAYS_UPDATE);
    add(new JScrollPane(text), BorderLayout.CENTER);

    console.addListener(listener);
    catchUp();
  }

  /** Stops listening; the tab's disposer also stops the follow. */
  public void dispose() {
    console.removeListener(listener);
  }

  private void changed() {
    if (scheduled.compareAndSet(false, true)) {
      SwingUtilities.invokeLater(this::catchUp);
    }
  }

  private void catchUp() {
    scheduled.set(false);
    LogConsole.Snapshot snapshot = console.since(shown);
    if (!snapshot.lines().isEmpty()) {
      StringBuilder more = new StringBuilder();
      for (String line : snapshot.lines()) {
        more.append(line).append('\n');
      }
      text.append(more.toString());
      trim();
      text.setCaretPosition(text.getDocument().getLength());
    }
    shown = snapshot.total();
    showPhase(snapshot);
  }

  /** Keeps the last {@link LogConsole#MAX_LINES} lines: drops whole lines off the top. */
  private void trim() {
    Element root = text.getDocument().getDefaultRootElement();
    int extra = root.getElementCount() - 1 - LogConsole.MAX_LINES; // the last element is empty
    if (extra > 0) {
      try {
        text.getDocument().remove(0, root.getElement(extra - 1).getEndOffset());
      } catch (BadLocationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private void showPhase(LogConsole.Snapshot snapshot) {
    String pods =
        snapshot.pods().isEmpty()
            ? ""
            : snapshot.pods().size() == 1
                ? snapshot.pods().get(0)
                : snapshot.pods().size() + " pods";
    Color grey = UIManager.getColor("Label.disabledForeground");
    status.setForeground(grey != null ? grey : Color.GRAY);
    switch (snapshot.phase()) {
      case STARTING -> status.setText("starting…");
      case FOLLOWING -> status.setText(pods + " · following");
      case ENDED -> {
        status.setText((pods.isEmpty() ? "" : pods + " · ") + "ended: " + snapshot.endReason());
        if (!"stopped".equals(snapshot.endReason())) {
          status.setForeground(ERROR_COLOR);
        }
      }
      case FAILED -> {
        status.setText("failed: " + snapshot.endReason());
        status.setForeground(ERROR_COLOR);
      }
    }
    stop.setEnabled(
        snapshot.phase() == LogConsole.Phase.STARTING
            || snapshot.phase() == LogConsole.Phase.FOLLOWING);
  }

  JTextArea text() {
    return text;
  }

  JLabel status() {
    return status;
  }

  JButton stopButton() {
    return stop;
  }
}
