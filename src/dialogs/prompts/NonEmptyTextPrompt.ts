import { TextPrompt } from 'botbuilder-dialogs';

/** A free-text answer; an empty message (a stray card click, whitespace) asks again. */
export class NonEmptyTextPrompt extends TextPrompt {
  constructor(dialogId: string) {
    super(dialogId, async (prompt) => (prompt.recognized.value ?? '').trim().length > 0);
  }
}
