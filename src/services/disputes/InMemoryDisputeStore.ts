import type { DisputeStore, VersionedDispute } from './DisputeStore';
import { idempotencyKeyPart, ownerKeyPart } from './ownerKeys';
import type { Dispute } from './schemas';
import { deserializeDispute, serializeDispute } from './storedDispute';

interface StoredRecord {
  readonly json: string;
  readonly version: number;
}

/**
 * The embedded default when no Redis is configured: same contract as RedisDisputeStore, one process
 * only, and everything is lost when the process stops. Records are kept as JSON so callers never
 * share objects with the store and a read goes through the same validation as Redis.
 */
export class InMemoryDisputeStore implements DisputeStore {
  readonly durable = false;
  private readonly records = new Map<string, StoredRecord>();
  private readonly idempotencyBindings = new Map<string, string>();
  private readonly ownerIndexes = new Map<string, Map<string, number>>();

  async insert(dispute: Dispute): Promise<boolean> {
    if (this.records.has(dispute.id)) return false;
    this.records.set(dispute.id, { json: serializeDispute(dispute), version: 1 });
    return true;
  }

  async claimIdempotencyKey(ownerId: string, idempotencyKey: string, candidateId: string): Promise<string> {
    const bindingKey = idempotencyKeyPart(ownerId, idempotencyKey);
    const bound = this.idempotencyBindings.get(bindingKey);
    if (bound !== undefined) return bound;
    this.idempotencyBindings.set(bindingKey, candidateId);
    return candidateId;
  }

  async addToOwnerIndex(ownerId: string, disputeId: string, createdAt: Date): Promise<void> {
    const ownerKey = ownerKeyPart(ownerId);
    const index = this.ownerIndexes.get(ownerKey) ?? new Map<string, number>();
    index.set(disputeId, createdAt.getTime());
    this.ownerIndexes.set(ownerKey, index);
  }

  async listIdsForOwner(ownerId: string): Promise<string[]> {
    const index = this.ownerIndexes.get(ownerKeyPart(ownerId));
    if (!index) return [];
    // Newest first; equal times by id descending, the order Redis ZREVRANGE gives.
    return [...index.entries()]
      .sort(([idA, timeA], [idB, timeB]) => timeB - timeA || (idA < idB ? 1 : idA > idB ? -1 : 0))
      .map(([id]) => id);
  }

  async get(disputeId: string): Promise<VersionedDispute | undefined> {
    const record = this.records.get(disputeId);
    if (!record) return undefined;
    return { dispute: deserializeDispute(disputeId, record.json), version: record.version };
  }

  async replace(dispute: Dispute, expectedVersion: number): Promise<boolean> {
    const record = this.records.get(dispute.id);
    if (!record || record.version !== expectedVersion) return false;
    this.records.set(dispute.id, { json: serializeDispute(dispute), version: expectedVersion + 1 });
    return true;
  }

  async removeUnreachable(disputeId: string): Promise<void> {
    this.records.delete(disputeId);
  }
}
