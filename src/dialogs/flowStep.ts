import type { DialogContext } from 'botbuilder-dialogs';

/**
 * Where in a flow the user is: the innermost waterfall under way and its step number
 * ("claimWaterfall#3"), for the support team's count of where users leave.
 */
export function flowStepOf(dialogContext: DialogContext): string {
  let step = 'start';
  for (
    let context: DialogContext | undefined = dialogContext;
    context?.activeDialog;
    context = context.child
  ) {
    const stepIndex = (context.activeDialog.state as { stepIndex?: unknown }).stepIndex;
    if (typeof stepIndex === 'number') step = `${context.activeDialog.id}#${stepIndex}`;
  }
  return step;
}
