import { INTENT_NAMES } from '../../src/services/nlu/intents';
import { defaultTrainingCorpus, parseTrainingCorpus } from '../../src/services/nlu/trainingCorpus';

describe('training corpus', () => {
  it('has at least 25 distinct utterances for every intent', () => {
    const corpus = defaultTrainingCorpus();
    for (const intent of INTENT_NAMES) {
      const distinct = new Set(
        corpus.data.filter((group) => group.intent === intent).flatMap((group) => group.utterances),
      );
      expect({ intent, enough: distinct.size >= 25 }).toEqual({ intent, enough: true });
    }
  });

  it('rejects an intent the bot does not know, so a typo in the data fails at start-up', () => {
    expect(() =>
      parseTrainingCorpus({
        locale: 'en',
        data: [{ intent: 'file_endded', utterances: ['client ended it'] }],
      }),
    ).toThrow();
  });

  it('rejects empty utterances', () => {
    expect(() =>
      parseTrainingCorpus({ locale: 'en', data: [{ intent: 'help', utterances: ['  '] }] }),
    ).toThrow();
  });
});
