import type { ChecklistContent } from './checklistContent';
import type { Choice } from './choice';
import type { InfoContent } from './infoContent';

/** An answer: optional title, paragraphs, optional follow-up choices. */
export interface InfoReply extends InfoContent {
  kind: 'info';
}

/** A question with options to pick from. */
export interface ChoicesReply {
  kind: 'choices';
  text: string;
  choices: Choice[];
}

/** One step of a numbered checklist, or all of it. */
export interface ChecklistReply extends ChecklistContent {
  kind: 'checklist';
}

/**
 * What the assistant says, before any channel shapes it: dialogs, the hand-off, notifications and
 * reminders describe their messages with it, and the bot's one renderer (src/bot/rendering) draws it
 * per channel, with each choice shown once.
 */
export type Reply = InfoReply | ChoicesReply | ChecklistReply;
