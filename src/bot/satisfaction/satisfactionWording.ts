import type { Choice } from '../../services/replies/choice';
import { say } from '../../services/content/responses';

/** What the satisfaction survey says, in one place; the sentences live in content/responses.en.json. */
export const SATISFACTION_TEXT = {
  question: say('satisfaction.question'),
  thanksAskComment: say('satisfaction.thanksAskComment'),
  thanksForComment: say('satisfaction.thanksForComment'),
  noComment: say('satisfaction.noComment'),
};

/** In order, so a typed or numbered "4" picks the rating 4 on every channel. */
export const RATING_CHOICES: Choice[] = [
  { value: '1', title: say('satisfaction.choice.1'), synonyms: ['one', 'poor', 'bad', 'terrible'] },
  { value: '2', title: say('satisfaction.choice.2'), synonyms: ['two', 'fair'] },
  { value: '3', title: say('satisfaction.choice.3'), synonyms: ['three', 'okay', 'ok'] },
  { value: '4', title: say('satisfaction.choice.4'), synonyms: ['four', 'very good'] },
  { value: '5', title: say('satisfaction.choice.5'), synonyms: ['five', 'excellent', 'great', 'perfect'] },
];

export const NO_COMMENT: Choice = {
  value: 'no_comment',
  title: say('satisfaction.choice.noComment'),
  synonyms: ['no', 'nope', 'none', 'skip'],
};
