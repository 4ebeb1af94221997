import { PolicyContent } from '../../src/services/content/PolicyContent';
import { DisputeService } from '../../src/services/disputes/DisputeService';
import { InMemoryDisputeStore } from '../../src/services/disputes/InMemoryDisputeStore';
import { DialogHarness } from '../support/dialogHarness';

const claim = {
  agreed: 'A logo',
  delivered: 'Final files on 12 November',
  amount: { value: 500, currency: 'USD' },
  statement: 'The work is complete and the payment is due.',
};

async function withDispute(ownerId: string) {
  const disputes = new DisputeService({ store: new InMemoryDisputeStore() });
  const { dispute } = await disputes.fileDispute({
    ownerId,
    idempotencyKey: 'k1',
    contractKind: 'ended',
    claim,
    deadline: '2026-11-30T15:00:00.000Z',
  });
  const harness = await DialogHarness.create('webchat', PolicyContent.load(), disputes);
  return { disputes, dispute, harness };
}

describe('my disputes', () => {
  it('with none yet, says so and shows the platform path to its disputes page', async () => {
    const harness = await DialogHarness.create('webchat');
    const reply = await harness.ask('where can I see my disputes');
    expect(reply).toMatch(/haven't recorded a dispute/);
    expect(reply).toMatch(/Help Center/);
  });

  it('lists, opens as a timeline, adds details and withdraws after confirmation', async () => {
    const { disputes, dispute, harness } = await withDispute('webchat:user1');
    const list = await harness.ask('show me my disputes');
    expect(list).toMatch(new RegExp(`${dispute.id}: Filed, refund-request deadline`));
    const opened = await harness.ask(dispute.id);
    expect(opened).toMatch(/Stage: Filed/);
    expect(opened).toMatch(/Next: .*mediation/);
    expect(opened).toMatch(/Recorded/);

    expect(await harness.ask('Add details')).toMatch(/What would you like to add/);
    expect(await harness.ask('The client confirmed receipt on 13 Nov: https://chat.example/123')).toMatch(
      /Added/,
    );
    expect((await disputes.getById(dispute.id))?.details).toHaveLength(1);

    expect(await harness.ask('Turn reminders off')).toMatch(/Reminders are off/);
    expect((await disputes.getById(dispute.id))?.remindersEnabled).toBe(false);

    expect(await harness.ask('Withdraw it')).toMatch(/cannot be undone/);
    expect(await harness.ask('No, keep it')).toMatch(/kept it/);
    expect((await disputes.getById(dispute.id))?.stage).toBe('filed');
    await harness.ask('Withdraw it');
    expect(await harness.ask('Yes, withdraw it')).toMatch(/is withdrawn/);
    expect((await disputes.getById(dispute.id))?.stage).toBe('withdrawn');
  });

  it("another user's reference is not found, even typed exactly", async () => {
    const { disputes, dispute, harness } = await withDispute('webchat:someone-else');
    expect(await harness.ask('show me my disputes')).toMatch(/haven't recorded a dispute/);
    expect(await harness.ask(dispute.id.toLowerCase())).toMatch(/can't find a dispute with that reference/);
    expect((await disputes.getById(dispute.id))?.history).toHaveLength(1);
  });
});
