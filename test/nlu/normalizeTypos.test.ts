import { normalizeTypos } from '../../src/services/nlu/normalizeTypos';

describe('common misspellings put right before any reader runs', () => {
  it.each([
    ['refnd reqest came yestrday', 'refund request came yesterday'],
    ['the requst came 3 dys ago', 'the request came 3 days ago'],
    ['Ongoin contrct, delivred work', 'ongoing contract, delivered work'],
    ['wat hapen if i do nothin', 'what happen if i do nothing'],
  ])('"%s" reads as "%s"', (typed, read) => {
    expect(normalizeTypos(typed).toLowerCase()).toBe(read);
  });

  it.each(['contact support about my contract', 'the days are long', 'what happened yesterday'])(
    '"%s", spelled right, is left as it is',
    (text) => {
      expect(normalizeTypos(text)).toBe(text);
    },
  );
});
