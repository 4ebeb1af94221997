import type { DisputeStore, VersionedDispute } from '../disputes/DisputeStore';
import type { Dispute } from '../disputes/schemas';
import type { StorageGuard } from './StorageGuard';

/** A DisputeStore whose every call goes through the storage circuit breaker. */
export class GuardedDisputeStore implements DisputeStore {
  constructor(
    private readonly inner: DisputeStore,
    private readonly guard: StorageGuard,
  ) {}

  insert(dispute: Dispute): Promise<boolean> {
    return this.guard.run('dispute insert', () => this.inner.insert(dispute));
  }

  claimIdempotencyKey(ownerId: string, idempotencyKey: string, candidateId: string): Promise<string> {
    return this.guard.run('dispute filing key', () =>
      this.inner.claimIdempotencyKey(ownerId, idempotencyKey, candidateId),
    );
  }

  addToOwnerIndex(ownerId: string, disputeId: string, createdAt: Date): Promise<void> {
    return this.guard.run('dispute index', () => this.inner.addToOwnerIndex(ownerId, disputeId, createdAt));
  }

  listIdsForOwner(ownerId: string): Promise<string[]> {
    return this.guard.run('dispute list', () => this.inner.listIdsForOwner(ownerId));
  }

  get(disputeId: string): Promise<VersionedDispute | undefined> {
    return this.guard.run('dispute read', () => this.inner.get(disputeId));
  }

  replace(dispute: Dispute, expectedVersion: number): Promise<boolean> {
    return this.guard.run('dispute update', () => this.inner.replace(dispute, expectedVersion));
  }

  removeUnreachable(disputeId: string): Promise<void> {
    return this.guard.run('dispute cleanup', () => this.inner.removeUnreachable(disputeId));
  }
}
