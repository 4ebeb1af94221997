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

  it.each([
    ['who runs the arbitrashun', 'arbitration'],
    ['the request is not in my notificashuns', 'find_refund_request'],
  ])('"%s": a "-tion" word spelled as it sounds finds %s as the word spelled right', (question, id) => {
    const misspelled = retriever.best(question);
    expect(misspelled?.id).toBe(id);
    const spelled = retriever.best(
      question.replace('arbitrashun', 'arbitration').replace('notificashuns', 'notifications'),
    );
    expect(misspelled?.score).toBeCloseTo(spelled?.score ?? 0);
  });

  it('gives a topic by id with the strength of the match it stands in for', () => {
    expect(retriever.topic('mediation', { score: 12, matchedTerms: 3 })).toEqual({
      id: 'mediation',
      facts: ['P9', 'P11'],
      score: 12,
      matchedTerms: 3,
    });
    expect(retriever.topic('no_such_topic', { score: 1, matchedTerms: 1 })).toBeUndefined();
  });

  it('finds nothing for words the content does not hold', () => {
    expect(retriever.best('weather paris tomorrow')).toBeUndefined();
  });
});
