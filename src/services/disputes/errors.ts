import { UnreadableRecordError } from '../storage/UnreadableRecordError';
import type { ZodIssue } from 'zod';
import type { Stage } from './schemas';

/** A move the state machine does not allow, e.g. withdrawing a resolved dispute. */
export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  constructor(
    readonly from: Stage,
    readonly to: Stage,
  ) {
    super(`A dispute cannot move from ${from} to ${to}`);
  }
}

/** No such dispute for this caller: also thrown for another owner's id, so existence is never revealed. */
export class DisputeNotFoundError extends Error {
  override readonly name = 'DisputeNotFoundError';
  constructor(readonly disputeId: string) {
    super(`No dispute ${disputeId}`);
  }
}

/** Input that breaks the schema (empty statement, unknown currency, text too long...). */
export class DisputeValidationError extends Error {
  override readonly name = 'DisputeValidationError';
  constructor(readonly issues: readonly ZodIssue[]) {
    super(
      `Invalid dispute data: ${issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`,
    );
  }
}

/** A stored record that no longer matches the schema: reported, never allowed to crash the process. */
export class CorruptDisputeError extends UnreadableRecordError {
  override readonly name = 'CorruptDisputeError';
  constructor(
    readonly disputeId: string,
    readonly reason: string,
  ) {
    super(`Stored dispute ${disputeId} is unreadable: ${reason}`);
  }
}

/** An action that the dispute's stage does not allow (e.g. answering a recommendation that was not issued). */
export class DisputeActionNotAllowedError extends Error {
  override readonly name = 'DisputeActionNotAllowedError';
  constructor(
    readonly action: string,
    readonly stage: Stage,
  ) {
    super(`Cannot ${action} while the dispute is ${stage}`);
  }
}

/** Too many writers at once on one dispute: every attempt found a newer version. */
export class DisputeUpdateConflictError extends Error {
  override readonly name = 'DisputeUpdateConflictError';
  constructor(
    readonly disputeId: string,
    readonly attempts: number,
  ) {
    super(`Dispute ${disputeId} kept changing; gave up after ${attempts} attempts`);
  }
}

/** The idempotency key is bound to a dispute this owner cannot read (deleted, or corrupt storage). */
export class FilingConflictError extends Error {
  override readonly name = 'FilingConflictError';
  constructor(readonly boundDisputeId: string) {
    super(`The filing key is already bound to dispute ${boundDisputeId}, which cannot be read`);
  }
}
