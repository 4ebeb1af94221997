import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import type { Choice } from '../../src/services/replies/choice';
import { MisunderstandingStreak } from '../../src/dialogs/MisunderstandingStreak';
import { channelRenderer } from '../../src/bot/rendering/channelRenderer';
import { MainDialog } from '../../src/dialogs/MainDialog';
import { OfferedChoices } from '../../src/dialogs/OfferedChoices';
import { KnownSlots, type SlotValues } from '../../src/dialogs/slots/KnownSlots';
import { PolicyContent } from '../../src/services/content/PolicyContent';
import { IntentRecognizer } from '../../src/services/nlu/IntentRecognizer';
import { DisputeService } from '../../src/services/disputes/DisputeService';
import { InMemoryDisputeStore } from '../../src/services/disputes/InMemoryDisputeStore';

let trained: Promise<IntentRecognizer> | undefined;

/** The real intent model, trained once per test file (it takes well under a second). */
export function sharedIntentRecognizer(): Promise<IntentRecognizer> {
  trained ??= IntentRecognizer.train();
  return trained;
}

export interface DialogReply {
  text: string;
  hasCard: boolean;
  suggested: string[];
}

/**
 * Drives the main dialog turn by turn, as a user on one channel would, through DialogTestClient.
 * A new turn starts the main dialog again when the previous one ended, as DisputeBot does.
 */
export class DialogHarness {
  private client: DialogTestClient;

  private constructor(
    dialog: MainDialog,
    private readonly channelId: string,
    private readonly conversationState: ConversationState,
  ) {
    this.client = new DialogTestClient(channelId, dialog, undefined, [], conversationState);
  }

  static async create(
    channelId = 'webchat',
    content = PolicyContent.load(),
    disputes = new DisputeService({ store: new InMemoryDisputeStore() }),
  ): Promise<DialogHarness> {
    const conversationState = new ConversationState(new MemoryStorage());
    const offered = new OfferedChoices(
      conversationState.createProperty<Choice[]>('offeredChoices'),
      channelRenderer,
    );
    const slots = new KnownSlots(conversationState.createProperty<SlotValues>('knownSlots'));
    const intents = await sharedIntentRecognizer();
    const dialog = new MainDialog(
      { intents, content, disputes, defaultTimeZone: 'America/New_York', renderer: channelRenderer },
      offered,
      slots,
      new MisunderstandingStreak(conversationState.createProperty<number>('misunderstoodInARow')),
    );
    return new DialogHarness(dialog, channelId, conversationState);
  }

  /** Sends one message (text, or a card submit value) and returns every reply of that turn. */
  async say(text: string, value?: Record<string, unknown>): Promise<DialogReply[]> {
    const activity = value ? { type: 'message', text, value } : text;
    const first = await this.client.sendActivity(activity as string);
    const replies: DialogReply[] = [];
    for (let reply = first; reply; reply = this.client.getNextReply()) {
      replies.push({
        text: reply.text ?? '',
        hasCard: (reply.attachments ?? []).some((a: { contentType: string }) =>
          a.contentType.includes('adaptive'),
        ),
        suggested: (reply.suggestedActions?.actions ?? []).map(
          (action: { title?: string }) => action.title ?? '',
        ),
      });
    }
    return replies;
  }

  /** One message sent at a given moment from a given zone, as a channel that sends them would. */
  async askAt(text: string, timestamp: string, localTimezone: string): Promise<string> {
    const activity = { type: 'message', text, timestamp: new Date(timestamp), localTimezone };
    const first = await this.client.sendActivity(activity as unknown as string);
    const texts: string[] = [];
    for (let reply = first; reply; reply = this.client.getNextReply()) texts.push(reply.text ?? '');
    return texts.join('\n');
  }

  /** The id DialogTestClient gives the user. */
  get userId(): string {
    return 'user1';
  }

  /** All reply texts of a turn as one string. */
  async ask(text: string): Promise<string> {
    return (await this.say(text)).map((reply) => reply.text).join('\n');
  }

  get channel(): string {
    return this.channelId;
  }

  get state(): ConversationState {
    return this.conversationState;
  }
}
