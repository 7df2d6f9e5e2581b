// The commands that start and stop desktop recordings, and the status bar item that counts
// what they record.
import * as vscode from 'vscode';
import { BuiltinCommands, Commands, ContextKeys } from '../commands';
import { errorText } from '../rpc/errors';
import type {
  SnapshotResponse,
  StartRecordingParams,
  StartRecordingResponse,
} from '../rpc/protocol';
import {
  DEFAULT_LISTEN,
  startParams,
  validateListen,
  validateUpstream,
  type DesktopRecordings,
} from './desktop';
import { redactKeysOf } from './importOptions';

export interface DesktopApi {
  startRecording(params: StartRecordingParams): Promise<StartRecordingResponse>;
  stopRecording(recordingId: string): Promise<SnapshotResponse>;
}

/** Start Recording…, Stop Recording and the status bar; the tree is refreshed after each. */
export function registerDesktopCommands(
  api: DesktopApi,
  tree: { refresh(): void },
  desktop: DesktopRecordings,
): vscode.Disposable {
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.command = Commands.stopRecording;
  const showStatus = () => {
    const text = desktop.statusText();
    void vscode.commands.executeCommand(
      BuiltinCommands.setContext,
      ContextKeys.recording,
      text !== undefined,
    );
    if (text === undefined) {
      status.hide();
      return;
    }
    status.text = text;
    status.tooltip = desktop.statusTooltip();
    status.show();
  };
  showStatus();

  return vscode.Disposable.from(
    status,
    {
      dispose: desktop.onDidChange(showStatus),
    },
    vscode.commands.registerCommand(Commands.startRecording, async () => {
      const mode = await vscode.window.showQuickPick(
        [
          {
            label: 'Reverse proxy',
            detail:
              'Clients call the proxy, which forwards to a service: its traffic becomes IN pairs',
            forward: false,
          },
          {
            label: 'Forward proxy',
            detail: 'A local app uses the proxy for its calls: its dependencies become OUT pairs',
            forward: true,
          },
        ],
        { title: 'Start Recording' },
      );
      if (!mode) {
        return;
      }
      const listen = await vscode.window.showInputBox({
        title: 'Start Recording: listen on',
        value: DEFAULT_LISTEN,
        validateInput: validateListen,
      });
      if (listen === undefined) {
        return;
      }
      let upstream: string | undefined;
      if (!mode.forward) {
        upstream = await vscode.window.showInputBox({
          title: 'Start Recording: upstream URL',
          placeHolder: 'http://localhost:8080',
          validateInput: validateUpstream,
        });
        if (upstream === undefined) {
          return;
        }
      }
      const name = await vscode.window.showInputBox({
        title: 'Start Recording: name (optional)',
      });
      if (name === undefined) {
        return;
      }
      try {
        const redactKeys = redactKeysOf(
          vscode.workspace.getConfiguration('kubereplay').get('redaction.keys'),
        );
        const answer = await api.startRecording(startParams(listen, upstream, name, redactKeys));
        desktop.started(answer, mode.forward);
        tree.refresh();
        void vscode.window.showInformationMessage(`Recording through ${answer.address}.`);
      } catch (error) {
        void vscode.window.showErrorMessage(errorText(error));
      }
    }),
    vscode.commands.registerCommand(Commands.stopRecording, async () => {
      const all = desktop.all;
      const picked =
        all.length <= 1
          ? all[0]
          : (
              await vscode.window.showQuickPick(
                all.map((recording) => ({
                  label: recording.address,
                  description: `${recording.pairs} pairs`,
                  recording,
                })),
                { title: 'Stop Recording' },
              )
            )?.recording;
      if (!picked) {
        if (all.length === 0) {
          void vscode.window.showInformationMessage('No recording is running.');
        }
        return;
      }
      try {
        const { snapshot: sealed } = await api.stopRecording(picked.recordingId);
        desktop.stopped(picked.recordingId);
        tree.refresh();
        void vscode.window.showInformationMessage(
          `Recorded ${sealed.name}: IN ${sealed.inCount} · OUT ${sealed.outCount}.`,
        );
      } catch (error) {
        void vscode.window.showErrorMessage(errorText(error));
      }
    }),
  );
}
