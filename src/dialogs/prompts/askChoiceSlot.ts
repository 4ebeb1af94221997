import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { PolicyValues } from '../../services/content/contentSchema';
import type { Choice } from '../../services/replies/choice';
import { slotTag, type SlotName } from '../policy/SlotName';
import { say, type ResponseId } from '../../services/content/responses';

/** A question with both wordings in content: `<id>.prompt`, and `<id>.retry` worded differently. */
type QuestionOf<Id> = Id extends `${infer Question}.prompt`
  ? `${Question}.retry` extends ResponseId
    ? Question
    : never
  : never;
export type QuestionId = QuestionOf<ResponseId>;

export interface ChoiceQuestion {
  slot: SlotName;
  wording: QuestionId;
  choices: Choice[];
}

/**
 * Asks a choice question that fills a slot: the prompt names its slot (so the policy knows what an
 * "I don't know" or a correction refers to) and a re-prompt that does not repeat the question word
 * for word.
 */
export function askChoiceSlot(
  step: WaterfallStepContext,
  promptId: string,
  question: ChoiceQuestion,
  values: Readonly<PolicyValues>,
): Promise<DialogTurnResult> {
  return step.prompt(promptId, {
    ...slotTag(question.slot),
    prompt: say(`${question.wording}.prompt`, values),
    retryPrompt: say(`${question.wording}.retry`, values),
    choices: question.choices,
  });
}
