export * from './schemas';
export * from './errors';
export { canTransition, nextStages, isOpen, assertTransition } from './stateMachine';
export { generateDisputeId, parseDisputeId, DISPUTE_ID_PREFIX } from './disputeId';
export type { DisputeStore, VersionedDispute } from './DisputeStore';
export { DisputeService, MAX_DETAILS_PER_DISPUTE } from './DisputeService';
export type {
  DisputeChange,
  DisputeChangeListener,
  DisputeServiceOptions,
  FileDisputeInput,
} from './DisputeService';
