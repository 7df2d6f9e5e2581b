package dev.kubereplay.intellij.recordings.panel;

import static dev.kubereplay.intellij.testing.Screens.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.recordings.MockSamples;
import dev.kubereplay.intellij.recordings.RecordingsModel;
import dev.kubereplay.intellij.recordings.mocks.MockLogEntry;
import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.intellij.rpc.UiThreadGuard;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.intellij.testing.Screens;
import dev.kubereplay.protocol.replay.StopMocksParams;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Running mocks and their live log under the Recordings tree, painted headless. */
class MocksPanelTest {

  private final FakeServer fake = MockSamples.mocks(new FakeServer());
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final RecordingsModel model = session.recordings();

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  @Test
  void mocks_their_environment_and_a_miss_opened_beside_its_closest_pair() throws Exception {
    RecordingText.zone(ZoneOffset.UTC);
    RecordingsPanel panel = onEdt(() -> new RecordingsPanel(model));
    model.refresh();
    Await.until("listed", () -> sync(() -> panel.tree().getRowCount() == 2));
    assertThat(onEdt(() -> panel.mocksPanel().isVisible())).isFalse(); // nothing runs yet

    model.startMocks("s-1", null).join();
    fake.sendDidMatch(MockSamples.BATCH);
    MocksPanel mocks = panel.mocksPanel();
    Await.until("log shown", () -> sync(() -> mocks.logList().getModel().getSize() == 5));
    Screens.runOnEdt(() -> panel.tree().expandRow(0));
    Await.until("hosts", () -> sync(() -> panel.tree().getRowCount() == 4));
    Screens.runOnEdt(() -> mocks.logList().setSelectedIndex(2)); // the miss
    Await.until(
        "closest pair",
        () -> sync(() -> panel.documentArea().getText().contains("\"amount\": 3350")));

    assertThat(onEdt(() -> mocks.isVisible())).isTrue();
    assertThat(onEdt(() -> mocks.listeningLabel().getText()))
        .isEqualTo("Mocks of “checkout-flow” listen on 127.0.0.1:41234 · 318 recorded calls");
    assertThat(onEdt(() -> mocks.environmentArea().getText()))
        .startsWith("export HTTP_PROXY='http://127.0.0.1:41234'\n");
    assertThat(onEdt(() -> mocks.logTitle.getText())).isEqualTo("Mock log · 5 hits · 1 miss");
    assertThat(onEdt(() -> panel.documentArea().getText()))
        .startsWith("Request that missed (answered 598):")
        .contains("body $.amount: expected 3350, got 9999")
        .contains("Closest recorded pair 301:")
        .contains("POST /v1/charges");

    BufferedImage image = onEdt(() -> Screens.paint(panel, 1100, 680));
    Screens.runOnEdt(
        () -> {
          for (java.awt.Component c :
              java.util.List.of(
                  panel.tree().getParent().getParent(),
                  panel.tree().getParent().getParent().getParent(),
                  mocks,
                  panel.documentArea().getParent().getParent(),
                  panel.tree()))
            System.err.println(
                "DEBUG "
                    + c.getClass().getSimpleName()
                    + " pref "
                    + c.getPreferredSize()
                    + " size "
                    + c.getSize());
        });
    Path png = Screens.save(image, "intellij-mocks.png");
    assertThat(Files.size(png)).isGreaterThan(10_000);

    // The snapshot's row: a green triangle and where its mocks listen.
    Rectangle row = onEdt(() -> within(panel, panel.tree(), panel.tree().getRowBounds(0)));
    assertThat(Screens.pixelsNear(image, row, RecordingColors.OK, 40)).isGreaterThan(60);
    Rectangle otherRow =
        onEdt(
            () ->
                within(
                    panel,
                    panel.tree(),
                    panel.tree().getRowBounds(panel.tree().getRowCount() - 1)));
    assertThat(Screens.pixelsNear(image, otherRow, RecordingColors.OK, 40)).isLessThan(10);
    // The miss in the error colour, the hits' answers in green, nothing red on a hit's row.
    Rectangle miss =
        onEdt(() -> within(panel, mocks.logList(), mocks.logList().getCellBounds(2, 2)));
    assertThat(miss.height).isGreaterThan(3 * 12); // its closest call and differences under it
    Rectangle hit =
        onEdt(() -> within(panel, mocks.logList(), mocks.logList().getCellBounds(1, 1)));
    assertThat(Screens.pixelsNear(image, hit, RecordingColors.OK, 40)).isGreaterThan(30);
    assertThat(Screens.pixelsNear(image, hit, RecordingColors.ALERT, 40)).isZero();
    Rectangle unsent =
        onEdt(() -> within(panel, mocks.logList(), mocks.logList().getCellBounds(4, 4)));
    assertThat(Screens.ink(image, unsent)).isGreaterThan(30);
    // The environment and the pane beside: readable text.
    Rectangle env =
        onEdt(() -> within(panel, mocks.environmentArea(), mocks.environmentArea().getBounds()));
    assertThat(Screens.ink(image, env)).isGreaterThan(800);
    Rectangle doc =
        onEdt(() -> within(panel, panel.documentArea(), panel.documentArea().getVisibleRect()));
    assertThat(Screens.ink(image, doc)).isGreaterThan(1500);

    // Unselected, the miss is drawn in the error colour.
    Screens.runOnEdt(() -> mocks.logList().clearSelection());
    BufferedImage plain = onEdt(() -> Screens.paint(panel, 1100, 680));
    assertThat(Screens.pixelsNear(plain, miss, RecordingColors.ALERT, 40)).isGreaterThan(100);
    assertThat(UiThreadGuard.takeViolations()).isEmpty();
  }

  @Test
  void the_panels_buttons_copy_the_environment_and_stop_the_mocks_shown() throws Exception {
    RecordingsPanel panel = onEdt(() -> new RecordingsPanel(model));
    List<String> copied = new CopyOnWriteArrayList<>();
    Screens.runOnEdt(() -> panel.mocksPanel().setEnvironmentCopier(copied::add));
    model.refresh();
    Await.until("listed", () -> model.snapshot("s-1") != null);
    model.startMocks("s-1", null).join();
    Await.until("shown", () -> sync(() -> panel.mocksPanel().copyButton().isEnabled()));

    Screens.runOnEdt(() -> panel.mocksPanel().copyButton().doClick());
    Screens.runOnEdt(() -> panel.mocksPanel().stopButton().doClick());

    assertThat(copied).containsExactly("s-1");
    Await.until("stopped", () -> model.mocks("s-1") == null);
    assertThat(fake.params("replay/stopMocks")).containsExactly(new StopMocksParams("m-1"));
    Await.until("nothing to stop", () -> sync(() -> !panel.mocksPanel().stopButton().isEnabled()));
    assertThat(onEdt(() -> panel.mocksPanel().listeningLabel().getText()))
        .isEqualTo("No mocks running: Start Mocks on a snapshot");
    assertThat(UiThreadGuard.takeViolations()).isEmpty();
  }

  @Test
  void a_hit_opens_the_pair_it_was_answered_with() throws Exception {
    RecordingsPanel panel = onEdt(() -> new RecordingsPanel(model));
    model.refresh();
    Await.until("listed", () -> model.snapshot("s-1") != null);
    model.startMocks("s-1", null).join();
    fake.sendDidMatch(MockSamples.BATCH);
    MocksPanel mocks = panel.mocksPanel();
    Await.until("log shown", () -> sync(() -> mocks.logList().getModel().getSize() == 5));

    Screens.runOnEdt(() -> mocks.logList().setSelectedIndex(0));

    Await.until(
        "pair", () -> sync(() -> panel.documentArea().getText().contains("\"amount\": 3350")));
    assertThat(onEdt(() -> panel.documentArea().getText()))
        .startsWith("Request answered with pair 301:");
    MockLogEntry unsent = onEdt(() -> mocks.logList().getModel().getElementAt(4));
    assertThat(unsent.pairId()).isNull();
  }

  private static Rectangle within(JComponent panel, JComponent part, Rectangle area) {
    return SwingUtilities.convertRectangle(part, area, panel);
  }

  private static boolean sync(BooleanSupplier check) {
    try {
      return onEdt(check::getAsBoolean);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
