import { Choice } from '../../services/replies/choice';
import { say } from '../../services/content/responses';

/** Tells text-only users how to answer; recognizeChoice accepts both forms. */
export const NUMBERED_CHOICES_HINT = say('choices.numberedHint');

/** "1. Title" lines plus the hint: the whole choice UI on channels without cards. */
export function numberedChoiceList(choices: Choice[]): string {
  const lines = choices.map((choice, index) => `${index + 1}. ${choice.title}`);
  return `${lines.join('\n')}\n\n${NUMBERED_CHOICES_HINT}`;
}
