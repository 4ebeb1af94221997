import type { TurnContext } from 'botbuilder';
import type { OfferedChoices } from './OfferedChoices';
import { MAIN_MENU } from './topics';

export const WELCOME_TEXT =
  "Hi, I'm the dispute assistant. I help freelancers with Fixed-Price Protection: whether your situation is covered, how to file a dispute, and what mediation and arbitration mean. What would you like to do?";

export async function sendWelcome(context: TurnContext, offered: OfferedChoices): Promise<void> {
  await offered.offer(context, WELCOME_TEXT, MAIN_MENU);
}
