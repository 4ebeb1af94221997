import { z } from 'zod';
import { FACT_IDS } from '../../src/services/content/factIds';

/** The eight kinds of failure of issue 13; every case says which one it tests. */
export const CASE_KINDS = [
  'route',
  'kept',
  'answer_first',
  'correction',
  'no_loop',
  'no_handoff',
  'scope',
  'clarify',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const KIND_TITLES: Record<CaseKind, string> = {
  route: '1 route by contract state',
  kept: '2 what the user said is kept',
  answer_first: '3 questions answered first',
  correction: '4 corrections',
  no_loop: '5 prompts do not loop',
  no_handoff: '6 no unwanted hand-off',
  scope: '7 near / out of scope',
  clarify: '8 clarifications, typos, non-native',
};

/**
 * What a correct turn does, judged from what the user observably gets (see observeTurn.ts):
 * - ended_filing: the ended-contract filing (the refund-request date, the deadline, or the filing steps);
 * - active_handoff_offer: the active-contract route through Customer Support (fact P7), no queue yet;
 * - eligibility: whether the situation is covered (fact P1, or the questions that decide it);
 * - answer: the listed facts are stated;
 * - scope: says what the assistant covers and where the right help is, starts no dispute flow;
 * - clarify: offers two or more choices and starts nothing;
 * - chitchat: a short social answer, nothing started;
 * - handoff: the user is queued for a person (the hand-off protocol's `handoff.initiate` event).
 */
export const ROUTES = [
  'ended_filing',
  'active_handoff_offer',
  'eligibility',
  'answer',
  'scope',
  'clarify',
  'chitchat',
  'handoff',
] as const;
export type Route = (typeof ROUTES)[number];

/** Behaviours a turn must not show. A hand-off is always forbidden unless the route is "handoff". */
export const SIGNALS = [
  'handoff',
  'repeatPrompt',
  'askDate',
  'askAmount',
  'askMilestone',
  'askDelivered',
  'askContractState',
  'askContractType',
  'goodbye',
  'endedRoute',
  'activeRoute',
  'notUnderstood',
] as const;
export type Signal = (typeof SIGNALS)[number];

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

export const expectationSchema = z
  .object({
    route: z.enum(ROUTES).optional(),
    /** Every one of these facts is stated in the turn's replies. */
    facts: z.array(z.enum(FACT_IDS)).optional(),
    /** At least one of these facts is stated. */
    anyFacts: z.array(z.enum(FACT_IDS)).optional(),
    mustNot: z.array(z.enum(SIGNALS)).optional(),
    /** The deadline to answer the refund request is stated as this day (in the user's zone). */
    deadlineDate: isoDay.optional(),
    /** true: the window is said to be closed; false: it must not be said to be closed. */
    windowClosed: z.boolean().optional(),
    /** Values the user gave that the reply shows back, e.g. a corrected amount ("350"). */
    shows: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type Expectation = z.infer<typeof expectationSchema>;

/** The user's wall clock for the whole case, so "5 days ago" has one right deadline. */
export const clockSchema = z
  .object({
    local: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    zone: z.string().min(1),
  })
  .strict();
export type CaseClock = z.infer<typeof clockSchema>;

/**
 * The case is built on an example quoted in issue 13 itself. Whoever works on the fix has read those,
 * so the report also gives the score without them: the fresh part of the set.
 */
const fromIssue = z.boolean().optional();

/**
 * A fresh batch written blind after the understanding work (ids `b2-s-…`, `b2-c-…`): nobody tuned
 * to it, so the report prints its score on its own line.
 */
const BATCH_PREFIX = /^b(\d+)-/;

/** The blind batch a case belongs to ("blind2" for `b2-…`), or undefined for the main set. */
export function batchOf(caseId: string): string | undefined {
  const match = BATCH_PREFIX.exec(caseId);
  return match ? `blind${match[1]}` : undefined;
}

export const singleCaseSchema = z
  .object({
    id: z.string().regex(/^(b\d+-)?s-[a-z_]+-\d{3}$/),
    kind: z.enum(CASE_KINDS),
    fromIssue,
    text: z.string().min(1),
    clock: clockSchema.optional(),
    note: z.string().optional(),
    expect: expectationSchema,
  })
  .strict();
export type SingleCase = z.infer<typeof singleCaseSchema>;

export const conversationCaseSchema = z
  .object({
    id: z.string().regex(/^(b\d+-)?c-[a-z_]+-\d{3}$/),
    kind: z.enum(CASE_KINDS),
    fromIssue,
    clock: clockSchema.optional(),
    note: z.string().optional(),
    turns: z
      .array(z.object({ user: z.string().min(1), expect: expectationSchema.optional() }).strict())
      .min(2),
  })
  .strict();
export type ConversationCase = z.infer<typeof conversationCaseSchema>;

export const singleFileSchema = z.object({ cases: z.array(singleCaseSchema) }).strict();
export const conversationFileSchema = z.object({ cases: z.array(conversationCaseSchema) }).strict();

/** Every case as a list of turns: a single message is a conversation of one turn. */
export interface EvalCase {
  id: string;
  kind: CaseKind;
  fromIssue: boolean;
  clock: CaseClock;
  turns: Array<{ user: string; expect?: Expectation }>;
}

/** Thursday 26 November 2026, mid-morning in New York, unless a case says otherwise. */
export const DEFAULT_CLOCK: CaseClock = { local: '2026-11-26T10:30', zone: 'America/New_York' };
