import type { Choice } from '../../services/replies/choice';

/** What the satisfaction survey says, in one place. */
export const SATISFACTION_TEXT = {
  question: 'Before you go: how would you rate this conversation, from 1 (poor) to 5 (excellent)?',
  thanksAskComment:
    'Thank you. Anything you would like to tell us about it? Type it here (please leave out names, emails or amounts), or pick "No comment".',
  thanksForComment: 'Thank you, that helps us improve.',
  noComment: 'Thank you for the rating.',
};

/** In order, so a typed or numbered "4" picks the rating 4 on every channel. */
export const RATING_CHOICES: Choice[] = [
  { value: '1', title: 'Poor', synonyms: ['one', 'poor', 'bad', 'terrible'] },
  { value: '2', title: 'Fair', synonyms: ['two', 'fair'] },
  { value: '3', title: 'Good', synonyms: ['three', 'okay', 'ok'] },
  { value: '4', title: 'Very good', synonyms: ['four', 'very good'] },
  { value: '5', title: 'Excellent', synonyms: ['five', 'excellent', 'great', 'perfect'] },
];

export const NO_COMMENT: Choice = {
  value: 'no_comment',
  title: 'No comment',
  synonyms: ['no', 'nope', 'none', 'skip'],
};
