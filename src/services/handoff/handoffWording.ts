import type { PolicyContent } from '../content/PolicyContent';
import { fill, placeholdersOf, templateOf, type ResponseId } from '../content/responses';
import type { Choice } from '../replies/choice';

/** A hand-off sentence's id in content/responses.en.json. */
export type HandoffSentence = Extract<ResponseId, `handoff.${string}`>;

/**
 * Each hand-off sentence and the values the code fills in (besides the policy values). Checked when
 * the hand-off starts: a sentence edited to name a value nobody fills would otherwise reach users
 * with its `{braces}` showing.
 */
const FILLED_WITH: Readonly<Record<HandoffSentence, readonly string[]>> = {
  'handoff.noService': [],
  'handoff.offerAfterMisunderstanding': [],
  'handoff.queued': [],
  'handoff.alreadyWaiting': [],
  'handoff.alreadyQueuedElsewhere': [],
  'handoff.alreadyWithPerson': [],
  'handoff.stillWaiting': [],
  'handoff.keptWaiting': [],
  'handoff.left': [],
  'handoff.accepted': [],
  'handoff.handedBack': [],
  'handoff.closed': [],
  'handoff.notAnswered': ['waited'],
  'handoff.waitedSeconds': ['seconds'],
  'handoff.waitedMinutes': ['minutes'],
  'handoff.ratherNotWait': ['activeContractRoute'],
  'handoff.mediationOpened': ['disputeId'],
  'handoff.choice.keepWaiting': [],
  'handoff.choice.leaveQueue': [],
  'handoff.headline.askedForPerson': [],
  'handoff.headline.repeatedMisunderstanding': [],
  'handoff.headline.activeContract': ['milestone'],
  'handoff.headline.activeContractWithAmount': ['milestone', 'amount'],
  'handoff.headline.milestoneUnnamed': [],
  'handoff.summary.milestone': ['milestone'],
  'handoff.summary.amount': ['amount'],
  'handoff.summary.delivered': ['delivered'],
  'handoff.summary.clientSaid': ['clientSaid'],
  'handoff.claim.activeContract': [],
  'handoff.claim.askedForHelp': [],
  'handoff.claim.agentNote': ['note'],
};

/** Words that leave the queue even without a button (the brief promise: "cancel" always works). */
export const LEAVE_WORDS = /\b(cancel|leave|stop waiting|never ?mind|forget it|quit|exit)\b/i;

const LEAVE_QUEUE_SYNONYMS = ['leave', 'leave queue', 'stop waiting', 'cancel', 'never mind', 'forget it'];
const KEEP_WAITING_SYNONYMS = ['wait', 'i will wait', "i'll wait", 'keep my place'];

/**
 * What the hand-off tells the user, from the content file (the domain keeps no sentence of its own),
 * and the choices it offers while they wait.
 */
export class HandoffWording {
  readonly leaveQueue: Choice;
  readonly keepWaiting: Choice;
  /** What the user can pick while waiting for a person. */
  readonly waitingChoices: Choice[];

  constructor(
    private readonly content: PolicyContent,
    private readonly template: (id: HandoffSentence) => string = templateOf,
  ) {
    const unfilled = unfilledPlaceholders(template, Object.keys(content.values));
    if (unfilled.length > 0)
      throw new Error(`Hand-off wording names values nobody fills: ${unfilled.join(', ')}`);
    this.leaveQueue = {
      value: 'leave_queue',
      title: this.text('handoff.choice.leaveQueue'),
      synonyms: LEAVE_QUEUE_SYNONYMS,
    };
    this.keepWaiting = {
      value: 'keep_waiting',
      title: this.text('handoff.choice.keepWaiting'),
      synonyms: KEEP_WAITING_SYNONYMS,
    };
    this.waitingChoices = [this.keepWaiting, this.leaveQueue];
  }

  text(id: HandoffSentence, vars: Readonly<Record<string, string>> = {}): string {
    return fill(this.template(id), this.content.values, vars);
  }

  /** How long the user has waited, in words. */
  waited(seconds: number): string {
    if (seconds < 90)
      return this.text('handoff.waitedSeconds', { seconds: String(Math.max(1, Math.round(seconds))) });
    return this.text('handoff.waitedMinutes', { minutes: String(Math.round(seconds / 60)) });
  }
}

function unfilledPlaceholders(template: (id: HandoffSentence) => string, valueNames: string[]): string[] {
  return Object.entries(FILLED_WITH).flatMap(([id, vars]) =>
    placeholdersOf(template(id as HandoffSentence))
      .filter((name) => !vars.includes(name) && !valueNames.includes(name))
      .map((name) => `${id} {${name}}`),
  );
}
