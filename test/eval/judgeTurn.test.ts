import { PolicyContent } from '../../src/services/content/PolicyContent';
import type { Expectation } from '../../eval/harness/caseSchema';
import { judgeTurn } from '../../eval/harness/judgeTurn';
import { factMatchers, observeTurn, ReplyActivity } from '../../eval/harness/observeTurn';

/**
 * The judge must fail today's wrong behaviour and pass a better bot's, whatever its wording: these
 * replies are written the way a different, correct assistant could answer.
 */
const content = PolicyContent.load();
const matchers = factMatchers(content);
const say = (...texts: string[]): ReplyActivity[] => texts.map((text) => ({ type: 'message', text }));
const judge = (expect: Expectation, replies: ReplyActivity[], before?: ReplyActivity[]) =>
  judgeTurn(expect, observeTurn(replies, matchers), before ? [observeTurn(before, matchers)] : []);

describe('facts are read back from the content the bot speaks from', () => {
  it('finds a fact in a longer reply, with its configured values filled in', () => {
    const reply = say(`Sorry to hear that. ${content.fact('P3')} Let's look at your dates.`);
    expect(judge({ facts: ['P3'] }, reply)).toEqual([]);
  });

  it('counts the filing steps when one of them is shown', () => {
    expect(judge({ facts: ['P4'] }, say(`Step 1 of 7: ${content.lines('P4')[0]}`))).toEqual([]);
  });

  it('can recognise every fact, and not a filing step as short as "Click Next."', () => {
    expect(matchers.filter((fact) => fact.variants.length === 0)).toEqual([]);
    expect(judge({ facts: ['P4'] }, say('Click Next.'))).toEqual(['facts not stated: P4']);
  });

  it('misses a fact that is only paraphrased loosely', () => {
    expect(judge({ facts: ['P3'] }, say('You have a week, more or less.'))).toEqual(['facts not stated: P3']);
  });
});

describe('deadlines and the closed window', () => {
  it('accepts the deadline day however it is written', () => {
    for (const text of [
      'Your deadline: Saturday 28 November 2026.',
      'You have until Nov 28th to reject it.',
      'Answer by November 28.',
    ]) {
      expect(judge({ route: 'ended_filing', deadlineDate: '2026-11-28' }, say(text))).toEqual([]);
    }
  });

  it('fails a generic answer without the day', () => {
    expect(judge({ deadlineDate: '2026-11-28' }, say(content.fact('P3')))).toEqual([
      'deadline 2026-11-28 not stated',
    ]);
  });

  it('tells a closed window from an open one', () => {
    const closed = say('The 7 days to answer that request ended on Monday 23 November (passed 3 days ago).');
    const open = say('Your window has not closed yet: you have until Saturday 28 November.');
    expect(judge({ windowClosed: true }, closed)).toEqual([]);
    expect(judge({ windowClosed: false }, open)).toEqual([]);
    expect(judge({ windowClosed: true }, open)).toEqual(['did not say the window is closed']);
  });
});

describe('prompts, loops and hand-offs', () => {
  const prompt = say('When did the refund request arrive?');

  it('recognises a date question in other words, and not a statement about the date', () => {
    expect(judge({ mustNot: ['askDate'] }, say('Which day did the client send it?'))).toEqual([
      'must not: askDate',
    ]);
    expect(judge({ mustNot: ['askDate'] }, say('The request arrived 5 days ago.'))).toEqual([]);
  });

  it('flags the same prompt again word for word, but not a reworded one', () => {
    expect(judge({ mustNot: ['repeatPrompt'] }, say("I didn't get that.", prompt[0].text!), prompt)).toEqual([
      'must not: repeatPrompt',
    ]);
    const reworded = say('No problem. Look in your notifications: which day was it sent?');
    expect(judge({ mustNot: ['repeatPrompt'] }, reworded, prompt)).toEqual([]);
  });

  it('lets a flow resume with its question once a side question was answered with a fact', () => {
    const answered = say(content.fact('P8'), prompt[0].text!);
    expect(judge({ facts: ['P8'], mustNot: ['repeatPrompt'] }, answered, prompt)).toEqual([]);
  });

  it('fails any hand-off the case did not ask for, and passes the one it did', () => {
    const queued: ReplyActivity[] = [
      { type: 'event', name: 'handoff.initiate' },
      ...say('You are in the queue.'),
    ];
    expect(judge({ route: 'chitchat' }, queued)).toContain('must not: handoff');
    expect(judge({ route: 'handoff' }, queued)).toEqual([]);
  });
});

describe('scope and clarification', () => {
  it('passes a cannot-handle answer that says what is covered and where help is', () => {
    const reply = say(
      'I only help with Fixed-Price Protection disputes. For withdrawals, Customer Support can help you.',
    );
    expect(judge({ route: 'scope' }, reply)).toEqual([]);
  });

  it('fails one that only says no', () => {
    expect(judge({ route: 'scope' }, say("I can't help with that."))).toEqual([
      'route scope: did not say what the assistant covers',
    ]);
  });

  it('counts numbered options on a text channel and card buttons alike as a clarification', () => {
    const slack = say('Do you mean:\n\n1. An ended contract\n2. An active contract');
    const card: ReplyActivity[] = [
      {
        type: 'message',
        text: 'Which one?',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              actions: [
                { type: 'Action.Submit', title: 'An ended contract' },
                { type: 'Action.Submit', title: 'An active contract' },
              ],
            },
          },
        ],
      },
    ];
    expect(judge({ route: 'clarify' }, slack)).toEqual([]);
    expect(judge({ route: 'clarify' }, card)).toEqual([]);
    expect(judge({ route: 'clarify' }, say('Which one?'))).toEqual([
      'route clarify: offered 0 choice(s), not a clarification',
    ]);
  });
});

describe('one set of choices per channel', () => {
  const card = (titles: string[]) => ({
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: { actions: titles.map((title) => ({ type: 'Action.Submit', title })) },
  });

  it('notices the same choices as suggested actions and card buttons in one message', () => {
    const both: ReplyActivity[] = [
      {
        type: 'message',
        text: 'Which one?',
        attachments: [card(['Ended', 'Active'])],
        suggestedActions: { actions: [{ title: 'Ended' }, { title: 'Active' }] },
      },
    ];
    expect(observeTurn(both, matchers).choicesShownTwice).toBe(true);
  });

  it('does not count a card alone or suggested actions alone', () => {
    const cardOnly: ReplyActivity[] = [{ type: 'message', text: 'Which?', attachments: [card(['Ended'])] }];
    const suggestedOnly: ReplyActivity[] = [
      { type: 'message', text: 'Which?', suggestedActions: { actions: [{ title: 'Ended' }] } },
    ];
    expect(observeTurn(cardOnly, matchers).choicesShownTwice).toBe(false);
    expect(observeTurn(suggestedOnly, matchers).choicesShownTwice).toBe(false);
  });
});

describe('the route of a conversation', () => {
  const activeIntro = say(content.fact('P7'), 'Did you deliver the milestone?');

  it('stays on a flow while the user answers its questions', () => {
    expect(judge({ route: 'active_handoff_offer' }, say('Which milestone is it?'), activeIntro)).toEqual([]);
  });

  it('fails when a later turn puts the conversation on the other route', () => {
    const ended = say('When did the refund request arrive?');
    expect(judge({ route: 'active_handoff_offer' }, ended, activeIntro)).toContain(
      'route active_handoff_offer: not on the active-contract route (P7)',
    );
  });
});
