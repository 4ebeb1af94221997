import { Choice } from './choice';

/** Tells text-only users how to answer; recognizeChoice accepts both forms. */
export const NUMBERED_CHOICES_HINT = 'Reply with a number or the words.';

/** "1. Title" lines plus the hint: the whole choice UI on channels without cards. */
export function numberedChoiceList(choices: Choice[]): string {
  const lines = choices.map((choice, index) => `${index + 1}. ${choice.title}`);
  return `${lines.join('\n')}\n\n${NUMBERED_CHOICES_HINT}`;
}

/**
 * "Options: (1) A, (2) B or (3) C": the choices on one line, for the text that travels beside a card
 * (notifications, screen readers, transcripts handed to a person).
 */
export function inlineChoiceList(choices: Choice[]): string {
  const items = choices.map((choice, index) => `(${index + 1}) ${choice.title}`);
  const joined =
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
  return `Options: ${joined}.`;
}
