import { SubmitAction } from './adaptiveCard';
import { Choice } from '../../services/replies/choice';

/** One card button per choice; pressing it sends `{ choice: value, title }` as the activity's value. */
export function choiceSubmitActions(choices: Choice[]): SubmitAction[] {
  return choices.map((choice) => ({
    type: 'Action.Submit',
    title: choice.title,
    data: { choice: choice.value, title: choice.title },
  }));
}
