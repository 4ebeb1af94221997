import { z } from 'zod';
import { FACT_IDS, FactId } from './factIds';

/** Values an operator may change without a code change (FACTS.md, "Facts that change"). */
const policyValuesSchema = z
  .object({
    platformName: z.string().min(1),
    refundResponseWindowDays: z.number().int().positive(),
    arbitrationProvider: z.string().min(1),
  })
  .strict();

export type PolicyValues = z.infer<typeof policyValuesSchema>;

const wording = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const policyContentSchema = z
  .object({
    values: policyValuesSchema,
    facts: z
      .object(Object.fromEntries(FACT_IDS.map((id) => [id, wording])) as Record<FactId, typeof wording>)
      .strict(),
  })
  .strict();

export type PolicyContentFile = z.infer<typeof policyContentSchema>;

/** An operator's override file: any value or any fact's wording, nothing else. */
export const policyOverrideSchema = z
  .object({
    values: policyValuesSchema.partial().optional(),
    facts: z
      .object(
        Object.fromEntries(FACT_IDS.map((id) => [id, wording.optional()])) as Record<
          FactId,
          z.ZodOptional<typeof wording>
        >,
      )
      .strict()
      .optional(),
  })
  .strict();
