package dev.kubereplay.intellij.recordings.panel;

import dev.kubereplay.intellij.recordings.ImportOptions;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;

/**
 * The import dialog's fields in plain Swing, filled with an import's defaults so that accepting
 * them is one click: format, snapshot name, outbound hosts and a Postman environment file.
 */
public final class ImportOptionsForm extends JPanel {

  private final String path;
  private final JComboBox<String> format;
  private final JTextField name = new JTextField(28);
  private final JTextField outboundHosts = new JTextField(28);
  private final JTextField environment = new JTextField(28);
  private final JButton browse = new JButton("Browse…");

  /**
   * @param browseEnvironment picks the environment file; empty when cancelled
   */
  public ImportOptionsForm(ImportOptions defaults, Supplier<Optional<String>> browseEnvironment) {
    super(new GridBagLayout());
    this.path = defaults.path();
    List<String> formats = new ArrayList<>();
    formats.add(ImportOptions.AUTO_DETECT);
    formats.addAll(ImportOptions.FORMATS);
    format = new JComboBox<>(formats.toArray(String[]::new));
    format.setSelectedItem(
        defaults.format() == null ? ImportOptions.AUTO_DETECT : defaults.format());
    name.setText(defaults.name());
    outboundHosts.setText(defaults.hostsText());
    environment.setText(defaults.environmentPath() == null ? "" : defaults.environmentPath());
    browse.addActionListener(event -> browseEnvironment.get().ifPresent(environment::setText));

    JLabel file = new JLabel(path);
    file.setToolTipText(path);
    row(0, "File:", file, null);
    row(1, "Format:", format, "auto-detect reads the file to tell");
    row(2, "Snapshot name:", name, null);
    row(3, "Outbound hosts:", outboundHosts, "comma-separated; their pairs become OUT (mocks)");
    JPanel env = new JPanel(new BorderLayout(4, 0));
    env.add(environment, BorderLayout.CENTER);
    env.add(browse, BorderLayout.EAST);
    row(4, "Postman environment:", env, "optional: fills the collection's {{variables}}");
    setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
    setPreferredSize(new Dimension(560, getPreferredSize().height));
  }

  private void row(int y, String label, JComponent field, String hint) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridy = y * 2;
    c.gridx = 0;
    c.anchor = GridBagConstraints.LINE_START;
    c.insets = new Insets(4, 0, 0, 8);
    add(new JLabel(label), c);
    c.gridx = 1;
    c.weightx = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.insets = new Insets(4, 0, 0, 0);
    add(field, c);
    if (hint != null) {
      JLabel small = new JLabel(hint);
      small.setForeground(new Color(0x8C8C8C));
      small.setFont(small.getFont().deriveFont(small.getFont().getSize2D() - 1f));
      c.gridy = y * 2 + 1;
      c.insets = new Insets(0, 2, 2, 0);
      add(small, c);
    }
  }

  /** What the fields say now. */
  public ImportOptions options() {
    String env = environment.getText().trim();
    return new ImportOptions(
        path,
        ImportOptions.format((String) format.getSelectedItem()),
        name.getText().trim(),
        ImportOptions.hosts(outboundHosts.getText()),
        env.isEmpty() ? null : env);
  }

  /** The field a user most often changes: the name. */
  public JComponent preferredFocus() {
    return name;
  }

  JComboBox<String> formatField() {
    return format;
  }

  JTextField nameField() {
    return name;
  }

  JTextField outboundHostsField() {
    return outboundHosts;
  }

  JButton browseButton() {
    return browse;
  }
}
