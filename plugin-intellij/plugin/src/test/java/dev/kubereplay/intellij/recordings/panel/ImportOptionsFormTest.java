package dev.kubereplay.intellij.recordings.panel;

import static dev.kubereplay.intellij.testing.Screens.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.recordings.ImportOptions;
import dev.kubereplay.intellij.testing.Screens;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The import dialog's fields, headless: filled with the defaults, read back as options. */
class ImportOptionsFormTest {

  private static final String FILE = "/home/me/Downloads/orders.postman_collection.json";

  @Test
  void accepting_the_form_as_shown_gives_the_defaults() throws Exception {
    ImportOptions options =
        onEdt(() -> new ImportOptionsForm(ImportOptions.defaults(FILE), Optional::empty).options());
    assertThat(options).isEqualTo(ImportOptions.defaults(FILE));
    assertThat(options.params())
        .isEqualTo(new ImportFileParams(FILE, null, null, null, null, null, null));
  }

  @Test
  void what_the_user_changes_is_what_is_sent() throws Exception {
    ImportFileParams params =
        onEdt(
            () -> {
              ImportOptionsForm form =
                  new ImportOptionsForm(
                      ImportOptions.defaults(FILE),
                      () -> Optional.of("/home/me/staging.postman_environment.json"));
              form.formatField().setSelectedItem("postman");
              form.nameField().setText("orders (staging)");
              form.outboundHostsField().setText("payments.internal, auth.internal");
              form.browseButton().doClick();
              return form.options().params();
            });
    assertThat(params)
        .isEqualTo(
            new ImportFileParams(
                FILE,
                "postman",
                "orders (staging)",
                List.of("payments.internal", "auth.internal"),
                null,
                null,
                "/home/me/staging.postman_environment.json"));
  }

  @Test
  void the_form_offers_auto_detect_first_and_every_format() throws Exception {
    List<String> formats =
        onEdt(
            () -> {
              ImportOptionsForm form =
                  new ImportOptionsForm(ImportOptions.defaults(FILE), Optional::empty);
              List<String> items = new java.util.ArrayList<>();
              for (int i = 0; i < form.formatField().getItemCount(); i++) {
                items.add(form.formatField().getItemAt(i));
              }
              return items;
            });
    assertThat(formats)
        .containsExactly("auto-detect", "har", "postman", "jsonl", "wiremock", "speedscale");
  }

  @Test
  void painted_with_its_hints() throws Exception {
    BufferedImage image =
        onEdt(
            () -> {
              ImportOptionsForm form =
                  new ImportOptionsForm(
                      new ImportOptions(
                          FILE, null, "orders collection", List.of("payments.internal"), null),
                      Optional::empty);
              return Screens.paint(form, 600, form.getPreferredSize().height);
            });
    Path png = Screens.save(image, "intellij-recordings-import-options.png");
    assertThat(Files.size(png)).isGreaterThan(5_000);
    assertThat(
            Screens.ink(image, new java.awt.Rectangle(0, 0, image.getWidth(), image.getHeight())))
        .isGreaterThan(1500);
  }
}
