import type { DialogContext } from 'botbuilder-dialogs';

/** The innermost dialog context with an active dialog: where the question being answered was asked. */
export function deepestActive(dialogContext: DialogContext): DialogContext {
  // `child` builds a new dialog context on every read (with its memory): read it once per level.
  let current = dialogContext;
  for (let child = current.child; child; child = current.child) current = child;
  return current;
}
