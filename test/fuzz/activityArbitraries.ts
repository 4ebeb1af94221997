import fc from 'fast-check';

/** Text a user might type, and text nobody would: empty, huge, control characters, scripts, RTL, emoji. */
export const userText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    '',
    ' ',
    'am I covered?',
    'next',
    'back',
    'cancel',
    'start over',
    'talk to a person',
    'yesterday',
    '3 days ago',
    'Feb 30',
    '31/31/2031',
    '$-5',
    '€1e309',
    'FPD-0000000000',
    'fpd 7kq2-m9xh-4c',
    '<script>alert(1)</script>',
    '{"__proto__":{"polluted":true}}',
    '\u202e\u0000\u0007\ud800',
    '🙂'.repeat(500),
    'a'.repeat(20000),
    'Looks good, record it',
    'Change: Evidence',
  ),
);

const channelIds = fc.oneof(
  fc.constantFrom('webchat', 'msteams', 'slack', 'emulator', 'directline'),
  fc.string({ minLength: 1, maxLength: 20 }),
);

const activityTypes = fc.oneof(
  fc.constantFrom(
    'message',
    'message',
    'message',
    'conversationUpdate',
    'event',
    'invoke',
    'typing',
    'messageReaction',
    'endOfConversation',
    'installationUpdate',
    'handoff',
  ),
  fc.string({ minLength: 1, maxLength: 30 }),
);

const account = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 60 }),
    name: fc.string({ maxLength: 40 }),
    aadObjectId: fc.uuid(),
    role: fc.constantFrom('user', 'bot', 'skill'),
  },
  { requiredKeys: ['id'] },
);

/**
 * Activities as channels send them and as a careless or hostile client might: every field the
 * bot reads can be missing, of an odd shape, or absurd. Conversation ids come from a small pool
 * so that several cases share a conversation and its state.
 */
export const fuzzedActivity: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      id: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
      type: activityTypes,
      channelId: channelIds,
      conversation: fc.record({ id: fc.constantFrom('fuzz-a', 'fuzz-b', 'fuzz-c', 'fuzz-d') }),
      from: account,
      recipient: account,
      text: userText,
      value: fc.jsonValue({ maxDepth: 3 }),
      attachments: fc.array(fc.record({ contentType: fc.string(), content: fc.jsonValue({ maxDepth: 2 }) }), {
        maxLength: 3,
      }),
      entities: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
      channelData: fc.jsonValue({ maxDepth: 3 }),
      membersAdded: fc.array(account, { maxLength: 3 }),
      membersRemoved: fc.array(account, { maxLength: 2 }),
      name: fc.oneof(fc.constantFrom('handoff.status', 'webchat/join', 'startConversation'), fc.string()),
      localTimezone: fc.oneof(
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Mars/Olympus', ''),
        fc.string(),
      ),
      locale: fc.oneof(fc.constantFrom('en-US', 'de-DE', 'xx'), fc.string()),
      timestamp: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.string(),
        fc.integer(),
      ),
      localTimestamp: fc.string(),
      replyToId: fc.string(),
      textFormat: fc.constantFrom('plain', 'markdown', 'xml', 'nonsense'),
    },
    { requiredKeys: ['type', 'channelId', 'conversation', 'from'] },
  )
  .map((activity) => ({ ...activity, deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:1' }));
