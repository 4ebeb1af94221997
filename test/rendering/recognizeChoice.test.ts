import { Activity } from 'botbuilder';
import { recognizeChoice } from '../../src/dialogs/recognizeChoice';
import { SITUATION_CHOICES } from './sampleChoices';

// Each row: what the user sent, and the choice value the bot should act on (undefined: ask again).
const TYPED: [string, string | undefined][] = [
  // numbers
  ['1', 'ended'],
  ['2', 'milestone'],
  ['2.', 'milestone'],
  ['#2', 'milestone'],
  [' 3 ', 'other'],
  ['option 2', 'milestone'],
  ['number two', 'milestone'],
  ['2 please', 'milestone'],
  // ordinals
  ['the second one', 'milestone'],
  ['second', 'milestone'],
  ['3rd', 'other'],
  ['the first option', 'ended'],
  ['the last one', 'other'],
  ['last', 'other'],
  // titles and synonyms in the user's words, any case
  ['The client ended the contract', 'ended'],
  ['a MILESTONE was not released', 'milestone'],
  ['the milestone was not released by the client', 'milestone'],
  ['milestone not released', 'milestone'],
  ['not released', undefined], // 2 of the title's 5 words: too weak to act on,
  ['closed', 'ended'],
  ['my contract ended yesterday', 'ended'],
  ['unpaid milestone', 'milestone'],
  ['something else', 'other'],
  // nonsense, out of range, ambiguous or a number that is not a pick
  ['banana', undefined],
  ['4', undefined],
  ['0', undefined],
  ['1 or 2', undefined],
  ['I waited 2 days for the client', undefined],
  ['second to last', undefined],
  ['the next one', undefined],
  ['is it the', undefined],
  ['', undefined],
];

function message(text: string): Partial<Activity> {
  return { type: 'message', text };
}

describe('recognizeChoice', () => {
  it.each(TYPED)('reads %p as %p', (text, expected) => {
    expect(recognizeChoice(message(text), SITUATION_CHOICES)?.value).toBe(expected);
  });

  it('takes the button a user pressed on a card, with no text', () => {
    const submit: Partial<Activity> = { type: 'message', value: { choice: 'other' } };
    expect(recognizeChoice(submit, SITUATION_CHOICES)).toEqual(SITUATION_CHOICES[2]);
  });

  it('trusts the button over the text Teams sends with it', () => {
    const teamsSubmit: Partial<Activity> = {
      type: 'message',
      text: 'The client ended the contract',
      value: { choice: 'milestone' },
    };
    expect(recognizeChoice(teamsSubmit, SITUATION_CHOICES)?.value).toBe('milestone');
  });

  it('ignores a button from an older card whose choice is not on offer now', () => {
    const staleSubmit: Partial<Activity> = { type: 'message', value: { choice: 'refund-accepted' } };
    expect(recognizeChoice(staleSubmit, SITUATION_CHOICES)).toBeUndefined();
  });

  it('ignores card data that is not a choice', () => {
    const formSubmit: Partial<Activity> = { type: 'message', value: { choice: 2 } };
    expect(recognizeChoice(formSubmit, SITUATION_CHOICES)).toBeUndefined();
  });

  it('does not match the internal value as a word', () => {
    const choices = [
      { value: 'other', title: 'Ask a person' },
      { value: 'faq', title: 'Read the answers' },
    ];
    expect(recognizeChoice(message('other'), choices)).toBeUndefined();
  });

  it('asks again when two titles match equally well', () => {
    const choices = [
      { value: 'a', title: 'Escrow refund' },
      { value: 'b', title: 'Escrow release' },
    ];
    expect(recognizeChoice(message('escrow'), choices)).toBeUndefined();
    expect(recognizeChoice(message('refund'), choices)?.value).toBe('a');
  });

  it('reads no pick in the words that open a question ("ok so what ...")', () => {
    const next = { value: 'next', title: 'Next', synonyms: ['ok', 'continue'] };
    const claim = { value: 'claim', title: 'Write my claim', synonyms: ['claim', 'write the claim'] };
    expect(recognizeChoice(message('ok so what do I write in the dispute'), [next, claim])).toBeUndefined();
    expect(recognizeChoice(message('ok, what should I write in the claim?'), [next, claim])?.value).toBe(
      'claim',
    );
    expect(recognizeChoice(message('ok'), [next, claim])?.value).toBe('next');
    // A word for going on inside a longer question does not go on (blind5).
    expect(
      recognizeChoice(message('one more thing before i continue, who pays the arbitration fee?'), [
        next,
        claim,
      ]),
    ).toBeUndefined();
    expect(recognizeChoice(message('ok, continue'), [next, claim])?.value).toBe('next');
  });

  it('finds nothing when there is nothing to choose from', () => {
    expect(recognizeChoice(message('1'), [])).toBeUndefined();
  });
});
