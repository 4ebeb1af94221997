import { Choice } from '../../src/services/replies/choice';

/** Three options shaped like a real question the assistant asks. */
export const SITUATION_CHOICES: Choice[] = [
  { value: 'ended', title: 'The client ended the contract', synonyms: ['contract ended', 'closed'] },
  { value: 'milestone', title: 'A milestone was not released', synonyms: ['unpaid milestone'] },
  { value: 'other', title: 'Something else' },
];

export const SITUATION_QUESTION = 'Which of these describes your situation?';
