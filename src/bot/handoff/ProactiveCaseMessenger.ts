import { Activity, ActivityTypes } from 'botbuilder';
import type { CaseMessenger, CaseNotice } from '../../services/handoff/CaseMessenger';
import type { HandoffCase } from '../../services/handoff/handoffCase';
import type { TranscriptStore } from '../../services/handoff/TranscriptStore';
import type { ProactiveSender } from '../../services/notifications/ProactiveSender';
import type { ReplyRenderer } from '../../services/notifications/ReplyRenderer';

export interface ProactiveCaseMessengerOptions {
  /** The app's proactive sender, which rejects when the channel did not take the message. */
  sender: ProactiveSender;
  renderer: ReplyRenderer;
  transcripts: TranscriptStore;
  clock?: () => Date;
  /** Where a transcript line that could not be written is reported (the message was sent). */
  reportError?: (error: unknown, where: string) => void;
}

/**
 * Carries the hand-off's notices and the agent's replies to the user outside their turn: drawn for
 * the case's channel, sent proactively, and added to the transcript (a proactive message bypasses the
 * turn middleware that records the rest). Rejects when the channel refused the message.
 */
export class ProactiveCaseMessenger implements CaseMessenger {
  private readonly clock: () => Date;

  constructor(private readonly options: ProactiveCaseMessengerOptions) {
    if (!options?.sender || !options.renderer || !options.transcripts)
      throw new Error('ProactiveCaseMessenger needs a sender, a renderer and the transcripts');
    this.clock = options.clock ?? (() => new Date());
  }

  async send(to: HandoffCase, notice: CaseNotice): Promise<void> {
    const message: Partial<Activity> =
      'info' in notice
        ? this.options.renderer.info(to.channelId, notice.info)
        : { type: ActivityTypes.Message, text: notice.text };
    await this.options.sender.send(to.reference, message);
    try {
      await this.options.transcripts.append(to.id, [
        { role: notice.from, text: message.text ?? '', at: this.clock().toISOString() },
      ]);
    } catch (error) {
      this.options.reportError?.(error, 'recording a proactive message');
    }
  }
}
