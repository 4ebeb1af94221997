import type { AppConfig } from '../config/configSchema';
import type { PolicyContent } from '../services/content/PolicyContent';
import type { DisputeService } from '../services/disputes/DisputeService';
import type { Logger } from '../services/logging/logger';
import { AcceptTimeoutWatcher } from './AcceptTimeoutWatcher';
import { HandoffService, HandoffServiceOptions } from './HandoffService';
import type { MessageSender } from '../services/notifications/DeliveringMessenger';
import type { ReplyRenderer } from '../services/notifications/ReplyRenderer';
import type { HandoffStore } from './HandoffStore';
import type { HandoffCase } from './handoffCase';
import { TranscriptRecorder } from './TranscriptRecorder';
import type { TranscriptStore } from './TranscriptStore';

export interface HandoffParts {
  service: HandoffService;
  /** Botbuilder middleware: add it to the adapter so every message is in the transcript. */
  recorder: TranscriptRecorder;
  watcher: AcceptTimeoutWatcher;
}

/** The hand-off pieces on the given stores (Redis or memory: the composition root picks). */
export function createHandoff(
  config: Pick<AppConfig, 'HANDOFF_ACCEPT_TIMEOUT_SECONDS'>,
  stores: { store: HandoffStore; transcripts: TranscriptStore },
  deps: {
    messenger: MessageSender;
    renderer: ReplyRenderer;
    disputes: DisputeService;
    content: PolicyContent;
    logger: Logger;
    onQueued?: HandoffServiceOptions['onQueued'];
    onAccepted?: (accepted: HandoffCase) => void;
    onClosed?: (closed: HandoffCase) => void;
  },
): HandoffParts {
  const { logger } = deps;
  const { store, transcripts } = stores;
  const service = new HandoffService({
    store,
    transcripts,
    messenger: deps.messenger,
    renderer: deps.renderer,
    disputes: deps.disputes,
    content: deps.content,
    onQueued: deps.onQueued,
    onAccepted: deps.onAccepted,
    onClosed: deps.onClosed,
    reportError: (error, where) =>
      logger.warn(
        { event: 'handoff_notice_failed', where, error: (error as Error).message },
        'Could not tell the user',
      ),
  });
  const recorder = new TranscriptRecorder(transcripts, (error) =>
    logger.warn(
      { event: 'transcript_write_failed', error: (error as Error).message },
      'Transcript not recorded',
    ),
  );
  const watcher = new AcceptTimeoutWatcher(service, config.HANDOFF_ACCEPT_TIMEOUT_SECONDS, logger);
  return { service, recorder, watcher };
}
