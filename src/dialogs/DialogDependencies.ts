import type { HandoffStarter } from './HandoffStarter';
import type { PolicyContent } from '../services/content/PolicyContent';
import type { DisputeService } from '../services/disputes/DisputeService';
import type { ReplyRenderer } from '../services/notifications/ReplyRenderer';
import type { IntentSource } from './IntentSource';

/** What every dialog of the assistant is built with. */
export interface DialogDependencies {
  intents: IntentSource;
  content: PolicyContent;
  disputes: DisputeService;
  /** The user's zone when the channel sends none (DEFAULT_TIME_ZONE). */
  defaultTimeZone: string;
  /** Draws the dialogs' reply data for the turn's channel (the bot's renderer). */
  renderer: ReplyRenderer;
  /** Passes the conversation to a person; without it the flows only say how to reach Customer Support. */
  handoff?: HandoffStarter;
}
