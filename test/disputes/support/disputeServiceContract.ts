import {
  Actor,
  Claim,
  DisputeActionNotAllowedError,
  DisputeChange,
  DisputeNotFoundError,
  DisputeService,
  DisputeStore,
  DisputeValidationError,
  FileDisputeInput,
  IllegalTransitionError,
  MAX_DETAILS_PER_DISPUTE,
} from '../../../src/services/disputes';
import { FakeClock } from './fakeClock';

/** A fresh, empty store for one test, and how to let go of it. */
export interface StoreUnderTest {
  readonly store: DisputeStore;
  close(): Promise<void>;
}

const ALICE = 'alice@example.com';
const BOB = '29:1a-Teams/User {id}:with\nodd characters';
const MEDIATOR: Actor = { role: 'mediator', id: 'mediator-7' };
const AGENT: Actor = { role: 'agent', id: 'agent-3' };

function filing(
  ownerId: string,
  idempotencyKey: string,
  overrides: Partial<FileDisputeInput> = {},
): FileDisputeInput {
  return {
    ownerId,
    idempotencyKey,
    contractKind: 'ended',
    claim: {
      agreed: 'A five-page marketing site',
      delivered: 'All five pages, live on the client domain',
      deliveredOn: '2026-02-20',
      amount: { value: 850, currency: 'USD' },
      evidence: ['https://example.com/handover.pdf'],
      statement:
        'The site was delivered and approved in chat; the client ended the contract with funds in escrow.',
    },
    ...overrides,
  };
}

/** The behaviour DisputeService must show on every store: run once per store implementation. */
export function describeDisputeServiceContract(
  storeName: string,
  openStore: () => Promise<StoreUnderTest>,
): void {
  describe(`DisputeService on ${storeName}`, () => {
    let underTest: StoreUnderTest;
    let clock: FakeClock;
    let service: DisputeService;
    let changes: DisputeChange[];
    let reported: unknown[];

    beforeEach(async () => {
      underTest = await openStore();
      clock = new FakeClock();
      reported = [];
      service = new DisputeService({
        store: underTest.store,
        clock: clock.now,
        reportError: (error) => reported.push(error),
      });
      changes = [];
      service.onChange((change) => {
        changes.push(change);
      });
    });

    afterEach(async () => {
      await underTest.close();
    });

    async function fileFor(ownerId: string, key: string, overrides: Partial<FileDisputeInput> = {}) {
      return (await service.fileDispute(filing(ownerId, key, overrides))).dispute;
    }

    async function inMediation(ownerId = ALICE) {
      const dispute = await fileFor(ownerId, `key-${Math.random()}`);
      await service.transition(dispute.id, 'in_mediation', AGENT);
      return dispute.id;
    }

    describe('filing', () => {
      it('files in stage "filed" with the claim, UTC times and a draft -> filed history entry by the user', async () => {
        const filedAt = clock.iso();
        const reference = {
          conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
          serviceUrl: 'https://smba.example/',
          channelId: 'msteams',
        };
        const { dispute, created } = await service.fileDispute(
          filing(ALICE, 'k1', { deadline: '2026-03-09T10:00:00+01:00', conversationReference: reference }),
        );

        expect(created).toBe(true);
        expect(dispute.id).toMatch(/^FPD-[0-9A-HJKMNP-TV-Z]{10}$/);
        expect(dispute).toMatchObject({
          ownerId: ALICE,
          stage: 'filed',
          contractKind: 'ended',
          createdAt: filedAt,
          updatedAt: filedAt,
          deadline: '2026-03-09T09:00:00.000Z',
          remindersEnabled: true,
          details: [],
          conversationReference: reference,
        });
        expect(dispute.claim.amount).toEqual({ value: 850, currency: 'USD' });
        expect(dispute.history).toEqual([
          { at: filedAt, actor: { role: 'user', id: ALICE }, from: 'draft', to: 'filed', event: 'filed' },
        ]);
        expect(await service.getForOwner(ALICE, dispute.id)).toEqual(dispute);
      });

      it.each([
        ['no statement', { statement: undefined }],
        ['a blank statement', { statement: '   ' }],
        ['an unknown currency', { amount: { value: 10, currency: 'XYZ' } }],
        ['a negative amount', { amount: { value: -5, currency: 'USD' } }],
      ])('refuses a claim with %s and stores nothing', async (_label, claimChange: Claim) => {
        const request = filing(ALICE, 'bad');
        // Deliberately ill-typed, as data from an untyped caller would be.
        const claim = { ...request.claim, ...claimChange } as FileDisputeInput['claim'];
        await expect(service.fileDispute({ ...request, claim })).rejects.toBeInstanceOf(
          DisputeValidationError,
        );
        expect(await service.listForOwner(ALICE)).toEqual([]);
        expect(changes).toEqual([]);
      });

      it('refuses a deadline without a time zone rather than guessing one', async () => {
        await expect(
          service.fileDispute(filing(ALICE, 'k', { deadline: '2026-03-09T10:00:00' })),
        ).rejects.toBeInstanceOf(DisputeValidationError);
      });

      it('returns the same dispute for a repeated idempotency key, and a new one for a new key', async () => {
        const first = await service.fileDispute(filing(ALICE, 'same-key'));
        clock.advance(5_000);
        const repeat = await service.fileDispute(filing(ALICE, 'same-key', { contractKind: 'active' }));
        const other = await service.fileDispute(filing(ALICE, 'other-key'));

        expect(repeat.created).toBe(false);
        expect(repeat.dispute).toEqual(first.dispute);
        expect(other.created).toBe(true);
        expect(other.dispute.id).not.toBe(first.dispute.id);
        expect((await service.listForOwner(ALICE)).map((d) => d.id)).toEqual([
          other.dispute.id,
          first.dispute.id,
        ]);
        expect(changes.filter((c) => c.event === 'filed')).toHaveLength(2);
      });

      it('keeps the same idempotency key of two owners apart', async () => {
        const forAlice = await service.fileDispute(filing(ALICE, 'shared-key'));
        const forBob = await service.fileDispute(filing(BOB, 'shared-key'));
        expect(forBob.created).toBe(true);
        expect(forBob.dispute.id).not.toBe(forAlice.dispute.id);
        expect(forBob.dispute.ownerId).toBe(BOB);
      });

      it('makes one dispute from 20 concurrent identical submissions', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, () => service.fileDispute(filing(ALICE, 'double-click'))),
        );
        const ids = new Set(results.map((r) => r.dispute.id));
        expect(ids.size).toBe(1);
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect((await service.listForOwner(ALICE)).map((d) => d.id)).toEqual([...ids]);
        expect(changes).toHaveLength(1);
      });
    });

    describe('listing and owner isolation', () => {
      it('lists the owner’s disputes newest first', async () => {
        const first = await fileFor(ALICE, 'a');
        clock.advance(60_000);
        const second = await fileFor(ALICE, 'b');
        clock.advance(60_000);
        const third = await fileFor(ALICE, 'c');
        expect((await service.listForOwner(ALICE)).map((d) => d.id)).toEqual([third.id, second.id, first.id]);
        expect(await service.listForOwner('nobody')).toEqual([]);
      });

      it('never shows or lets user B change user A’s dispute, and answers as for an unknown id', async () => {
        const alices = await fileFor(ALICE, 'a');
        await fileFor(BOB, 'b');
        changes.length = 0;

        expect((await service.listForOwner(BOB)).map((d) => d.ownerId)).toEqual([BOB]);
        expect(await service.getForOwner(BOB, alices.id)).toBeUndefined();
        for (const id of [alices.id, 'FPD-0000000000', 'not-an-id']) {
          await expect(service.addDetail(BOB, id, 'sneaky')).rejects.toBeInstanceOf(DisputeNotFoundError);
          await expect(service.withdraw(BOB, id)).rejects.toBeInstanceOf(DisputeNotFoundError);
          await expect(service.setRemindersEnabled(BOB, id, false)).rejects.toBeInstanceOf(
            DisputeNotFoundError,
          );
        }
        const untouched = await service.getForOwner(ALICE, alices.id);
        expect(untouched).toEqual(alices);
        expect(changes).toEqual([]);
      });

      it('lets agents and mediators open any dispute by id', async () => {
        const dispute = await fileFor(ALICE, 'a');
        expect(await service.getById(dispute.id)).toEqual(dispute);
        expect(await service.getById('FPD-0000000000')).toBeUndefined();
        expect(await service.getById('FPD-}{weird')).toBeUndefined();
      });
    });

    describe('changes by the owner', () => {
      it('adds details with their time, and records who added them', async () => {
        const dispute = await fileFor(ALICE, 'a');
        clock.advance(3_600_000);
        const updated = await service.addDetail(
          ALICE,
          dispute.id,
          '  The client confirmed receipt on 21 Feb.  ',
        );
        expect(updated.details).toEqual([
          { at: clock.iso(), text: 'The client confirmed receipt on 21 Feb.' },
        ]);
        expect(updated.updatedAt).toBe(clock.iso());
        expect(updated.history.at(-1)).toEqual({
          at: clock.iso(),
          actor: { role: 'user', id: ALICE },
          event: 'detail_added',
        });
        await expect(service.addDetail(ALICE, dispute.id, '   ')).rejects.toBeInstanceOf(
          DisputeValidationError,
        );
      });

      it(`stops taking details after ${MAX_DETAILS_PER_DISPUTE}`, async () => {
        const dispute = await fileFor(ALICE, 'a');
        for (let i = 0; i < MAX_DETAILS_PER_DISPUTE; i += 1)
          await service.addDetail(ALICE, dispute.id, `detail ${i}`);
        await expect(service.addDetail(ALICE, dispute.id, 'one too many')).rejects.toBeInstanceOf(
          DisputeActionNotAllowedError,
        );
        expect((await service.getById(dispute.id))?.details).toHaveLength(MAX_DETAILS_PER_DISPUTE);
      });

      it('withdraws an open dispute once; a withdrawn dispute takes no details and cannot be withdrawn again', async () => {
        const dispute = await fileFor(ALICE, 'a');
        const withdrawn = await service.withdraw(ALICE, dispute.id, 'settled with the client');
        expect(withdrawn.stage).toBe('withdrawn');
        expect(withdrawn.history.at(-1)).toMatchObject({
          actor: { role: 'user', id: ALICE },
          from: 'filed',
          to: 'withdrawn',
          event: 'withdrawn',
          note: 'settled with the client',
        });
        await expect(service.withdraw(ALICE, dispute.id)).rejects.toMatchObject({
          from: 'withdrawn',
          to: 'withdrawn',
        });
        await expect(service.addDetail(ALICE, dispute.id, 'late')).rejects.toBeInstanceOf(
          DisputeActionNotAllowedError,
        );
      });

      it('turns reminders off and on; asking for the current value changes nothing', async () => {
        const dispute = await fileFor(ALICE, 'a');
        changes.length = 0;
        expect((await service.setRemindersEnabled(ALICE, dispute.id, false)).remindersEnabled).toBe(false);
        expect((await service.setRemindersEnabled(ALICE, dispute.id, false)).remindersEnabled).toBe(false);
        expect((await service.setRemindersEnabled(ALICE, dispute.id, true)).remindersEnabled).toBe(true);
        expect(changes.map((c) => c.event)).toEqual(['reminders_changed', 'reminders_changed']);
        expect((await service.getById(dispute.id))?.history.map((h) => h.note)).toEqual([
          undefined,
          'reminders off',
          'reminders on',
        ]);
      });
    });

    describe('mediation, recommendation and arbitration', () => {
      it('walks filed -> in_mediation -> resolved, recording every actor and time', async () => {
        const dispute = await fileFor(ALICE, 'a');
        clock.advance(1_000);
        await service.transition(dispute.id, 'in_mediation', AGENT, 'case opened');
        const mediationAt = clock.iso();
        clock.advance(1_000);
        const resolved = await service.transition(dispute.id, 'resolved', MEDIATOR);
        expect(resolved.stage).toBe('resolved');
        expect(resolved.history.slice(1)).toEqual([
          {
            at: mediationAt,
            actor: AGENT,
            from: 'filed',
            to: 'in_mediation',
            event: 'stage_changed',
            note: 'case opened',
          },
          { at: clock.iso(), actor: MEDIATOR, from: 'in_mediation', to: 'resolved', event: 'stage_changed' },
        ]);
      });

      it('refuses an illegal move, naming both stages, and leaves the dispute as it was', async () => {
        const dispute = await fileFor(ALICE, 'a');
        await expect(service.transition(dispute.id, 'arbitration', MEDIATOR)).rejects.toEqual(
          new IllegalTransitionError('filed', 'arbitration'),
        );
        expect(await service.getById(dispute.id)).toEqual(dispute);
        await expect(service.transition('FPD-0000000000', 'in_mediation', MEDIATOR)).rejects.toBeInstanceOf(
          DisputeNotFoundError,
        );
      });

      it('only enters stages that carry data through their own method', async () => {
        const id = await inMediation();
        await expect(service.transition(id, 'recommendation_issued', MEDIATOR)).rejects.toBeInstanceOf(
          DisputeActionNotAllowedError,
        );
        expect((await service.getById(id))?.stage).toBe('in_mediation');
      });

      it('moves to recommendation_accepted when both parties accept, then to resolved', async () => {
        const id = await inMediation();
        const issued = await service.issueRecommendation(id, 'Client pays 80% of the milestone.', MEDIATOR);
        expect(issued.stage).toBe('recommendation_issued');
        expect(issued.recommendation).toEqual({
          text: 'Client pays 80% of the milestone.',
          issuedAt: clock.iso(),
          responses: {},
        });

        const half = await service.recordRecommendationResponse(id, 'freelancer', 'accepted', {
          role: 'user',
          id: ALICE,
        });
        expect(half.stage).toBe('recommendation_issued');
        const both = await service.recordRecommendationResponse(id, 'client', 'accepted', MEDIATOR);
        expect(both.stage).toBe('recommendation_accepted');
        expect(both.recommendation?.responses).toEqual({ freelancer: 'accepted', client: 'accepted' });
        expect(both.history.at(-1)).toMatchObject({
          actor: MEDIATOR,
          from: 'recommendation_issued',
          to: 'recommendation_accepted',
          event: 'recommendation_response',
          note: 'client accepted',
        });
        expect((await service.transition(id, 'resolved', MEDIATOR)).stage).toBe('resolved');
      });

      it('moves to recommendation_rejected when either party rejects, then arbitration ends in a decision', async () => {
        const id = await inMediation();
        await service.issueRecommendation(id, 'Split 50/50.', MEDIATOR);
        const rejected = await service.recordRecommendationResponse(id, 'client', 'rejected', MEDIATOR);
        expect(rejected.stage).toBe('recommendation_rejected');
        await expect(
          service.recordRecommendationResponse(id, 'freelancer', 'accepted', { role: 'user', id: ALICE }),
        ).rejects.toBeInstanceOf(DisputeActionNotAllowedError);

        await service.transition(id, 'arbitration', MEDIATOR);
        clock.advance(86_400_000);
        const decided = await service.recordDecision(id, 'Freelancer is paid in full.', {
          role: 'system',
          id: 'arbitration-feed',
        });
        expect(decided.stage).toBe('decided');
        expect(decided.decision).toEqual({ text: 'Freelancer is paid in full.', decidedAt: clock.iso() });
        await expect(service.withdraw(ALICE, id)).rejects.toBeInstanceOf(IllegalTransitionError);
      });

      it('lets the owner answer only for the freelancer, and only on their own dispute', async () => {
        const id = await inMediation();
        await service.issueRecommendation(id, 'Split 50/50.', MEDIATOR);
        await expect(
          service.recordRecommendationResponse(id, 'client', 'accepted', { role: 'user', id: ALICE }),
        ).rejects.toBeInstanceOf(DisputeActionNotAllowedError);
        await expect(
          service.recordRecommendationResponse(id, 'freelancer', 'rejected', { role: 'user', id: BOB }),
        ).rejects.toBeInstanceOf(DisputeNotFoundError);
        expect((await service.getById(id))?.recommendation?.responses).toEqual({});
      });

      it('refuses a recommendation before mediation and a decision before arbitration', async () => {
        const dispute = await fileFor(ALICE, 'a');
        await expect(service.issueRecommendation(dispute.id, 'x', MEDIATOR)).rejects.toBeInstanceOf(
          IllegalTransitionError,
        );
        await expect(service.recordDecision(dispute.id, 'x', MEDIATOR)).rejects.toBeInstanceOf(
          IllegalTransitionError,
        );
        await expect(
          service.recordRecommendationResponse(dispute.id, 'client', 'accepted', MEDIATOR),
        ).rejects.toBeInstanceOf(DisputeActionNotAllowedError);
      });

      it('records an unresponsive client in the history without changing the stage', async () => {
        const id = await inMediation();
        const after = await service.recordClientUnresponsive(id, MEDIATOR);
        expect(after.stage).toBe('in_mediation');
        expect(after.history.at(-1)).toEqual({
          at: clock.iso(),
          actor: MEDIATOR,
          event: 'client_unresponsive',
        });
      });
    });

    describe('change notifications', () => {
      it('tells listeners once per change, with the event and the stages', async () => {
        const dispute = await fileFor(ALICE, 'a');
        await fileFor(ALICE, 'a'); // a repeat is not a change
        await service.transition(dispute.id, 'in_mediation', AGENT);
        await service.addDetail(ALICE, dispute.id, 'more');
        await expect(service.transition(dispute.id, 'decided', AGENT)).rejects.toThrow(); // a refused move is not either
        expect(changes.map(({ event, from, to, actor }) => ({ event, from, to, actor }))).toEqual([
          { event: 'filed', from: 'draft', to: 'filed', actor: { role: 'user', id: ALICE } },
          { event: 'stage_changed', from: 'filed', to: 'in_mediation', actor: AGENT },
          { event: 'detail_added', from: undefined, to: undefined, actor: { role: 'user', id: ALICE } },
        ]);
        expect(changes[2]?.dispute.details).toHaveLength(1);
      });

      it('keeps a change when a listener throws or rejects, and reports the failure', async () => {
        service.onChange(() => {
          throw new Error('notifier down');
        });
        service.onChange(async () => Promise.reject(new Error('still down')));
        const dispute = await fileFor(ALICE, 'a');
        const moved = await service.transition(dispute.id, 'in_mediation', AGENT);
        expect(moved.stage).toBe('in_mediation');
        expect((await service.getById(dispute.id))?.stage).toBe('in_mediation');
        expect(reported).toHaveLength(4);
        expect(changes).toHaveLength(2);
      });

      it('stops telling a listener that unsubscribed', async () => {
        const heard: string[] = [];
        const unsubscribe = service.onChange((change) => {
          heard.push(change.event);
        });
        const dispute = await fileFor(ALICE, 'a');
        unsubscribe();
        await service.addDetail(ALICE, dispute.id, 'more');
        expect(heard).toEqual(['filed']);
      });
    });

    describe('concurrent changes on one dispute', () => {
      it('keeps all 20 details added at once, each with its history entry', async () => {
        const dispute = await fileFor(ALICE, 'a');
        const texts = Array.from({ length: 20 }, (_, i) => `detail ${i}`);
        await Promise.all(texts.map((text) => service.addDetail(ALICE, dispute.id, text)));
        const after = await service.getById(dispute.id);
        expect(after?.details.map((d) => d.text).sort()).toEqual([...texts].sort());
        expect(after?.history.filter((h) => h.event === 'detail_added')).toHaveLength(20);
        expect(changes.filter((c) => c.event === 'detail_added')).toHaveLength(20);
      });

      it('lets exactly one of several identical moves win', async () => {
        const dispute = await fileFor(ALICE, 'a');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, () => service.transition(dispute.id, 'in_mediation', AGENT)),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(IllegalTransitionError);
        }
        expect(
          (await service.getById(dispute.id))?.history.filter((h) => h.to === 'in_mediation'),
        ).toHaveLength(1);
      });

      it('records both parties’ answers given at the same moment', async () => {
        const id = await inMediation();
        await service.issueRecommendation(id, 'Split 50/50.', MEDIATOR);
        await Promise.all([
          service.recordRecommendationResponse(id, 'freelancer', 'accepted', { role: 'user', id: ALICE }),
          service.recordRecommendationResponse(id, 'client', 'accepted', MEDIATOR),
        ]);
        const after = await service.getById(id);
        expect(after?.recommendation?.responses).toEqual({ freelancer: 'accepted', client: 'accepted' });
        expect(after?.stage).toBe('recommendation_accepted');
      });
    });

    describe('store contract', () => {
      it('refuses a write based on a stale version and a second insert of the same id', async () => {
        const { store } = underTest;
        const dispute = await fileFor(ALICE, 'a');
        const loaded = await store.get(dispute.id);
        expect(loaded?.version).toBe(1);
        expect(await store.insert(dispute)).toBe(false);
        expect(await store.replace({ ...dispute, remindersEnabled: false }, 1)).toBe(true);
        expect(await store.replace({ ...dispute, stage: 'withdrawn' }, 1)).toBe(false);
        expect(await store.get(dispute.id)).toEqual({
          dispute: { ...dispute, remindersEnabled: false },
          version: 2,
        });
        expect(await store.replace({ ...dispute, id: 'FPD-0000000000' }, 1)).toBe(false);
        expect(await store.get('FPD-0000000000')).toBeUndefined();
      });

      it('binds an idempotency key to the first id only', async () => {
        const { store } = underTest;
        expect(await store.claimIdempotencyKey(ALICE, 'k', 'FPD-AAAAAAAAAA')).toBe('FPD-AAAAAAAAAA');
        expect(await store.claimIdempotencyKey(ALICE, 'k', 'FPD-BBBBBBBBBB')).toBe('FPD-AAAAAAAAAA');
        expect(await store.claimIdempotencyKey(BOB, 'k', 'FPD-CCCCCCCCCC')).toBe('FPD-CCCCCCCCCC');
      });
    });
  });
}
