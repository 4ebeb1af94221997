import fc from 'fast-check';
import { MAX_ID_CHARS, MAX_PAYLOAD_JSON_BYTES } from '../../src/config/inputLimits';
import { incomingActivitySchema, plainlyValid } from '../../src/server/activitySchema';

// The fast path may only accept what the schema accepts; everything else goes to the schema.
const anyField = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constant('x'),
  fc.constant('https://example.test/'),
  fc.constant('expectReplies'),
  fc.constant('x'.repeat(MAX_ID_CHARS)),
  fc.constant('x'.repeat(MAX_ID_CHARS + 1)),
  fc.integer(),
  fc.constant([]),
  fc.constant({ text: 'x'.repeat(MAX_PAYLOAD_JSON_BYTES) }),
  fc.constant({ id: 'user-1' }),
  fc.constant({ id: '' }),
  fc.constant({ id: 'x'.repeat(MAX_ID_CHARS + 1) }),
  fc.constant({ id: 7 }),
  fc.constant([{ id: 'user-1' }]),
);
const fields = [
  'type',
  'channelId',
  'conversation',
  'from',
  'recipient',
  'serviceUrl',
  'text',
  'deliveryMode',
  'id',
  'replyToId',
  'value',
  'channelData',
] as const;
const activity = fc.record(Object.fromEntries(fields.map((name) => [name, anyField])), {
  requiredKeys: [],
});

describe('the activity check without zod', () => {
  it('accepts only activities the schema accepts', () => {
    fc.assert(
      fc.property(activity, (body) => {
        if (plainlyValid(body)) expect(incomingActivitySchema.safeParse(body).success).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts the activities clients send', () => {
    const base = {
      type: 'message',
      channelId: 'webchat',
      conversation: { id: 'c-1' },
      from: { id: 'u-1' },
      recipient: { id: 'bot' },
      text: 'hello',
    };
    expect(plainlyValid({ ...base, deliveryMode: 'expectReplies' })).toBe(true);
    expect(plainlyValid({ ...base, serviceUrl: 'https://smba.trafficmanager.net/teams/' })).toBe(true);
    const withPayloads = { ...base, value: { action: 'file' }, channelData: { clientActivityID: 'a' } };
    expect(plainlyValid({ ...withPayloads, deliveryMode: 'expectReplies' })).toBe(true);
    // No serviceUrl to answer to and no expectReplies: the schema has to say why.
    expect(plainlyValid(withPayloads)).toBe(false);
  });
});
