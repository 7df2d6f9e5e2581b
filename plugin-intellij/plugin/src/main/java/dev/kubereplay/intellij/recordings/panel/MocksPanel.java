package dev.kubereplay.intellij.recordings.panel;

import dev.kubereplay.intellij.recordings.RecordingsModel;
import dev.kubereplay.intellij.recordings.mocks.MockLogEntry;
import dev.kubereplay.intellij.recordings.mocks.MockText;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.replay.MocksDto;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Insets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;

/**
 * Under the Recordings tree while mocks run or their log has rows: where the mocks listen and the
 * environment to use (Copy Environment, Stop Mocks), then the live mock log. Selecting a row opens
 * its recorded pair (for a miss: the closest one) in the pane beside the tree.
 */
public final class MocksPanel extends JPanel {

  /** How many environment lines show before the area scrolls. */
  private static final int ENVIRONMENT_LINES = 5;

  private final RecordingsModel model;
  final JLabel listening = new JLabel(" ");
  final JTextArea environment = new JTextArea();
  private final JScrollPane environmentScroll;
  final JButton copy = new JButton("Copy Environment");
  final JButton stop = new JButton("Stop Mocks");
  final JButton clear = new JButton("Clear Log");
  final JLabel logTitle = new JLabel(" ");
  private final DefaultListModel<MockLogEntry> rows = new DefaultListModel<>();
  final JList<MockLogEntry> log = new JList<>(rows);
  private final JScrollPane logScroll = new JScrollPane(log);
  private Consumer<String> copier = snapshotId -> {};
  private @Nullable MocksDto shown;
  private List<MockLogEntry> shownLog = List.of();
  private boolean updating;

  MocksPanel(RecordingsModel model) {
    super(new BorderLayout());
    this.model = model;
    setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, RecordingColors.MUTED));

    listening.setFont(listening.getFont().deriveFont(Font.BOLD));
    environment.setEditable(false);
    environment.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    environment.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
    copy.addActionListener(e -> whenShown(s -> copier.accept(s.snapshotId())));
    stop.addActionListener(e -> whenShown(s -> model.stopMocks(s.snapshotId())));
    clear.addActionListener(e -> model.clearMockLog());
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
    buttons.add(copy);
    buttons.add(stop);
    buttons.add(clear);

    JPanel top = new JPanel(new BorderLayout(0, 2));
    top.setBorder(BorderFactory.createEmptyBorder(4, 6, 2, 6));
    top.add(listening, BorderLayout.NORTH);
    // In a scroll pane: a long value (JAVA_TOOL_OPTIONS) must not make the tree's side wider.
    environmentScroll =
        new JScrollPane(
            environment,
            JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
            JScrollPane.HORIZONTAL_SCROLLBAR_AS_NEEDED) {
          @Override
          public Dimension getPreferredSize() {
            // At most a few lines high, so the log keeps its room; plus the scroll bar a long
            // line brings, so that it never hides the last line shown.
            Dimension size = super.getPreferredSize();
            int line = environment.getFontMetrics(environment.getFont()).getHeight();
            Insets insets = environment.getInsets();
            size.height =
                Math.min(size.height, ENVIRONMENT_LINES * line + insets.top + insets.bottom)
                    + getHorizontalScrollBar().getPreferredSize().height;
            return size;
          }
        };
    environmentScroll.setBorder(BorderFactory.createEmptyBorder());
    top.add(environmentScroll, BorderLayout.CENTER);
    top.add(buttons, BorderLayout.SOUTH);

    log.setCellRenderer(new MockLogRenderer());
    log.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    log.addListSelectionListener(
        e -> {
          MockLogEntry entry = log.getSelectedValue();
          if (!updating && !e.getValueIsAdjusting() && entry != null && entry.pairId() != null) {
            model.selectLogEntry(entry);
          }
        });
    logTitle.setBorder(BorderFactory.createEmptyBorder(4, 6, 2, 6));
    JPanel logPanel = new JPanel(new BorderLayout());
    logPanel.add(logTitle, BorderLayout.NORTH);
    logPanel.add(logScroll, BorderLayout.CENTER);

    add(top, BorderLayout.NORTH);
    add(logPanel, BorderLayout.CENTER);
    setPreferredSize(new Dimension(400, 340));
  }

  /** What Copy Environment does with the shown mocks' snapshot id (the IDE's clipboard). */
  public void setEnvironmentCopier(Consumer<String> copier) {
    this.copier = copier;
  }

  public JList<MockLogEntry> logList() {
    return log;
  }

  public JButton copyButton() {
    return copy;
  }

  public JButton stopButton() {
    return stop;
  }

  public JLabel listeningLabel() {
    return listening;
  }

  public JTextArea environmentArea() {
    return environment;
  }

  /**
   * Shows the mocks of {@code selectedSnapshot} when they run, else the newest running ones, and
   * the log; hidden while nothing runs and the log is empty. The log follows its newest row unless
   * a row is selected.
   */
  void update(@Nullable String selectedSnapshot) {
    Map<String, MocksDto> running = model.runningMocks();
    List<MockLogEntry> entries = model.mockLog();
    setVisible(!running.isEmpty() || !entries.isEmpty());
    shown =
        selectedSnapshot != null && running.containsKey(selectedSnapshot)
            ? running.get(selectedSnapshot)
            : running.values().stream().reduce((first, second) -> second).orElse(null);
    if (shown == null) {
      listening.setText("No mocks running: Start Mocks on a snapshot");
      environment.setText("");
      environmentScroll.setVisible(false);
    } else {
      listening.setText(
          MockText.listening(shown)
              + (running.size() > 1 ? " · " + running.size() + " running" : ""));
      environment.setText(MockText.exports(shown.environment()).stripTrailing());
      environmentScroll.setVisible(true);
    }
    copy.setEnabled(shown != null);
    stop.setEnabled(shown != null);
    clear.setEnabled(!entries.isEmpty());
    logTitle.setText(title(entries));
    if (!entries.equals(shownLog)) {
      refill(entries);
    }
  }

  private void refill(List<MockLogEntry> entries) {
    updating = true;
    try {
      MockLogEntry selected = log.getSelectedValue();
      rows.clear();
      rows.addAll(entries);
      shownLog = entries;
      int again = selected == null ? -1 : entries.indexOf(selected);
      if (again >= 0) {
        log.setSelectedIndex(again);
      } else if (!entries.isEmpty()) {
        log.ensureIndexIsVisible(entries.size() - 1);
      }
    } finally {
      updating = false;
    }
  }

  private static String title(List<MockLogEntry> entries) {
    long hits = 0;
    long misses = 0;
    for (MockLogEntry e : entries) {
      if (e.kind() == MockLogEntry.Kind.HIT) {
        hits += e.count();
      } else if (e.kind() == MockLogEntry.Kind.MISS) {
        misses++;
      }
    }
    return "Mock log · "
        + hits
        + (hits == 1 ? " hit" : " hits")
        + " · "
        + misses
        + (misses == 1 ? " miss" : " misses");
  }

  private void whenShown(Consumer<MocksDto> action) {
    if (shown != null) {
      action.accept(shown);
    }
  }
}
