import fc from 'fast-check';
import { DialogHarness } from '../support/dialogHarness';
import { recordFigure } from '../faults/support/figures';
import { userText } from './activityArbitraries';

/**
 * Property-based fuzzing of the dialogs themselves (MainDialog and every flow under it, through
 * DialogTestClient): any sequence of texts and card values gets an answer to every message, and
 * nothing throws, whatever step the conversation is in.
 */

const SEQUENCES = 250;
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);

// Known phrases steer the random walk deep into the flows; random text then hits every prompt.
const steering = fc.constantFrom(
  'my client ended the job and requested the escrow back',
  'yesterday',
  'write my claim',
  '$500',
  'none',
  'next',
  'show all',
  'Looks good, record it',
  'Change: Amount',
  'am I covered?',
  'fixed price',
  'it ended',
  'help',
  'cancel',
  'what is mediation?',
);

const cardValue = fc.option(fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })), {
  nil: undefined,
});

describe('fuzzing the dialogs', () => {
  it(`answers every message of ${SEQUENCES} random conversations and never throws`, async () => {
    let turns = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(steering, userText), cardValue), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('webchat', 'msteams', 'slack', 'emulator'),
        async (messages, channel) => {
          const harness = await DialogHarness.create(channel);
          for (const [text, value] of messages) {
            const replies = await harness.say(text, value);
            turns += 1;
            expect(replies.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: SEQUENCES, seed: SEED },
    );
    expect(turns).toBeGreaterThan(SEQUENCES);
    recordFigure('dialog fuzz: turns', turns);
  }, 240000);
});
