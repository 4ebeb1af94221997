import { z } from 'zod';
import {
  disputeIdSchema,
  recommendationAnswerSchema,
  recommendationPartySchema,
  recommendationTextSchema,
} from '../../services/disputes/schemas';

/** A case is named by its conversation id (URL-encoded in the path). */
export const caseIdSchema = z.string().min(1).max(512);

const agentText = z.string().trim().min(1, 'must not be empty').max(4000);

export const agentMessageBodySchema = z.object({ text: agentText }).strict();

export const messagesQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
});

export const mediationBodySchema = z.object({ note: agentText.optional() }).strict();

export const noteBodySchema = z.object({ note: agentText.optional() }).strict();

export const disputeParamsSchema = z.object({ id: disputeIdSchema });

export const recommendationBodySchema = z.object({ text: recommendationTextSchema }).strict();

export const recommendationResponseBodySchema = z
  .object({ party: recommendationPartySchema, answer: recommendationAnswerSchema })
  .strict();

export const decisionBodySchema = z.object({ text: recommendationTextSchema }).strict();
