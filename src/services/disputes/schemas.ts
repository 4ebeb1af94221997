import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';

/** Every stage a dispute can be in; the legal moves between them live in stateMachine.ts. */
export const stageSchema = z.enum([
  'draft',
  'filed',
  'in_mediation',
  'recommendation_issued',
  'recommendation_accepted',
  'recommendation_rejected',
  'arbitration',
  'decided',
  'resolved',
  'withdrawn',
]);
export type Stage = z.infer<typeof stageSchema>;

/** ISO 8601 instant in UTC ("...Z"): offsets are refused so stored times never depend on a server's zone. */
export const utcInstantSchema = z.string().datetime({ offset: false });

export const actorSchema = z.object({
  role: z.enum(['user', 'agent', 'mediator', 'system']),
  id: z.string().min(1).max(512),
});
export type Actor = z.infer<typeof actorSchema>;

/** What a history entry records; the notifier switches on these names. */
export const disputeEventSchema = z.enum([
  'filed',
  'stage_changed',
  'withdrawn',
  'detail_added',
  'reminders_changed',
  'recommendation_issued',
  'recommendation_response',
  'client_unresponsive',
  'decision_recorded',
]);
export type DisputeEvent = z.infer<typeof disputeEventSchema>;

export const historyEntrySchema = z.object({
  at: utcInstantSchema,
  actor: actorSchema,
  from: stageSchema.optional(),
  to: stageSchema.optional(),
  event: disputeEventSchema,
  note: z.string().max(4000).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

// Node's ICU knows the ISO 4217 codes; checking against it catches "US$" or "dollars" typed by a dialog.
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

export const moneySchema = z.object({
  value: z.number().finite().positive(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code in capitals, e.g. USD')
    .refine((code) => knownCurrencies.has(code), 'an ISO 4217 currency code'),
});
export type Money = z.infer<typeof moneySchema>;

/** A calendar day ("2026-03-14") or a UTC instant: delivery dates are often known only to the day. */
const dayOrInstantSchema = z.union([z.string().date(), utcInstantSchema]);

const claimText = z.string().trim().min(1).max(10_000);

/** What the freelancer says happened (facts P4, P6, S2): everything optional while it is being collected. */
export const claimSchema = z.object({
  agreed: claimText.optional(),
  delivered: claimText.optional(),
  deliveredOn: dayOrInstantSchema.optional(),
  amount: moneySchema.optional(),
  evidence: z.array(z.string().trim().min(1).max(2_000)).max(50).optional(),
  clientLastMessage: claimText.optional(),
  statement: claimText.optional(),
});
export type Claim = z.infer<typeof claimSchema>;

/** Filing needs at least the reason and details showing the work is complete and payment due (fact P4). */
export const fileableClaimSchema = claimSchema.extend({ statement: claimText });
export type FileableClaim = z.infer<typeof fileableClaimSchema>;

export const detailTextSchema = z.string().trim().min(1).max(4_000);

export const detailSchema = z.object({ at: utcInstantSchema, text: detailTextSchema });

export const recommendationAnswerSchema = z.enum(['accepted', 'rejected']);
export type RecommendationAnswer = z.infer<typeof recommendationAnswerSchema>;

export const recommendationPartySchema = z.enum(['freelancer', 'client']);
export type RecommendationParty = z.infer<typeof recommendationPartySchema>;

export const recommendationTextSchema = z.string().trim().min(1).max(10_000);

/** The mediation specialist's non-binding recommendation (fact P11) and each party's answer. */
export const recommendationSchema = z.object({
  text: recommendationTextSchema,
  issuedAt: utcInstantSchema,
  responses: z.object({
    freelancer: recommendationAnswerSchema.optional(),
    client: recommendationAnswerSchema.optional(),
  }),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/** The arbitrator's final decision (fact P12). */
export const decisionSchema = z.object({ text: recommendationTextSchema, decidedAt: utcInstantSchema });
export type Decision = z.infer<typeof decisionSchema>;

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Kept as botbuilder hands it over, so the notifier can continue the conversation later. */
export const conversationReferenceSchema = z.custom<Partial<ConversationReference>>(isPlainObject, {
  message: 'a conversation reference object',
});

/** "FPD-" and 10 Crockford base32 characters (50 random bits); see disputeId.ts. */
export const disputeIdSchema = z.string().regex(/^FPD-[0-9A-HJKMNP-TV-Z]{10}$/);

export const ownerIdSchema = z.string().min(1).max(1_024);

export const disputeSchema = z.object({
  id: disputeIdSchema,
  ownerId: ownerIdSchema,
  contractKind: z.enum(['ended', 'active']),
  stage: stageSchema,
  createdAt: utcInstantSchema,
  updatedAt: utcInstantSchema,
  deadline: utcInstantSchema.optional(),
  claim: claimSchema,
  details: z.array(detailSchema),
  conversationReference: conversationReferenceSchema.optional(),
  recommendation: recommendationSchema.optional(),
  decision: decisionSchema.optional(),
  remindersEnabled: z.boolean().default(true),
  history: z.array(historyEntrySchema),
});
export type Dispute = z.infer<typeof disputeSchema>;
