import { Activity } from 'botbuilder';
import { checklistMessage } from '../../src/bot/rendering/checklistMessage';
import { choiceMessage } from '../../src/bot/rendering/choiceMessage';
import { ChoiceStyle, choiceStyleOf } from '../../src/bot/rendering/choiceStyle';
import { NUMBERED_CHOICES_HINT } from '../../src/bot/rendering/choiceText';
import { infoMessage } from '../../src/bot/rendering/infoMessage';
import { cardOf } from './cardOf';
import { SITUATION_CHOICES, SITUATION_QUESTION } from './sampleChoices';

interface ChannelCase {
  channelId: string;
  style: ChoiceStyle;
}

// One form of choices per channel, as botbuilder's channel tables say. Web Chat, Direct Line and
// the Emulator used to get a card AND suggested actions (every choice twice); Telegram now gets the
// suggested actions (quick replies) that botbuilder's table gives it instead of numbered text.
const CHANNELS: ChannelCase[] = [
  { channelId: 'webchat', style: 'suggestedActions' },
  { channelId: 'directline', style: 'suggestedActions' },
  { channelId: 'emulator', style: 'suggestedActions' },
  { channelId: 'telegram', style: 'suggestedActions' },
  { channelId: 'msteams', style: 'cardButtons' },
  { channelId: 'slack', style: 'numberedText' },
  { channelId: '', style: 'numberedText' },
];

const TITLES = SITUATION_CHOICES.map((choice) => choice.title);

function suggestedTitles(reply: Partial<Activity>): string[] | undefined {
  return reply.suggestedActions?.actions.map((action) => action.title ?? '');
}

describe.each(CHANNELS)('on channel "$channelId"', ({ channelId, style }) => {
  const card = style === 'cardButtons';
  const suggestedActions = style === 'suggestedActions';

  it(`shows choices as ${style}`, () => {
    expect(choiceStyleOf(channelId, SITUATION_CHOICES.length)).toBe(style);
  });

  describe('choiceMessage', () => {
    const reply = choiceMessage(channelId, SITUATION_QUESTION, SITUATION_CHOICES);

    it('sets a text that holds the question, and every choice title where no button shows them', () => {
      expect(reply.type).toBe('message');
      expect(reply.text).toContain(SITUATION_QUESTION);
      const optionsReadable = card ? cardOf(reply)!.fallbackText : reply.text;
      for (const title of TITLES) {
        if (suggestedActions) expect(optionsReadable).not.toContain(title);
        else expect(optionsReadable).toContain(title);
      }
    });

    it('shows every choice exactly once', () => {
      const shown = [
        ...(cardOf(reply)?.actions ?? []).map((action) => action.title),
        ...(reply.suggestedActions?.actions ?? []).map((action) => action.title ?? ''),
        ...TITLES.filter((title) => reply.text?.includes(title)),
      ];
      expect(shown.sort()).toEqual([...TITLES].sort());
    });

    it(card ? 'attaches a card with one button per choice' : 'attaches no card', () => {
      const adaptiveCard = cardOf(reply);
      if (!card) {
        expect(adaptiveCard).toBeUndefined();
        return;
      }
      expect(adaptiveCard?.version).toBe('1.3');
      // Web Chat and Teams show the text and the card: the card repeats none of the words.
      expect(adaptiveCard?.body).toEqual([]);
      expect(adaptiveCard?.actions?.map((action) => action.title)).toEqual(TITLES);
      expect(adaptiveCard?.actions?.map((action) => action.data.choice)).toEqual([
        'ended',
        'milestone',
        'other',
      ]);
    });

    it(suggestedActions ? 'offers the titles as suggested actions' : 'offers no suggested actions', () => {
      if (!suggestedActions) {
        expect(reply.suggestedActions).toBeUndefined();
        return;
      }
      expect(suggestedTitles(reply)).toEqual(TITLES);
      expect(reply.suggestedActions?.actions.map((action) => [action.type, action.value])).toEqual(
        TITLES.map((title) => ['imBack', title]),
      );
    });

    if (style === 'numberedText') {
      it('numbers the choices in the text and says how to answer', () => {
        expect(reply.text).toBe(
          `${SITUATION_QUESTION}\n\n1. The client ended the contract\n2. A milestone was not released\n3. Something else\n\n${NUMBERED_CHOICES_HINT}`,
        );
      });
    }
  });

  describe('infoMessage', () => {
    const title = 'What mediation means';
    const lines = ['First paragraph of the answer.', 'Second paragraph of the answer.'];

    it('puts the title and every line in the text', () => {
      const reply = infoMessage(channelId, { title, lines });
      expect(reply.text).toBe(`${title}\n\n${lines[0]}\n\n${lines[1]}`);
      expect(reply.suggestedActions).toBeUndefined();
      // Words travel in the text; a card only carries buttons, and this answer has none.
      expect(cardOf(reply)).toBeUndefined();
    });

    it('reads well without a title', () => {
      const reply = infoMessage(channelId, { lines });
      expect(reply.text).toBe(`${lines[0]}\n\n${lines[1]}`);
    });

    it('offers follow-up choices by the same rules as a question', () => {
      const reply = infoMessage(channelId, { title, lines, choices: SITUATION_CHOICES });
      expect(reply.text?.startsWith(`${title}\n\n${lines[0]}`)).toBe(true);
      const optionsReadable = card ? cardOf(reply)!.fallbackText : reply.text;
      for (const choiceTitle of TITLES) {
        if (!suggestedActions) expect(optionsReadable).toContain(choiceTitle);
      }
      expect(cardOf(reply)?.actions?.map((action) => action.title)).toEqual(card ? TITLES : undefined);
      expect(suggestedTitles(reply)).toEqual(suggestedActions ? TITLES : undefined);
      if (style === 'numberedText') {
        expect(reply.text).toContain('1. The client ended the contract\n2. ');
      }
    });
  });

  describe('checklistMessage', () => {
    const title = 'Filing a dispute';
    const steps = ['Open the contract.', 'Open the request.', 'Give your reasons.'];

    it('shows one step with its position', () => {
      const reply = checklistMessage(channelId, { title, steps, current: 2 });
      expect(reply.text).toBe(`${title}\n\nStep 2 of 3: Open the request.`);
      expect(cardOf(reply)).toBeUndefined();
    });

    it('shows all steps as a numbered list', () => {
      const reply = checklistMessage(channelId, { title, steps, current: 'all' });
      expect(reply.text).toBe(
        `${title}\n\n1. Open the contract.\n2. Open the request.\n3. Give your reasons.`,
      );
      expect(cardOf(reply)).toBeUndefined();
    });
  });
});

describe('channel-specific details', () => {
  // These buttons used to carry Teams' messageBack extra, which the Agents Playground never sends.
  it('gives Teams plain submit buttons whose data is the choice and its title', () => {
    const actions = cardOf(choiceMessage('msteams', SITUATION_QUESTION, SITUATION_CHOICES))?.actions ?? [];
    expect(actions.map((action) => [action.type, action.data])).toEqual([
      ['Action.Submit', { choice: 'ended', title: 'The client ended the contract' }],
      ['Action.Submit', { choice: 'milestone', title: 'A milestone was not released' }],
      ['Action.Submit', { choice: 'other', title: 'Something else' }],
    ]);
  });

  it('gives the card the words and the numbered options as its fallback', () => {
    const reply = choiceMessage('msteams', SITUATION_QUESTION, SITUATION_CHOICES);
    expect(cardOf(reply)?.fallbackText).toBe(
      `${SITUATION_QUESTION}\n\n1. The client ended the contract\n2. A milestone was not released\n3. Something else\n\n${NUMBERED_CHOICES_HINT}`,
    );
  });

  it('matches channel ids regardless of case', () => {
    expect(choiceStyleOf('MsTeams', 3)).toBe('cardButtons');
    expect(choiceStyleOf('WebChat', 3)).toBe('suggestedActions');
  });

  it('falls back to numbered text where the channel cannot show that many buttons', () => {
    expect(choiceStyleOf('msteams', 51)).toBe('numberedText');
  });

  it.each([0, 4, 1.5])('refuses checklist step %p of 3 instead of showing a wrong position', (current) => {
    expect(() =>
      checklistMessage('slack', { title: 'Filing a dispute', steps: ['a', 'b', 'c'], current }),
    ).toThrow(RangeError);
  });
});
