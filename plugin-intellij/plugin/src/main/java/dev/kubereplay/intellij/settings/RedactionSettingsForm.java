package dev.kubereplay.intellij.settings;

import java.awt.Color;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * The Kube Replay settings page in plain Swing: the extra redaction keys, typed one per line or
 * comma-separated, and what is redacted whatever they say.
 */
public final class RedactionSettingsForm extends JPanel {

  private final JTextArea keys = new JTextArea(8, 40);
  private final JScrollPane keysPane = new JScrollPane(keys);
  private final JTextArea explanation = new JTextArea(RedactionKeys.ALWAYS_REDACTED);

  public RedactionSettingsForm() {
    super(new GridBagLayout());
    JLabel title = new JLabel("Extra redaction keys (JSON keys and query parameters):");
    title.setLabelFor(keys);
    JLabel hint = new JLabel(RedactionKeys.HINT);
    hint.setForeground(new Color(0x8C8C8C));
    hint.setFont(hint.getFont().deriveFont(hint.getFont().getSize2D() - 1f));
    explanation.setEditable(false);
    explanation.setFocusable(false);
    explanation.setLineWrap(true);
    explanation.setWrapStyleWord(true);
    explanation.setOpaque(false);
    explanation.setBorder(null);
    explanation.setFont(title.getFont().deriveFont(Font.PLAIN));
    // A width to start from, so that the wrapped text does not ask for one line's width.
    explanation.setColumns(40);
    Color labelColor = UIManager.getColor("Label.foreground");
    if (labelColor != null) {
      explanation.setForeground(labelColor);
    }

    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.weightx = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.anchor = GridBagConstraints.FIRST_LINE_START;
    c.gridy = 0;
    c.insets = new Insets(0, 0, 4, 0);
    add(title, c);
    c.gridy = 1;
    c.insets = new Insets(0, 0, 2, 0);
    keysPane.setMinimumSize(keysPane.getPreferredSize());
    add(keysPane, c);
    c.gridy = 2;
    c.insets = new Insets(0, 2, 10, 0);
    add(hint, c);
    c.gridy = 3;
    c.insets = new Insets(0, 0, 0, 0);
    add(explanation, c);
    c.gridy = 4;
    c.weighty = 1;
    c.fill = GridBagConstraints.BOTH;
    add(
        new JPanel(null) {
          {
            setOpaque(false);
          }
        },
        c);
    setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
  }

  /** Shows the keys as saved, one per line. */
  public void reset(List<String> saved) {
    keys.setText(RedactionKeys.text(saved));
    keys.setCaretPosition(0);
  }

  /**
   * The keys as typed now.
   *
   * @throws RedactionKeys.InvalidKeyException naming an entry that is not a key
   */
  public List<String> keys() throws RedactionKeys.InvalidKeyException {
    return RedactionKeys.parse(keys.getText());
  }

  /** Whether applying would change {@code saved}: true as well while an entry is not a key. */
  public boolean isModified(List<String> saved) {
    try {
      return !keys().equals(saved);
    } catch (RedactionKeys.InvalidKeyException e) {
      return true;
    }
  }

  /** Where typing starts. */
  public JComponent preferredFocus() {
    return keys;
  }

  JTextArea keysArea() {
    return keys;
  }

  JScrollPane keysPane() {
    return keysPane;
  }

  JTextArea explanation() {
    return explanation;
  }
}
