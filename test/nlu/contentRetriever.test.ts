import { PolicyContent } from '../../src/services/content/PolicyContent';
import { ContentRetriever } from '../../src/services/nlu/ContentRetriever';

describe('retrieval over the policy content', () => {
  const retriever = new ContentRetriever(PolicyContent.load());

  it.each([
    ['list the steps for me', 'P4'],
    ["I can't locate the refund request", 'P5'],
    ['which situations does the protection apply to', 'P1'],
    ['is it better to message my client before filing?', 'P2'],
    ['who pays the arbitration fee', 'P13'],
  ])('"%s" finds the fact that answers it (%s)', (question, fact) => {
    expect(retriever.best(question)?.facts).toContain(fact);
  });

  it('finds nothing for words the content does not hold', () => {
    expect(retriever.best('weather paris tomorrow')).toBeUndefined();
  });
});
