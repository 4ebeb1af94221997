import { disputeIdSchema, generateDisputeId, parseDisputeId } from '../../src/services/disputes';

describe('dispute ids', () => {
  it('look like FPD- and 10 Crockford base32 characters', () => {
    const id = generateDisputeId();
    expect(id).toMatch(/^FPD-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(disputeIdSchema.safeParse(id).success).toBe(true);
  });

  it('do not repeat and use the whole alphabet (so they are not guessable from each other)', () => {
    const ids = Array.from({ length: 10_000 }, generateDisputeId);
    expect(new Set(ids).size).toBe(ids.length);
    const characters = new Set(ids.flatMap((id) => [...id.slice(4)]));
    expect(characters.size).toBe(32);
  });

  it.each([
    ['fpd-7kq2m9xh4c', 'FPD-7KQ2M9XH4C'],
    ['FPD 7KQ2-M9XH-4C', 'FPD-7KQ2M9XH4C'],
    ['FPD-7KQ2M9XH4O', 'FPD-7KQ2M9XH40'],
    ['FPD-IKQ2M9XH4L', 'FPD-1KQ2M9XH41'],
  ])('reads the typed id %p as %p', (typed, expected) => {
    expect(parseDisputeId(typed)).toBe(expected);
  });

  it.each(['FPD-7KQ2M9XH4', 'FPD-7KQ2M9XH4CC', 'XYZ-7KQ2M9XH4C', 'FPD-7KQ2M9XH4U', 'hello'])(
    'rejects %p',
    (typed) => {
      expect(parseDisputeId(typed)).toBeUndefined();
    },
  );
});
