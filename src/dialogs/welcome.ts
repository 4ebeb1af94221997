import type { TurnContext } from 'botbuilder';
import type { OfferedChoices } from './OfferedChoices';
import { say } from '../services/content/responses';
import { MAIN_MENU } from './topics';

export const WELCOME_TEXT = say('welcome');

export async function sendWelcome(context: TurnContext, offered: OfferedChoices): Promise<void> {
  await offered.offer(context, WELCOME_TEXT, MAIN_MENU);
}
