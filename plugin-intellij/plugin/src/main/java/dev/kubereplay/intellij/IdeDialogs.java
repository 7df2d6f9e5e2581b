package dev.kubereplay.intellij;

import com.intellij.openapi.fileChooser.FileChooser;
import com.intellij.openapi.fileChooser.FileChooserDescriptorFactory;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.DialogBuilder;
import com.intellij.openapi.ui.Messages;
import com.intellij.openapi.vfs.VirtualFile;
import dev.kubereplay.intellij.cluster.actions.ClusterActions;
import dev.kubereplay.intellij.recordings.ImportOptions;
import dev.kubereplay.intellij.recordings.actions.RecordingsActions;
import dev.kubereplay.intellij.recordings.panel.ImportOptionsForm;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The actions' questions as IntelliJ dialogs, and the project they belong to; what is asked, and
 * when, is decided elsewhere.
 */
final class IdeDialogs
    implements ClusterActions.Confirmer,
        ClusterActions.Chooser,
        RecordingsActions.FilePicker,
        RecordingsActions.ImportOptionsAsker,
        RecordingsActions.Workspace {

  private final Project project;

  IdeDialogs(Project project) {
    this.project = project;
  }

  @Override
  public boolean confirm(String title, String message, String confirmText) {
    return Messages.showYesNoDialog(
            project, message, title, confirmText, "Cancel", Messages.getWarningIcon())
        == Messages.YES;
  }

  @Override
  public Optional<String> choose(
      String title, String message, List<String> options, String initial) {
    String chosen =
        Messages.showEditableChooseDialog(
            message, title, null, options.toArray(String[]::new), initial, null);
    return Optional.ofNullable(chosen).map(String::trim).filter(text -> !text.isEmpty());
  }

  @Override
  public Optional<String> chooseFileToImport() {
    VirtualFile file =
        FileChooser.chooseFile(
            FileChooserDescriptorFactory.createSingleFileNoJarsDescriptor(), project, null);
    return Optional.ofNullable(file).map(VirtualFile::getPath);
  }

  /** The project's {@code kubereplay.json}, as the CLI reads it from the workspace. */
  @Override
  public Optional<Path> mocksSettings() {
    String base = project.getBasePath();
    return base == null ? Optional.empty() : Optional.of(Path.of(base, "kubereplay.json"));
  }

  @Override
  public void copyToClipboard(String text) {
    RecordingsActions.NO_WORKSPACE.copyToClipboard(text); // the system clipboard the IDE reads
  }

  @Override
  public Optional<ImportOptions> askImportOptions(ImportOptions defaults) {
    ImportOptionsForm form = new ImportOptionsForm(defaults, this::chooseFileToImport);
    DialogBuilder dialog = new DialogBuilder(project);
    dialog.setTitle("Import into a New Snapshot");
    dialog.setCenterPanel(form);
    dialog.setPreferredFocusComponent(form.preferredFocus());
    // The format is picked from a fixed list, so the options are always valid.
    return dialog.showAndGet() ? Optional.of(form.options()) : Optional.empty();
  }
}
