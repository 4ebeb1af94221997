import type { InfoContent } from '../replies/infoContent';
import type { HandoffCase } from './handoffCase';

/** A message for the user of a case: plain words from the assistant or the agent, or an answer card. */
export type CaseNotice = { from: 'bot' | 'agent'; text: string } | { from: 'bot'; info: InfoContent };

/**
 * The port through which the hand-off reaches a user outside their turn. The bot implements it
 * (src/bot/handoff): it draws the notice for the case's channel, sends it proactively and keeps it
 * in the transcript. Rejects when the channel did not take the message.
 */
export interface CaseMessenger {
  send(to: HandoffCase, notice: CaseNotice): Promise<void>;
}
