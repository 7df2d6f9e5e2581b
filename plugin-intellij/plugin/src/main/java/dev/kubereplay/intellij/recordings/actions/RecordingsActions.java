package dev.kubereplay.intellij.recordings.actions;

import dev.kubereplay.intellij.cluster.actions.ClusterActions;
import dev.kubereplay.intellij.recordings.DesktopRecording;
import dev.kubereplay.intellij.recordings.ImportOptions;
import dev.kubereplay.intellij.recordings.ImportRun;
import dev.kubereplay.intellij.recordings.RecordingsModel;
import dev.kubereplay.intellij.recordings.mocks.MockText;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.replay.MocksDto;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.HostEndpointsDto;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.SnapshotState;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What each Recordings action applies to and sends. The questions go through interfaces (the IDE's
 * dialogs in the plugin, answers given in tests).
 */
public final class RecordingsActions {

  /** Picks a file to import. */
  public interface FilePicker {
    Optional<String> chooseFileToImport();
  }

  /**
   * Shows an import's options, filled with {@code defaults}, in one dialog; what the user accepted,
   * or empty when cancelled.
   */
  @FunctionalInterface
  public interface ImportOptionsAsker {
    Optional<ImportOptions> askImportOptions(ImportOptions defaults);
  }

  /** Where the project keeps its settings, and the clipboard the mocks' environment goes to. */
  public interface Workspace {
    /**
     * The project's {@code kubereplay.json}, sent as the mocks' settings when it exists (checked
     * off the UI thread); empty without a project directory.
     */
    Optional<Path> mocksSettings();

    void copyToClipboard(String text);
  }

  /** No project settings; the system clipboard. */
  public static final Workspace NO_WORKSPACE =
      new Workspace() {
        @Override
        public Optional<Path> mocksSettings() {
          return Optional.empty();
        }

        @Override
        public void copyToClipboard(String text) {
          Toolkit.getDefaultToolkit()
              .getSystemClipboard()
              .setContents(new StringSelection(text), null);
        }
      };

  /** The answer that asks for a forward proxy instead of an upstream. */
  public static final String FORWARD = "forward proxy";

  private final RecordingsModel model;
  private final FilePicker files;
  private final ImportOptionsAsker importOptions;
  private final ClusterActions.Chooser chooser;
  private final ClusterActions.Confirmer confirmer;
  private final Workspace workspace;

  public RecordingsActions(
      RecordingsModel model,
      FilePicker files,
      ImportOptionsAsker importOptions,
      ClusterActions.Chooser chooser,
      ClusterActions.Confirmer confirmer) {
    this(model, files, importOptions, chooser, confirmer, NO_WORKSPACE);
  }

  public RecordingsActions(
      RecordingsModel model,
      FilePicker files,
      ImportOptionsAsker importOptions,
      ClusterActions.Chooser chooser,
      ClusterActions.Confirmer confirmer,
      Workspace workspace) {
    this.workspace = workspace;
    this.model = model;
    this.files = files;
    this.importOptions = importOptions;
    this.chooser = chooser;
    this.confirmer = confirmer;
  }

  public boolean enabled(RecordingAction action, @Nullable RecordingNode node) {
    return switch (action) {
      case IMPORT -> {
        ImportRun run = model.importRun();
        yield run == null || !run.phase().running();
      }
      case REFRESH -> true;
      case RECORD -> {
        DesktopRecording rec = model.recording();
        yield rec == null || !rec.phase().running();
      }
      case EXPORT, RENAME, DELETE -> node != null && node.snapshotId() != null;
      case START_MOCKS ->
          node != null
              && node.snapshotId() != null
              && model.mocks(node.snapshotId()) == null
              && !model.mocksStarting(node.snapshotId())
              && !recording(node);
      case STOP_MOCKS, COPY_ENVIRONMENT ->
          node != null && node.snapshotId() != null && model.mocks(node.snapshotId()) != null;
      case MARK_OUTBOUND -> reclassifiable(node, PairDirection.OUT);
      case MARK_INBOUND -> reclassifiable(node, PairDirection.IN);
      case MARK_ENDPOINT_OUTBOUND -> endpointReclassifiable(node, PairDirection.OUT);
      case MARK_ENDPOINT_INBOUND -> endpointReclassifiable(node, PairDirection.IN);
      case LOAD_MORE ->
          node != null
              && node.kind() == RecordingNode.Kind.LOAD_MORE
              && model.canLoadMore(
                  node.snapshotId(), node.host(), node.method(), node.pathTemplate());
    };
  }

  /**
   * What the action is called for {@code node}: a host's actions name the host, an endpoint's the
   * endpoint (method and path template).
   */
  public String text(RecordingAction action, @Nullable RecordingNode node) {
    return switch (action) {
      case MARK_OUTBOUND, MARK_INBOUND ->
          node != null && node.host() != null && hostRow(node)
              ? "Mark Host " + node.host() + " as " + RecordingText.directionName(to(action))
              : action.label();
      case MARK_ENDPOINT_OUTBOUND, MARK_ENDPOINT_INBOUND ->
          node != null && endpointRow(node)
              ? "Mark Endpoint "
                  + node.method()
                  + " "
                  + node.pathTemplate()
                  + " as "
                  + RecordingText.directionName(to(action))
              : action.label();
      default -> action.label();
    };
  }

  private static PairDirection to(RecordingAction action) {
    return action == RecordingAction.MARK_OUTBOUND
            || action == RecordingAction.MARK_ENDPOINT_OUTBOUND
        ? PairDirection.OUT
        : PairDirection.IN;
  }

  private static boolean hostRow(RecordingNode node) {
    return switch (node.kind()) {
      case HOST, ENDPOINT, PAIR -> true;
      default -> false;
    };
  }

  /**
   * An endpoint's row or one of its pairs: they know the endpoint's method and path template
   * (without a path the server would move the whole host).
   */
  private static boolean endpointRow(RecordingNode node) {
    return (node.kind() == RecordingNode.Kind.ENDPOINT || node.kind() == RecordingNode.Kind.PAIR)
        && node.host() != null
        && node.method() != null
        && node.pathTemplate() != null;
  }

  /**
   * A host's rows can move it to the other side, unless its snapshot is still being recorded or all
   * its pairs are on that side already.
   */
  private boolean reclassifiable(@Nullable RecordingNode node, PairDirection to) {
    if (node == null || node.host() == null || !hostRow(node) || recording(node)) {
      return false;
    }
    HostEndpointsDto host = model.host(node.snapshotId(), node.host());
    return host == null || (to == PairDirection.OUT ? host.inCount() : host.outCount()) > 0;
  }

  /**
   * An endpoint's row can move the endpoint to the other side when the endpoint has pairs on this
   * side; a pair's row when the pair itself is on this side. Not while the snapshot is being
   * recorded.
   */
  private boolean endpointReclassifiable(@Nullable RecordingNode node, PairDirection to) {
    if (node == null || !endpointRow(node) || recording(node)) {
      return false;
    }
    if (node.kind() == RecordingNode.Kind.PAIR) {
      return node.direction() != to;
    }
    EndpointDto endpoint =
        model.endpoint(node.snapshotId(), node.host(), node.method(), node.pathTemplate());
    return endpoint == null
        || (to == PairDirection.OUT ? endpoint.inCount() : endpoint.outCount()) > 0;
  }

  private boolean recording(RecordingNode node) {
    SnapshotDto snapshot = model.snapshot(node.snapshotId());
    return snapshot != null && RecordingText.state(snapshot) == SnapshotState.RECORDING;
  }

  public void perform(RecordingAction action, @Nullable RecordingNode node) {
    if (!enabled(action, node)) {
      return;
    }
    switch (action) {
      case IMPORT ->
          files
              .chooseFileToImport()
              .flatMap(path -> importOptions.askImportOptions(ImportOptions.defaults(path)))
              .ifPresent(model::importFile);
      case MARK_OUTBOUND -> model.reclassify(node.snapshotId(), node.host(), PairDirection.OUT);
      case MARK_INBOUND -> model.reclassify(node.snapshotId(), node.host(), PairDirection.IN);
      case MARK_ENDPOINT_OUTBOUND, MARK_ENDPOINT_INBOUND ->
          model.reclassify(
              node.snapshotId(), node.host(), node.method(), node.pathTemplate(), to(action));
      case LOAD_MORE ->
          model.loadMore(node.snapshotId(), node.host(), node.method(), node.pathTemplate());
      case REFRESH -> model.refresh();
      case START_MOCKS ->
          model.startMocks(node.snapshotId(), workspace.mocksSettings().orElse(null));
      case STOP_MOCKS -> model.stopMocks(node.snapshotId());
      case COPY_ENVIRONMENT -> copyEnvironment(node.snapshotId());
      case RECORD -> {
        Optional<String> upstream =
            chooser.choose(
                "Record Traffic",
                "Upstream to forward to (reverse proxy), or \"" + FORWARD + "\":",
                List.of("http://localhost:8080", FORWARD),
                "http://localhost:8080");
        if (upstream.isEmpty()) {
          return;
        }
        chooser
            .choose(
                "Record Traffic",
                "Listen on (host:port; port 0 picks a free one):",
                List.of("127.0.0.1:0"),
                "127.0.0.1:0")
            .ifPresent(
                listen ->
                    model.startRecording(
                        listen, upstream.get().equals(FORWARD) ? null : upstream.get(), null));
      }
      case RENAME -> {
        String name = name(node);
        chooser
            .choose("Rename Snapshot", "New name of \"" + name + "\":", List.of(name), name)
            .filter(typed -> !typed.equals(name))
            .ifPresent(typed -> model.rename(node.snapshotId(), typed));
      }
      case DELETE -> {
        String name = name(node);
        if (confirmer.confirm(
            "Delete Snapshot",
            "Delete snapshot \"" + name + "\" and all its pairs? This cannot be undone.",
            "Delete")) {
          model.delete(node.snapshotId());
        }
      }
      case EXPORT -> {
        String name = name(node);
        Optional<String> format =
            chooser
                .choose(
                    "Export Snapshot",
                    "Format (jsonl is lossless, har opens in browsers):",
                    List.of("jsonl", "har"),
                    "jsonl")
                .filter(f -> f.equals("jsonl") || f.equals("har"));
        if (format.isEmpty()) {
          return;
        }
        String suggested =
            System.getProperty("user.home") + "/" + fileSafe(name) + "." + format.get();
        chooser
            .choose("Export Snapshot", "Write \"" + name + "\" to:", List.of(suggested), suggested)
            .ifPresent(path -> model.export(node.snapshotId(), format.get(), path));
      }
    }
  }

  /**
   * Copy Environment: the snapshot's mocks' variables as {@code export NAME='value'} lines on the
   * clipboard; the status line says so.
   */
  public void copyEnvironment(String snapshotId) {
    MocksDto mocks = model.mocks(snapshotId);
    if (mocks != null) {
      workspace.copyToClipboard(MockText.exports(mocks.environment()));
      model.environmentCopied(mocks);
    }
  }

  private String name(RecordingNode node) {
    SnapshotDto s = model.snapshot(node.snapshotId());
    return s != null ? s.name() : node.snapshotId();
  }

  static String fileSafe(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    return safe.isEmpty() ? "snapshot" : safe;
  }
}
