package dev.kubereplay.intellij.recordings.panel;

import static dev.kubereplay.intellij.recordings.panel.RecordingColors.ALERT;
import static dev.kubereplay.intellij.recordings.panel.RecordingColors.ALERT_RECORDING;
import static dev.kubereplay.intellij.recordings.panel.RecordingColors.CAUTION;
import static dev.kubereplay.intellij.recordings.panel.RecordingColors.OK;

import dev.kubereplay.intellij.recordings.DesktopRecording;
import dev.kubereplay.intellij.recordings.ExportRun;
import dev.kubereplay.intellij.recordings.ImportRun;
import dev.kubereplay.intellij.recordings.RecordingsModel;
import dev.kubereplay.intellij.recordings.tree.RecordingText;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;

/**
 * The bars above the Recordings tree for what is running, each shown only while there is one: the
 * desktop recording (Stop), the export (Cancel), the import (progress and Cancel, then its report
 * and Close). Their buttons ask the model; the model's state sets them.
 */
final class RunningBars extends JPanel {

  private final JPanel importBox = new JPanel(new BorderLayout(6, 4));
  final JLabel importStatus = new JLabel();
  private final JProgressBar progress = new JProgressBar(0, 100);
  final JButton cancel = new JButton("Cancel");
  private final JButton dismiss = new JButton("Close");
  final JTextArea report = new JTextArea();
  private final JPanel exportBox = new JPanel(new BorderLayout(6, 4));
  final JLabel exportStatus = new JLabel();
  private final JProgressBar exportProgress = new JProgressBar();
  final JButton exportCancel = new JButton("Cancel");
  private final JPanel recordingBox = new JPanel(new BorderLayout(6, 0));
  final JLabel recordingStatus = new JLabel();
  final JButton stopRecording = new JButton("Stop");

  RunningBars(RecordingsModel model) {
    super(new BorderLayout());
    cancel.addActionListener(event -> model.cancelImport());
    dismiss.addActionListener(event -> model.dismissImport());
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
    buttons.add(cancel);
    buttons.add(dismiss);
    JPanel line = new JPanel(new BorderLayout(6, 0));
    line.add(importStatus, BorderLayout.CENTER);
    line.add(buttons, BorderLayout.EAST);
    progress.setStringPainted(false);
    report.setEditable(false);
    report.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    report.setBackground(getBackground());
    importBox.add(line, BorderLayout.NORTH);
    importBox.add(progress, BorderLayout.CENTER);
    importBox.add(report, BorderLayout.SOUTH);
    importBox.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    importBox.setVisible(false);

    exportCancel.addActionListener(event -> model.cancelExport());
    JPanel exportLine = new JPanel(new BorderLayout(6, 0));
    exportLine.add(exportStatus, BorderLayout.CENTER);
    exportLine.add(exportCancel, BorderLayout.EAST);
    exportBox.add(exportLine, BorderLayout.NORTH);
    exportBox.add(exportProgress, BorderLayout.CENTER);
    exportBox.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    exportBox.setVisible(false);

    stopRecording.addActionListener(event -> model.stopRecording());
    recordingBox.add(recordingStatus, BorderLayout.CENTER);
    recordingBox.add(stopRecording, BorderLayout.EAST);
    recordingBox.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    recordingBox.setVisible(false);
    add(recordingBox, BorderLayout.NORTH);
    add(exportBox, BorderLayout.CENTER);
    add(importBox, BorderLayout.SOUTH);
  }

  /** Shows the model's import, export and recording as they are now. */
  void update(RecordingsModel model) {
    ImportRun run = model.importRun();
    importBox.setVisible(run != null);
    if (run != null) {
      importStatus.setText(run.status());
      importStatus.setForeground(
          switch (run.phase()) {
            case FAILED -> ALERT;
            case CANCELLED -> CAUTION;
            case DONE -> OK;
            default -> getForeground();
          });
      progress.setVisible(run.phase().running());
      progress.setIndeterminate(run.percent() < 0);
      progress.setValue(Math.max(0, run.percent()));
      cancel.setVisible(run.phase().running());
      cancel.setEnabled(run.phase() != ImportRun.Phase.CANCELLING);
      dismiss.setVisible(!run.phase().running());
      report.setVisible(run.report() != null);
      report.setText(run.report() == null ? "" : RecordingText.report(run.report()));
    }
    ExportRun export = model.exportRun();
    exportBox.setVisible(export != null);
    exportProgress.setIndeterminate(export != null); // no animation while hidden
    if (export != null) {
      exportStatus.setText(export.status());
      exportCancel.setEnabled(!export.cancelling());
    }
    DesktopRecording rec = model.recording();
    recordingBox.setVisible(rec != null);
    if (rec != null) {
      recordingStatus.setText(rec.status());
      recordingStatus.setForeground(
          switch (rec.phase()) {
            case FAILED -> ALERT;
            case STOPPED -> OK;
            default -> ALERT_RECORDING;
          });
      stopRecording.setVisible(rec.phase().running());
      stopRecording.setEnabled(rec.phase() == DesktopRecording.Phase.RECORDING);
    }
  }
}
