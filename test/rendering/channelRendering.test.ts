import { Activity } from 'botbuilder';
import { capabilitiesOf } from '../../src/bot/rendering/channelCapabilities';
import { checklistMessage } from '../../src/bot/rendering/checklistMessage';
import { choiceMessage } from '../../src/bot/rendering/choiceMessage';
import { NUMBERED_CHOICES_HINT } from '../../src/bot/rendering/choiceText';
import { infoMessage } from '../../src/bot/rendering/infoMessage';
import { cardOf } from './cardOf';
import { SITUATION_CHOICES, SITUATION_QUESTION } from './sampleChoices';

interface ChannelCase {
  channelId: string;
  card: boolean;
  suggestedActions: boolean;
}

const CHANNELS: ChannelCase[] = [
  { channelId: 'webchat', card: true, suggestedActions: true },
  { channelId: 'directline', card: true, suggestedActions: true },
  { channelId: 'emulator', card: true, suggestedActions: true },
  { channelId: 'msteams', card: true, suggestedActions: false },
  { channelId: 'slack', card: false, suggestedActions: false },
  { channelId: 'telegram', card: false, suggestedActions: false },
  { channelId: '', card: false, suggestedActions: false },
];

const TITLES = SITUATION_CHOICES.map((choice) => choice.title);

function suggestedTitles(reply: Partial<Activity>): string[] | undefined {
  return reply.suggestedActions?.actions.map((action) => action.title ?? '');
}

describe.each(CHANNELS)('on channel "$channelId"', ({ channelId, card, suggestedActions }) => {
  it('reports its capabilities', () => {
    expect(capabilitiesOf(channelId)).toEqual({ adaptiveCards: card, suggestedActions });
  });

  describe('choiceMessage', () => {
    const reply = choiceMessage(channelId, SITUATION_QUESTION, SITUATION_CHOICES);

    it('sets a text that holds the question, and every choice title where no card shows them', () => {
      expect(reply.type).toBe('message');
      expect(reply.text).toContain(SITUATION_QUESTION);
      const optionsReadable = card ? cardOf(reply)!.fallbackText : reply.text;
      for (const title of TITLES) {
        expect(optionsReadable).toContain(title);
      }
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

    if (!card) {
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
        expect(optionsReadable).toContain(choiceTitle);
      }
      expect(cardOf(reply)?.actions?.map((action) => action.title)).toEqual(card ? TITLES : undefined);
      expect(suggestedTitles(reply)).toEqual(suggestedActions ? TITLES : undefined);
      if (!card) {
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
  it('makes Teams buttons echo the chosen title as the user message', () => {
    const actions = cardOf(choiceMessage('msteams', SITUATION_QUESTION, SITUATION_CHOICES))?.actions ?? [];
    expect(actions[1].data).toEqual({
      choice: 'milestone',
      msteams: {
        type: 'messageBack',
        text: 'A milestone was not released',
        displayText: 'A milestone was not released',
      },
    });
  });

  it('keeps Teams-only fields off Web Chat buttons', () => {
    const actions = cardOf(choiceMessage('webchat', SITUATION_QUESTION, SITUATION_CHOICES))?.actions ?? [];
    expect(actions.map((action) => action.data)).toEqual([
      { choice: 'ended' },
      { choice: 'milestone' },
      { choice: 'other' },
    ]);
  });

  it('gives the card the words and the numbered options as its fallback', () => {
    const reply = choiceMessage('emulator', SITUATION_QUESTION, SITUATION_CHOICES);
    expect(cardOf(reply)?.fallbackText).toBe(
      `${SITUATION_QUESTION}\n\n1. The client ended the contract\n2. A milestone was not released\n3. Something else\n\n${NUMBERED_CHOICES_HINT}`,
    );
  });

  it('matches channel ids regardless of case', () => {
    expect(capabilitiesOf('MsTeams')).toEqual({ adaptiveCards: true, suggestedActions: false });
  });

  it.each([0, 4, 1.5])('refuses checklist step %p of 3 instead of showing a wrong position', (current) => {
    expect(() =>
      checklistMessage('slack', { title: 'Filing a dispute', steps: ['a', 'b', 'c'], current }),
    ).toThrow(RangeError);
  });
});
