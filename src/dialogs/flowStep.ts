import type { DialogContext } from 'botbuilder-dialogs';

/**
 * Where in a flow the user is: the innermost waterfall under way and its step number
 * ("claimWaterfall#3"), for the support team's count of where users leave. A waterfall waiting on
 * a prompt sits below it on the stack, so every level's whole stack is looked at.
 */
export function flowStepOf(dialogContext: DialogContext): string {
  let step = 'start';
  for (let context: DialogContext | undefined = dialogContext; context; context = context.child) {
    for (const instance of context.stack) {
      const stepIndex = (instance.state as { stepIndex?: unknown } | undefined)?.stepIndex;
      if (typeof stepIndex === 'number') step = `${instance.id}#${stepIndex}`;
    }
  }
  return step;
}
