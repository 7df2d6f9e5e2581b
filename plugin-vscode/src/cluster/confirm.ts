// What the user is asked before something is deleted, and what counts as a yes.
import type { ReplayNode } from './nodes';
import { finished } from './resources';

export interface Confirmation {
  message: string;
  detail: string;
  /** The one button that confirms; closing the dialog or Cancel does not. */
  confirm: string;
}

export function deleteReplayConfirmation(node: ReplayNode): Confirmation {
  const { replay } = node;
  const phase = finished(replay) ? undefined : replay.phase;
  const detail = [
    `The TrafficReplay resource ${replay.name} will be deleted from namespace ${node.namespace} ` +
      `of ${node.context}.`,
    phase
      ? `It is still ${phase.toLowerCase()}: deleting it stops the replay.`
      : 'Its report stays wherever the operator stored it.',
  ].join(' ');
  return { message: `Delete the replay ${replay.name}?`, detail, confirm: 'Delete' };
}

/** Whether the dialog's answer confirms: only the confirming button does. */
export function confirmed(confirmation: Confirmation, answer: string | undefined): boolean {
  return answer === confirmation.confirm;
}
