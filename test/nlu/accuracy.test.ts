import { IntentRecognizer } from '../../src/services/nlu/IntentRecognizer';
import { evaluateAccuracy, labeledUtterancesOf } from '../../src/services/nlu/accuracy';

describe('evaluateAccuracy', () => {
  let recognizer: IntentRecognizer;

  beforeAll(async () => {
    recognizer = await IntentRecognizer.train();
  });

  it('counts exact matches and lists each miss with what the model said', async () => {
    const report = await evaluateAccuracy(recognizer, [
      { text: 'thank you so much', expected: 'thanks' },
      { text: 'talk to a human', expected: 'talk_to_person' },
      { text: 'thanks a lot', expected: 'goodbye' },
      { text: 'asdf qwer', expected: 'out_of_scope' },
    ]);
    expect(report).toEqual({
      accuracy: 0.5,
      total: 4,
      correct: 2,
      confusions: [
        { text: 'thanks a lot', expected: 'goodbye', got: 'thanks' },
        { text: 'asdf qwer', expected: 'out_of_scope', got: 'none' },
      ],
    });
  });

  it('reports zero accuracy rather than NaN for no examples', async () => {
    expect(await evaluateAccuracy(recognizer, [])).toEqual({
      accuracy: 0,
      total: 0,
      correct: 0,
      confusions: [],
    });
  });

  it('flattens a corpus into labeled examples', () => {
    const examples = labeledUtterancesOf({
      locale: 'en',
      data: [
        { intent: 'cancel', utterances: ['stop', 'quit'] },
        { intent: 'help', utterances: ['help'] },
      ],
    });
    expect(examples).toEqual([
      { text: 'stop', expected: 'cancel' },
      { text: 'quit', expected: 'cancel' },
      { text: 'help', expected: 'help' },
    ]);
  });
});
