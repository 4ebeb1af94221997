import { InMemoryDisputeStore } from '../../src/services/disputes/InMemoryDisputeStore';
import { describeDisputeServiceContract } from './support/disputeServiceContract';

describeDisputeServiceContract('the in-memory store', async () => ({
  store: new InMemoryDisputeStore(),
  close: async () => undefined,
}));
