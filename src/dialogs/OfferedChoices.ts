import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Choice } from '../services/replies/choice';
import type { ReplyRenderer } from '../services/notifications/ReplyRenderer';
import { recognizeChoice } from './recognizeChoice';
import { sendReply } from './sendReply';

/**
 * The last choices the assistant offered outside a prompt (menus, follow-ups), kept in conversation
 * state so that on the next turn a button press, a typed "2" on Slack or the option's words all pick it.
 */
export class OfferedChoices {
  constructor(
    private readonly accessor: StatePropertyAccessor<Choice[]>,
    private readonly renderer: ReplyRenderer,
  ) {}

  async offer(context: TurnContext, text: string, choices: Choice[]): Promise<void> {
    await sendReply(context, this.renderer, { kind: 'choices', text, choices });
    await this.remember(context, choices);
  }

  async remember(context: TurnContext, choices: Choice[]): Promise<void> {
    await this.accessor.set(context, choices);
  }

  /** The offered choice this message picks, if it picks one; the offer is used up either way. */
  async pickedBy(context: TurnContext): Promise<Choice | undefined> {
    const offered = await this.accessor.get(context, []);
    if (offered.length === 0) return undefined;
    await this.accessor.set(context, []);
    return recognizeChoice(context.activity, offered);
  }
}
