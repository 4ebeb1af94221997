import { CorruptDisputeError } from './errors';
import { Dispute, disputeSchema } from './schemas';

/** The stored form: plain JSON, identical in every store so a record moves between them unchanged. */
export function serializeDispute(dispute: Dispute): string {
  return JSON.stringify(dispute);
}

/** Parses and validates a stored record; a bad one becomes a CorruptDisputeError, never a crash. */
export function deserializeDispute(disputeId: string, stored: string): Dispute {
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    throw new CorruptDisputeError(disputeId, 'not JSON');
  }
  const parsed = disputeSchema.safeParse(raw);
  if (!parsed.success) {
    const firstIssue = parsed.error.issues[0];
    throw new CorruptDisputeError(
      disputeId,
      `${firstIssue?.path.join('.') ?? ''}: ${firstIssue?.message ?? 'invalid'}`,
    );
  }
  if (parsed.data.id !== disputeId)
    throw new CorruptDisputeError(disputeId, `record holds id ${parsed.data.id}`);
  return parsed.data;
}
