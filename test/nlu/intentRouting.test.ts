import { IntentRecognizer } from '../../src/services/nlu/IntentRecognizer';
import { IntentName } from '../../src/services/nlu/intents';

// One everyday phrasing per intent (not copied from the training or held-out file): what the dialogs route on.
const SPOT_CHECKS: ReadonlyArray<[string, IntentName]> = [
  ['would fixed-price protection cover me here', 'eligibility'],
  ['my client ended the contract and requested a refund', 'file_ended'],
  ['client accepted the delivery weeks ago but the milestone is still in escrow', 'file_active'],
  ['where can i check how my dispute is going', 'my_disputes'],
  ['how does mediation go', 'guide_mediation'],
  ['what if the mediation ends without a deal', 'guide_recommendation'],
  ['can the client reject the recommendation', 'guide_arbitration'],
  ['would i have to chip in for the arbitration', 'guide_fees'],
  ['my client is not answering the mediator', 'guide_unresponsive'],
  ['how many days do i have to respond to the refund request', 'guide_deadline'],
  ['what are the steps after i file a dispute', 'guide_stages'],
  ['i want to talk to a real person', 'talk_to_person'],
  ['what can you help with', 'help'],
  ['never mind, stop', 'cancel'],
  ['start over from the beginning', 'start_over'],
  ['hello there bot', 'greeting'],
  ['thanks a lot for that', 'thanks'],
  ['ok bye for now', 'goodbye'],
  ['my hourly timesheet was rejected', 'out_of_scope'],
  ['tell me a joke about cats', 'out_of_scope'],
];

describe('IntentRecognizer', () => {
  let recognizer: IntentRecognizer;

  beforeAll(async () => {
    recognizer = await IntentRecognizer.train();
  });

  it.each(SPOT_CHECKS)('"%s" -> %s', async (text, expected) => {
    const result = await recognizer.recognize(text);
    expect(result.intent).toBe(expected);
    expect(result.ranked[0]?.intent).toBe(expected);
  });

  it.each(['asdf qwer', 'zxcv', '???'])('gibberish "%s" is not routed to a dispute flow', async (text) => {
    const { intent } = await recognizer.recognize(text);
    expect(['none', 'out_of_scope']).toContain(intent);
  });

  it.each(['', '   '])('empty text %j gives none with nothing ranked', async (text) => {
    expect(await recognizer.recognize(text)).toEqual({ intent: 'none', score: 0, ranked: [] });
  });

  it('ranks at most three intents, best first, with the top one being the answer', async () => {
    const result = await recognizer.recognize('am i covered if my client cancels');
    expect(result.ranked.length).toBeGreaterThan(0);
    expect(result.ranked.length).toBeLessThanOrEqual(3);
    const scores = result.ranked.map(({ score }) => score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(result.ranked[0].intent).toBe(result.intent);
    expect(result.score).toBeCloseTo(result.ranked[0].score, 5);
  });

  it('ignores surrounding whitespace and letter case', async () => {
    // A training sentence, shouted and padded: normalisation must still find it.
    const result = await recognizer.recognize('   WHO PAYS FOR ARBITRATION  ');
    expect(result.intent).toBe('guide_fees');
  });

  it('trains from a corpus passed in, not only the shipped one', async () => {
    const tiny = await IntentRecognizer.train({
      locale: 'en',
      data: [
        { intent: 'greeting', utterances: ['hello', 'hi there', 'good morning'] },
        { intent: 'goodbye', utterances: ['bye', 'see you later', 'good night'] },
      ],
    });
    expect((await tiny.recognize('hi')).intent).toBe('greeting');
    expect((await tiny.recognize('see you')).intent).toBe('goodbye');
    // An intent the tiny corpus never saw cannot come back.
    expect((await tiny.recognize('who pays for arbitration')).intent).toBe('none');
  });
});
