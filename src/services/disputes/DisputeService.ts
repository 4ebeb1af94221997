import { setTimeout as sleep } from 'node:timers/promises';
import { z, ZodType, ZodTypeDef } from 'zod';
import { generateDisputeId } from './disputeId';
import type { DisputeStore } from './DisputeStore';
import {
  CorruptDisputeError,
  DisputeActionNotAllowedError,
  DisputeNotFoundError,
  DisputeUpdateConflictError,
  DisputeValidationError,
  FilingConflictError,
} from './errors';
import {
  Actor,
  actorSchema,
  conversationReferenceSchema,
  detailTextSchema,
  Dispute,
  DisputeEvent,
  disputeIdSchema,
  disputeSchema,
  fileableClaimSchema,
  HistoryEntry,
  ownerIdSchema,
  RecommendationAnswer,
  recommendationAnswerSchema,
  RecommendationParty,
  recommendationPartySchema,
  recommendationTextSchema,
  Stage,
  stageSchema,
} from './schemas';
import { assertTransition, isOpen } from './stateMachine';

/** What listeners (the notifier) hear after every successful change. */
export interface DisputeChange {
  readonly dispute: Dispute;
  readonly event: DisputeEvent;
  readonly actor: Actor;
  readonly from?: Stage;
  readonly to?: Stage;
  /** The conversation a user's change was made in; unset when it was made outside any chat. */
  readonly conversationId?: string;
}
export type DisputeChangeListener = (change: DisputeChange) => void | Promise<void>;

/** Where the owner made a change from: the chat passes its conversation, so the notifier can tell. */
export interface ChangeOrigin {
  readonly conversationId: string;
}

const fileDisputeInputSchema = z.object({
  ownerId: ownerIdSchema,
  idempotencyKey: z.string().min(1).max(512),
  contractKind: z.enum(['ended', 'active']),
  claim: fileableClaimSchema,
  // Any ISO instant with an offset; stored in UTC.
  deadline: z.union([z.date(), z.string().datetime({ offset: true })]).optional(),
  conversationReference: conversationReferenceSchema.optional(),
});
export type FileDisputeInput = z.input<typeof fileDisputeInputSchema>;

export interface DisputeServiceOptions {
  readonly store: DisputeStore;
  readonly clock?: () => Date;
  readonly generateId?: () => string;
  /** How often an update is retried when another writer changed the dispute first. */
  readonly maxUpdateAttempts?: number;
  /** Where listener failures and unreadable records are reported (they never fail the change itself). */
  readonly reportError?: (error: unknown, context: string) => void;
}

/** Targets that carry data of their own, so only their dedicated method may enter them. */
const STAGES_WITH_DEDICATED_METHODS: Partial<Record<Stage, string>> = {
  filed: 'fileDispute',
  recommendation_issued: 'issueRecommendation',
  recommendation_accepted: 'recordRecommendationResponse',
  recommendation_rejected: 'recordRecommendationResponse',
  decided: 'recordDecision',
};

const MAX_ID_COLLISIONS = 5;

/** Each change rewrites the whole record, so its growth is bounded. */
export const MAX_DETAILS_PER_DISPUTE = 200;

interface PendingChange {
  readonly dispute: Dispute;
  readonly event: DisputeEvent;
  readonly from?: Stage;
  readonly to?: Stage;
}

/** Outcome of a decide step: a change to write, or `unchanged` when the request is already satisfied. */
type Decision = PendingChange | 'unchanged';

function parseInput<Output, Input>(schema: ZodType<Output, ZodTypeDef, Input>, value: unknown): Output {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DisputeValidationError(parsed.error.issues);
  return parsed.data;
}

function appendHistory(dispute: Dispute, entry: HistoryEntry): Dispute {
  return { ...dispute, updatedAt: entry.at, history: [...dispute.history, entry] };
}

function userActor(ownerId: string): Actor {
  return { role: 'user', id: ownerId };
}

/**
 * Files and tracks Fixed-Price Protection disputes (facts P1, P4, P7-P12). Every change is a
 * read-modify-write guarded by the stored version and retried when another writer came first, so
 * concurrent changes on one dispute never lose each other.
 */
export class DisputeService {
  private readonly store: DisputeStore;
  private readonly clock: () => Date;
  private readonly generateId: () => string;
  private readonly maxUpdateAttempts: number;
  private readonly reportError: (error: unknown, context: string) => void;
  private readonly listeners = new Set<DisputeChangeListener>();

  constructor(options: DisputeServiceOptions) {
    if (!options?.store) throw new Error('DisputeService needs a store');
    this.store = options.store;
    this.clock = options.clock ?? (() => new Date());
    this.generateId = options.generateId ?? generateDisputeId;
    this.maxUpdateAttempts = options.maxUpdateAttempts ?? 50;
    if (!(this.maxUpdateAttempts >= 1)) throw new Error('maxUpdateAttempts must be at least 1');
    this.reportError =
      options.reportError ?? ((error, context) => console.error(`[disputes] ${context}`, error));
  }

  /**
   * Files a dispute in stage "filed". The same owner and idempotency key always give the same
   * dispute (created=false on repeats), across concurrent calls and processes sharing one store.
   */
  async fileDispute(request: FileDisputeInput): Promise<{ dispute: Dispute; created: boolean }> {
    const input = parseInput(fileDisputeInputSchema, request);
    const now = this.clock().toISOString();
    const actor = userActor(input.ownerId);
    // Write first, then claim the key: whoever holds the key is then always readable, and a
    // process that dies between the two steps leaves only an unreachable record, never a dangling key.
    const dispute = await this.insertNewDispute((id) => ({
      id,
      ownerId: input.ownerId,
      contractKind: input.contractKind,
      stage: 'filed',
      createdAt: now,
      updatedAt: now,
      deadline: input.deadline === undefined ? undefined : new Date(input.deadline).toISOString(),
      claim: input.claim,
      details: [],
      conversationReference: input.conversationReference,
      remindersEnabled: true,
      history: [{ at: now, actor, from: 'draft', to: 'filed', event: 'filed' }],
    }));
    const boundId = await this.store.claimIdempotencyKey(input.ownerId, input.idempotencyKey, dispute.id);
    if (boundId === dispute.id) {
      await this.store.addToOwnerIndex(input.ownerId, dispute.id, new Date(now));
      // Filed from the conversation its reference names (a chat, or an agent on the user's behalf).
      const conversationId = input.conversationReference?.conversation?.id;
      await this.emit({ dispute, event: 'filed', actor, from: 'draft', to: 'filed', conversationId });
      return { dispute, created: true };
    }
    await this.store.removeUnreachable(dispute.id);
    const earlier = await this.store.get(boundId);
    if (!earlier || earlier.dispute.ownerId !== input.ownerId) throw new FilingConflictError(boundId);
    // Indexing again is harmless and repairs a first filer that stopped before indexing.
    await this.store.addToOwnerIndex(input.ownerId, boundId, new Date(earlier.dispute.createdAt));
    return { dispute: earlier.dispute, created: false };
  }

  /** The owner's disputes, newest first; unreadable records are reported and left out. */
  async listForOwner(ownerId: string): Promise<Dispute[]> {
    const ids = await this.store.listIdsForOwner(ownerId);
    const loaded = await Promise.all(
      ids.map(async (id) => {
        try {
          return (await this.store.get(id))?.dispute;
        } catch (error) {
          if (!(error instanceof CorruptDisputeError)) throw error;
          this.reportError(error, `listing disputes: skipped ${id}`);
          return undefined;
        }
      }),
    );
    return loaded.filter(
      (dispute): dispute is Dispute => dispute !== undefined && dispute.ownerId === ownerId,
    );
  }

  /** The dispute if it exists and belongs to this owner; undefined otherwise (existence is not revealed). */
  async getForOwner(ownerId: string, id: string): Promise<Dispute | undefined> {
    const dispute = await this.getById(id);
    return dispute?.ownerId === ownerId ? dispute : undefined;
  }

  /** For agents and mediators: any dispute by id. */
  async getById(id: string): Promise<Dispute | undefined> {
    if (!disputeIdSchema.safeParse(id).success) return undefined;
    return (await this.store.get(id))?.dispute;
  }

  /** Moves a dispute along the state machine (IllegalTransitionError otherwise) and records who did it. */
  async transition(
    id: string,
    to: Stage,
    actor: Actor,
    note?: string,
    origin?: ChangeOrigin,
  ): Promise<Dispute> {
    const target = parseInput(stageSchema, to);
    const by = parseInput(actorSchema, actor);
    const dedicatedMethod = STAGES_WITH_DEDICATED_METHODS[target];
    return this.change(
      id,
      by,
      (current, now) => {
        assertTransition(current.stage, target);
        if (dedicatedMethod)
          throw new DisputeActionNotAllowedError(
            `enter ${target} without ${dedicatedMethod}()`,
            current.stage,
          );
        const event: DisputeEvent = target === 'withdrawn' ? 'withdrawn' : 'stage_changed';
        const entry: HistoryEntry = { at: now, actor: by, from: current.stage, to: target, event, note };
        return {
          dispute: appendHistory({ ...current, stage: target }, entry),
          event,
          from: current.stage,
          to: target,
        };
      },
      origin,
    );
  }

  /** The owner adds information to an open dispute (fact P8: a filed dispute can be updated). */
  async addDetail(ownerId: string, id: string, text: string, origin?: ChangeOrigin): Promise<Dispute> {
    const detail = parseInput(detailTextSchema, text);
    return this.change(
      id,
      userActor(ownerId),
      (current, now) => {
        if (!isOpen(current.stage)) throw new DisputeActionNotAllowedError('add details', current.stage);
        if (current.details.length >= MAX_DETAILS_PER_DISPUTE) {
          throw new DisputeActionNotAllowedError(
            `add more than ${MAX_DETAILS_PER_DISPUTE} details`,
            current.stage,
          );
        }
        const withDetail = { ...current, details: [...current.details, { at: now, text: detail }] };
        const entry: HistoryEntry = { at: now, actor: userActor(ownerId), event: 'detail_added' };
        return { dispute: appendHistory(withDetail, entry), event: 'detail_added' };
      },
      origin,
    );
  }

  async withdraw(ownerId: string, id: string, note?: string, origin?: ChangeOrigin): Promise<Dispute> {
    return this.transition(id, 'withdrawn', userActor(ownerId), note, origin);
  }

  /** Turns deadline reminders on or off; setting the value it already has changes nothing. */
  async setRemindersEnabled(
    ownerId: string,
    id: string,
    enabled: boolean,
    origin?: ChangeOrigin,
  ): Promise<Dispute> {
    return this.change(
      id,
      userActor(ownerId),
      (current, now) => {
        if (current.remindersEnabled === enabled) return 'unchanged';
        const entry: HistoryEntry = {
          at: now,
          actor: userActor(ownerId),
          event: 'reminders_changed',
          note: enabled ? 'reminders on' : 'reminders off',
        };
        return {
          dispute: appendHistory({ ...current, remindersEnabled: enabled }, entry),
          event: 'reminders_changed',
        };
      },
      origin,
    );
  }

  /** The mediation specialist's non-binding recommendation (fact P11): in_mediation -> recommendation_issued. */
  async issueRecommendation(id: string, text: string, actor: Actor): Promise<Dispute> {
    const recommendationText = parseInput(recommendationTextSchema, text);
    const by = parseInput(actorSchema, actor);
    return this.change(id, by, (current, now) => {
      assertTransition(current.stage, 'recommendation_issued');
      const issued = {
        ...current,
        stage: 'recommendation_issued' as const,
        recommendation: { text: recommendationText, issuedAt: now, responses: {} },
      };
      const entry: HistoryEntry = {
        at: now,
        actor: by,
        from: current.stage,
        to: issued.stage,
        event: 'recommendation_issued',
      };
      return {
        dispute: appendHistory(issued, entry),
        event: 'recommendation_issued',
        from: current.stage,
        to: issued.stage,
      };
    });
  }

  /**
   * Records one party's answer to the recommendation. Both accepted -> recommendation_accepted;
   * either rejected -> recommendation_rejected (then arbitration is the last option, fact P12).
   */
  async recordRecommendationResponse(
    id: string,
    party: RecommendationParty,
    answer: RecommendationAnswer,
    actor: Actor,
  ): Promise<Dispute> {
    const answeringParty = parseInput(recommendationPartySchema, party);
    const givenAnswer = parseInput(recommendationAnswerSchema, answer);
    const by = parseInput(actorSchema, actor);
    return this.change(id, by, (current, now) => {
      if (by.role === 'user' && answeringParty !== 'freelancer') {
        throw new DisputeActionNotAllowedError('answer for the client', current.stage);
      }
      const recommendation = current.recommendation;
      if (current.stage !== 'recommendation_issued' || !recommendation) {
        throw new DisputeActionNotAllowedError('answer the recommendation', current.stage);
      }
      if (recommendation.responses[answeringParty] === givenAnswer) return 'unchanged';
      const responses = { ...recommendation.responses, [answeringParty]: givenAnswer };
      const answers = [responses.freelancer, responses.client];
      const nextStage: Stage = answers.includes('rejected')
        ? 'recommendation_rejected'
        : answers.every((a) => a === 'accepted')
          ? 'recommendation_accepted'
          : current.stage;
      const moved = nextStage !== current.stage;
      if (moved) assertTransition(current.stage, nextStage);
      const entry: HistoryEntry = {
        at: now,
        actor: by,
        event: 'recommendation_response',
        note: `${answeringParty} ${givenAnswer}`,
        ...(moved ? { from: current.stage, to: nextStage } : {}),
      };
      const updated = { ...current, stage: nextStage, recommendation: { ...recommendation, responses } };
      return {
        dispute: appendHistory(updated, entry),
        event: 'recommendation_response',
        ...(moved ? { from: current.stage, to: nextStage } : {}),
      };
    });
  }

  /** Notes that the client did not answer contact attempts; the user is told the outcome (fact P10). */
  async recordClientUnresponsive(id: string, actor: Actor): Promise<Dispute> {
    const by = parseInput(actorSchema, actor);
    return this.change(id, by, (current, now) => {
      if (!isOpen(current.stage))
        throw new DisputeActionNotAllowedError('record an unresponsive client', current.stage);
      const entry: HistoryEntry = { at: now, actor: by, event: 'client_unresponsive' };
      return { dispute: appendHistory(current, entry), event: 'client_unresponsive' };
    });
  }

  /** The arbitrator's final decision (fact P12): arbitration -> decided. */
  async recordDecision(id: string, text: string, actor: Actor): Promise<Dispute> {
    const decisionText = parseInput(recommendationTextSchema, text);
    const by = parseInput(actorSchema, actor);
    return this.change(id, by, (current, now) => {
      assertTransition(current.stage, 'decided');
      const decided = {
        ...current,
        stage: 'decided' as const,
        decision: { text: decisionText, decidedAt: now },
      };
      const entry: HistoryEntry = {
        at: now,
        actor: by,
        from: current.stage,
        to: 'decided',
        event: 'decision_recorded',
      };
      return {
        dispute: appendHistory(decided, entry),
        event: 'decision_recorded',
        from: current.stage,
        to: 'decided',
      };
    });
  }

  /** Subscribes to every successful change; returns the unsubscribe function. */
  onChange(listener: DisputeChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private async insertNewDispute(build: (id: string) => Dispute): Promise<Dispute> {
    for (let attempt = 1; attempt <= MAX_ID_COLLISIONS; attempt += 1) {
      const dispute = parseInput(disputeSchema, build(this.generateId()));
      if (await this.store.insert(dispute)) return dispute;
    }
    throw new Error(`Could not find a free dispute id in ${MAX_ID_COLLISIONS} attempts`);
  }

  /**
   * Read, decide, write-if-unchanged, retry. A user actor only reaches their own disputes; anyone
   * else's look missing. `decide` may throw (illegal move) and is re-run on fresh data after a conflict.
   */
  private async change(
    id: string,
    actor: Actor,
    decide: (current: Dispute, now: string) => Decision,
    origin?: ChangeOrigin,
  ): Promise<Dispute> {
    if (!disputeIdSchema.safeParse(id).success) throw new DisputeNotFoundError(id);
    for (let attempt = 1; attempt <= this.maxUpdateAttempts; attempt += 1) {
      const loaded = await this.store.get(id);
      if (!loaded || (actor.role === 'user' && loaded.dispute.ownerId !== actor.id))
        throw new DisputeNotFoundError(id);
      const decision = decide(loaded.dispute, this.clock().toISOString());
      if (decision === 'unchanged') return loaded.dispute;
      const next = parseInput(disputeSchema, decision.dispute);
      if (await this.store.replace(next, loaded.version)) {
        await this.emit({ ...decision, dispute: next, actor, conversationId: origin?.conversationId });
        return next;
      }
      // Someone else wrote first: wait a little (jittered, growing) and decide again on their result.
      await sleep(Math.random() * Math.min(25, 2 ** attempt));
    }
    throw new DisputeUpdateConflictError(id, this.maxUpdateAttempts);
  }

  /** Runs every listener; a failing one is reported and does not undo or fail the change. */
  private async emit(change: DisputeChange): Promise<void> {
    await Promise.all(
      [...this.listeners].map(async (listener) => {
        try {
          await listener({ ...change, dispute: structuredClone(change.dispute) });
        } catch (error) {
          this.reportError(error, `change listener failed on ${change.event} of ${change.dispute.id}`);
        }
      }),
    );
  }
}
