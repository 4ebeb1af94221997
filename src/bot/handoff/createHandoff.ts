import type { AppConfig } from '../../config/configSchema';
import type { PolicyContent } from '../../services/content/PolicyContent';
import type { DisputeService } from '../../services/disputes/DisputeService';
import { AcceptTimeoutWatcher } from '../../services/handoff/AcceptTimeoutWatcher';
import type { HandoffCase } from '../../services/handoff/handoffCase';
import type { HandoffStore } from '../../services/handoff/HandoffStore';
import { HandoffService } from '../../services/handoff/HandoffService';
import type { Logger } from '../../services/logging/logger';
import type { ProactiveSender } from '../../services/notifications/ProactiveSender';
import type { ReplyRenderer } from '../../services/notifications/ReplyRenderer';
import { HandoffInitiator, HandoffInitiatorOptions } from './HandoffInitiator';
import { ProactiveCaseMessenger } from './ProactiveCaseMessenger';
import type { TranscriptStore } from '../../services/handoff/TranscriptStore';
import { TranscriptRecorder } from './TranscriptRecorder';

export interface HandoffParts {
  /** The domain service: the queue and every step an agent takes (the agent API uses it). */
  service: HandoffService;
  /** What the dialogs call to pass the user to a person, in the user's turn. */
  starter: HandoffInitiator;
  /** Botbuilder middleware: add it to the adapter so every message is in the transcript. */
  recorder: TranscriptRecorder;
  watcher: AcceptTimeoutWatcher;
}

/** The hand-off, domain and bot side, on the given stores (Redis or memory: the composition root picks). */
export function createHandoff(
  config: Pick<AppConfig, 'HANDOFF_ACCEPT_TIMEOUT_SECONDS'>,
  stores: { store: HandoffStore; transcripts: TranscriptStore },
  deps: {
    sender: ProactiveSender;
    renderer: ReplyRenderer;
    disputes: DisputeService;
    content: PolicyContent;
    logger: Logger;
    onQueued?: HandoffInitiatorOptions['onQueued'];
    onAccepted?: (accepted: HandoffCase) => void;
    onClosed?: (closed: HandoffCase) => void;
  },
): HandoffParts {
  const { logger } = deps;
  const { store, transcripts } = stores;
  const reportError = (error: unknown, where: string) =>
    logger.warn(
      { event: 'handoff_notice_failed', where, error: (error as Error).message },
      'Could not tell the user',
    );
  const service = new HandoffService({
    store,
    transcripts,
    messenger: new ProactiveCaseMessenger({
      sender: deps.sender,
      renderer: deps.renderer,
      transcripts,
      reportError,
    }),
    disputes: deps.disputes,
    content: deps.content,
    onAccepted: deps.onAccepted,
    onClosed: deps.onClosed,
    reportError,
  });
  const starter = new HandoffInitiator({
    handoff: service,
    renderer: deps.renderer,
    onQueued: deps.onQueued,
  });
  const recorder = new TranscriptRecorder(transcripts, (error) =>
    logger.warn(
      { event: 'transcript_write_failed', error: (error as Error).message },
      'Transcript not recorded',
    ),
  );
  const watcher = new AcceptTimeoutWatcher(service, config.HANDOFF_ACCEPT_TIMEOUT_SECONDS, logger);
  return { service, starter, recorder, watcher };
}
