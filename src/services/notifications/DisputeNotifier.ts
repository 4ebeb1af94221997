import type { PolicyContent } from '../content/PolicyContent';
import type { DisputeChange, DisputeService } from '../disputes/DisputeService';
import type { Logger } from '../logging/logger';
import { DisputeNotice, noticeFromChange, noticeJobId } from './DisputeNotice';
import type { JobHandler, JobQueue } from './jobs/JobQueue';
import { settleWithin } from './jobs/settleWithin';
import { noticeMessage } from './noticeMessage';
import type { ProactiveSender } from './ProactiveSender';
import type { ReplyRenderer } from './ReplyRenderer';

/**
 * Tells a dispute's owner about every change, in the conversation where they filed it. The change
 * listener only enqueues (so a change never waits on a channel); the queue delivers, retries with
 * backoff and keeps what failed for good.
 */
export class DisputeNotifier {
  private readonly enqueuing = new Set<Promise<void>>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly queue: JobQueue<DisputeNotice>,
    private readonly logger: Logger,
  ) {}

  /** The queue's handler: renders the notice for the conversation's channel and sends it. */
  static delivery(
    sender: ProactiveSender,
    content: PolicyContent,
    logger: Logger,
    renderer: ReplyRenderer,
  ): JobHandler<DisputeNotice> {
    return async (notice, attempt) => {
      const reference = notice.conversationReference;
      const message = renderer.info(reference.channelId ?? '', noticeMessage(notice, content));
      await sender.send(reference, message);
      logger.info(
        { event: 'notification_sent', dispute: notice.disputeId, change: notice.event, attempt },
        'Dispute notification delivered',
      );
    };
  }

  /** Starts listening to the service's changes. */
  attach(disputes: DisputeService): void {
    this.unsubscribe?.();
    this.unsubscribe = disputes.onChange((change) => this.enqueue(change));
  }

  /** Queues the notice for a change and returns at once; an enqueue failure is logged, never thrown. */
  enqueue(change: DisputeChange): void {
    const notice = noticeFromChange(change);
    if (!notice) return;
    const queued = this.queue
      .add(noticeJobId(notice), notice)
      .catch((error: Error) =>
        this.logger.error(
          {
            event: 'notification_enqueue_failed',
            dispute: notice.disputeId,
            change: notice.event,
            errorName: error.name,
          },
          'A dispute notification could not be queued',
        ),
      )
      .finally(() => this.enqueuing.delete(queued));
    this.enqueuing.add(queued);
  }

  /** Stops listening and waits (bounded) for notices being queued; closing the queue is its owner's job. */
  async detach(timeoutMs = 5000): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!(await settleWithin(this.enqueuing, timeoutMs))) {
      this.logger.error(
        { event: 'notification_enqueue_unfinished', pending: this.enqueuing.size },
        'Dispute notifications were still being queued at exit',
      );
    }
  }
}
