import { ActivityTypes, TurnContext } from 'botbuilder';
import { choiceSubmissionOf } from '../services/replies/choiceSubmission';

/**
 * Turn middleware. A card button press (Teams, the Agents Playground) arrives with the choice in
 * `value` and no text; giving it the button's title as its text lets everything that reads words take
 * it like the typed title: the transcript a person taking over reads, and the intent model when the
 * press comes from an older card whose choices are no longer on offer. recognizeChoice still trusts
 * the value first.
 */
export async function cardPressAsText(context: TurnContext, next: () => Promise<void>): Promise<void> {
  const { activity } = context;
  if (activity.type === ActivityTypes.Message && !activity.text?.trim()) {
    const title = choiceSubmissionOf(activity.value)?.title?.trim();
    if (title) activity.text = title;
  }
  await next();
}
