import type { Dispute } from './schemas';

/** A dispute as read from a store, with the version that an update must name (optimistic concurrency). */
export interface VersionedDispute {
  readonly dispute: Dispute;
  readonly version: number;
}

/**
 * Storage port for disputes. Every operation is atomic on its own; DisputeService composes them.
 * Implementations validate what they read back and throw CorruptDisputeError for a bad record.
 */
export interface DisputeStore {
  /** Writes a new dispute at version 1; false (and nothing written) when the id is already taken. */
  insert(dispute: Dispute): Promise<boolean>;

  /**
   * Binds (ownerId, idempotencyKey) to `candidateId` unless it is bound already, in one atomic step,
   * and returns the id it is bound to: `candidateId` for the first caller, the earlier id for all others.
   */
  claimIdempotencyKey(ownerId: string, idempotencyKey: string, candidateId: string): Promise<string>;

  /** Adds the id to the owner's index (idempotent: adding twice keeps one entry). */
  addToOwnerIndex(ownerId: string, disputeId: string, createdAt: Date): Promise<void>;

  /** The owner's dispute ids, newest first. */
  listIdsForOwner(ownerId: string): Promise<string[]>;

  get(disputeId: string): Promise<VersionedDispute | undefined>;

  /** Replaces the dispute if its stored version is still `expectedVersion`; false when someone wrote first. */
  replace(dispute: Dispute, expectedVersion: number): Promise<boolean>;

  /** Deletes a dispute that was never made reachable (a filing that lost the idempotency race). */
  removeUnreachable(disputeId: string): Promise<void>;
}
