package dev.kubereplay.intellij.settings;

import static dev.kubereplay.intellij.testing.Screens.onEdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.intellij.testing.Screens;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The settings page's form, headless: shown from the settings, read back, painted. */
class RedactionSettingsFormTest {

  @Test
  void the_saved_keys_are_shown_one_per_line_and_unchanged_read_back() throws Exception {
    List<Object> result =
        onEdt(
            () -> {
              RedactionSettingsForm form = new RedactionSettingsForm();
              form.reset(List.of("card_number", "ssn"));
              try {
                return List.of(
                    form.keysArea().getText(),
                    form.keys(),
                    form.isModified(List.of("card_number", "ssn")));
              } catch (RedactionKeys.InvalidKeyException e) {
                throw new AssertionError(e);
              }
            });
    assertThat(result).containsExactly("card_number\nssn", List.of("card_number", "ssn"), false);
  }

  @Test
  void what_is_typed_is_read_as_keys_and_marks_the_page_modified() throws Exception {
    List<Object> result =
        onEdt(
            () -> {
              RedactionSettingsForm form = new RedactionSettingsForm();
              form.reset(List.of("ssn"));
              form.keysArea().setText(" ssn, card_number\n\niban\nSSN\n");
              try {
                return List.of(form.keys(), form.isModified(List.of("ssn")));
              } catch (RedactionKeys.InvalidKeyException e) {
                throw new AssertionError(e);
              }
            });
    assertThat(result).containsExactly(List.of("ssn", "card_number", "iban"), true);
  }

  @Test
  void an_invalid_entry_is_refused_by_name_and_keeps_the_page_modified() throws Exception {
    RedactionSettingsForm form =
        onEdt(
            () -> {
              RedactionSettingsForm f = new RedactionSettingsForm();
              f.reset(List.of("ssn"));
              f.keysArea().setText("ssn\ncard number");
              return f;
            });
    assertThat(onEdt(() -> form.isModified(List.of("ssn")))).isTrue();
    assertThatThrownBy(form::keys)
        .isInstanceOf(RedactionKeys.InvalidKeyException.class)
        .hasMessageContaining("\"card number\"");
  }

  @Test
  void painted_with_the_keys_and_the_explanation() throws Exception {
    record Painted(BufferedImage image, Rectangle keys, Rectangle explanation, Rectangle gap) {}
    Painted painted =
        onEdt(
            () -> {
              RedactionSettingsForm form = new RedactionSettingsForm();
              form.reset(List.of("card_number", "ssn", "iban"));
              BufferedImage image = Screens.paint(form, 640, 420);
              Rectangle keys = bounds(form.keysPane(), form);
              Rectangle explanation = bounds(form.explanation(), form);
              // Between the end of the explanation and the bottom: nothing is painted there.
              int below = explanation.y + explanation.height + 4;
              Rectangle gap = new Rectangle(0, below, 640, 420 - below - 4);
              return new Painted(image, keys, explanation, gap);
            });
    Path png = Screens.save(painted.image(), "intellij-redaction-settings.png");
    assertThat(Files.size(png)).isGreaterThan(5_000);

    assertThat(painted.keys().width).isGreaterThan(400);
    assertThat(painted.keys().height).isGreaterThan(80);
    // The typed keys: ink inside the text area, below its border.
    Rectangle typed =
        new Rectangle(
            painted.keys().x + 3,
            painted.keys().y + 3,
            painted.keys().width - 6,
            painted.keys().height - 6);
    assertThat(Screens.ink(painted.image(), typed)).isGreaterThan(150);
    // Three lines typed, so the lower half of the area holds no text.
    Rectangle lowerHalf =
        new Rectangle(typed.x, typed.y + typed.height / 2, typed.width - 20, typed.height / 2 - 2);
    assertThat(Screens.ink(painted.image(), lowerHalf)).isZero();

    // The explanation wraps onto several lines, every one of them inked.
    assertThat(painted.explanation().y).isGreaterThan(painted.keys().y + painted.keys().height);
    assertThat(painted.explanation().width).isGreaterThan(400);
    int lineHeight = 12;
    assertThat(painted.explanation().height).isGreaterThan(3 * lineHeight);
    assertThat(Screens.ink(painted.image(), painted.explanation())).isGreaterThan(1500);
    Rectangle lastLine =
        new Rectangle(
            painted.explanation().x,
            painted.explanation().y + painted.explanation().height - lineHeight,
            painted.explanation().width,
            lineHeight);
    assertThat(Screens.ink(painted.image(), lastLine)).isGreaterThan(50);
    assertThat(Screens.ink(painted.image(), painted.gap())).isZero();
  }

  private static Rectangle bounds(JComponent component, JComponent in) {
    return SwingUtilities.convertRectangle(component.getParent(), component.getBounds(), in);
  }
}
