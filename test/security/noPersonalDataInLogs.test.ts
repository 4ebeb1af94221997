import Redis from 'ioredis';
import { BotConversation } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { RECORD_IT } from '../faults/support/filingFlow';

/**
 * The logs of a real run, at the most verbose level, through a filing, a failed save, a refused
 * request and a rate-limited user: none of what the user typed appears in them — not the text,
 * not the e-mail address, not the phone number.
 */

const MARKER = 'zebra-quasar-1187';
const EMAIL = 'maria.lopez+disputes@example.com';
const PHONE = '+1 415-555-0132';
const PHONE_DIGITS = '4155550132';

let redisServer: PrivateRedis;
let bot: BotProcess;

beforeAll(async () => {
  redisServer = await PrivateRedis.start();
  bot = await BotProcess.start({
    REDIS_URL: redisServer.url,
    LOG_LEVEL: 'trace',
    RATE_LIMIT_POINTS: '12',
    RATE_LIMIT_DURATION_SECONDS: '60',
  });
}, 30000);

afterAll(async () => {
  await bot?.stop();
  await redisServer?.destroy();
});

describe('the logs of a real run', () => {
  it('hold no user text, e-mail address or phone number', async () => {
    const user = new BotConversation(bot.baseUrl, { channelId: 'webchat' });
    const typed = [
      `my client ended the job and requested the escrow back, reach me at ${EMAIL} ${MARKER}`,
      'yesterday',
      'write my claim',
      `A logo for ${MARKER}, call me on ${PHONE}`,
      `Final files, mailed to ${EMAIL}`,
      '$500',
      `https://drive.example/${MARKER}.zip`,
      `She wrote from ${EMAIL} and ${PHONE}: refund please`,
    ];
    for (const text of typed) await user.send(text);

    // A save that fails (Redis refuses the write scripts) logs the error: still no user text.
    const admin = new Redis(redisServer.url);
    await admin.call('ACL', 'SETUSER', 'default', '-evalsha', '-eval');
    await user.send(`${RECORD_IT} ${MARKER}`);
    await admin.call('ACL', 'SETUSER', 'default', '+@all');
    admin.disconnect();
    await user.send(RECORD_IT);

    // A body that is not an activity, with personal data in it.
    await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: `${MARKER} ${EMAIL} ${PHONE}` }),
    });
    // Over the rate limit, with personal data in the refused messages.
    for (let extra = 0; extra < 5; extra += 1) await user.send(`${MARKER} ${EMAIL} ${PHONE}`);

    await new Promise((resolve) => setTimeout(resolve, 200));
    const logs = bot.output;
    expect(logs).toMatch(/"event":"turn"/);
    expect(logs).toMatch(/"event":"turn_error"/);
    expect(logs).toMatch(/"event":"rate_limited"/);
    expect(logs).not.toContain(MARKER);
    expect(logs).not.toContain(EMAIL);
    expect(logs).not.toContain('maria.lopez');
    expect(logs).not.toContain(PHONE);
    expect(logs.replace(/\D/g, '')).not.toContain(PHONE_DIGITS);
    expect(logs).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});
