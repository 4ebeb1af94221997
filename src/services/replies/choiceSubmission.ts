/**
 * What a card button sends back, as the activity's `value`, when it is pressed. `title` is what the
 * button said; cards sent before it was added carry only `choice`.
 */
export interface ChoiceSubmission {
  choice: string;
  title?: string;
}

/** The submission in an activity's value, or undefined when the value is anything else (a form, nothing). */
export function choiceSubmissionOf(value: unknown): ChoiceSubmission | undefined {
  if (typeof value !== 'object' || value === null || !('choice' in value)) return undefined;
  const { choice } = value;
  if (typeof choice !== 'string') return undefined;
  const title = 'title' in value && typeof value.title === 'string' ? value.title : undefined;
  return title === undefined ? { choice } : { choice, title };
}
