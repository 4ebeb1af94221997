import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { postRaw, residentMb } from './support/attack';

/**
 * A gzip bomb: ~200 KB on the wire that inflates to 200 MB of JSON. It used to pass the body limit
 * (which counted compressed bytes) and be inflated in memory before authentication. Now every route
 * refuses a compressed body with 415 before reading it, and the server's memory barely moves.
 */

const INFLATED_MB = 200;

async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  gzip.write('{"type":"message","channelId":"webchat","conversation":{"id":"c"},"from":{"id":"u"},"text":"');
  const megabyte = Buffer.alloc(1024 * 1024, 'a');
  for (let written = 0; written < INFLATED_MB; written += 1) {
    if (!gzip.write(megabyte)) await once(gzip, 'drain');
  }
  gzip.end('"}');
  await once(gzip, 'end');
  return Buffer.concat(chunks);
}

let redis: PrivateRedis;
let localMode: BotProcess;
let withAppId: BotProcess;
let bomb: Buffer;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  bomb = await gzipBomb();
  [localMode, withAppId] = await Promise.all([
    BotProcess.start({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'bomb1' }),
    BotProcess.start({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'bomb2',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-password',
    }),
  ]);
}, 60000);

afterAll(async () => {
  await Promise.all([localMode?.stop(), withAppId?.stop()]);
  await redis?.destroy();
});

const GZIP_JSON = { 'content-type': 'application/json', 'content-encoding': 'gzip' };

describe('a gzip bomb', () => {
  it('is small on the wire and huge inflated', () => {
    expect(bomb.length).toBeLessThan(300 * 1024);
  });

  it.each([
    ['/api/messages with an app id (before authentication)', () => withAppId, '/api/messages'],
    ['/api/messages in local mode', () => localMode, '/api/messages'],
    ['Direct Line token generation', () => localMode, '/v3/directline/tokens/generate'],
    ['a Direct Line post', () => localMode, '/v3/directline/conversations/abc/activities'],
    ['an unknown route', () => localMode, '/nowhere'],
  ])('is refused with 415 on %s, six at once, and memory stays put', async (_route, bot, path) => {
    const server = bot();
    const before = residentMb(server.pid);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => postRaw(`${server.baseUrl}${path}`, GZIP_JSON, bomb)),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(415);
      expect(JSON.parse(answer.body)).toEqual({
        error: 'unsupported_content_encoding',
        message: 'Send the request body uncompressed (no Content-Encoding).',
      });
    }
    expect(residentMb(server.pid) - before).toBeLessThan(50);
    // Still serving.
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it('refuses any other encoding too, and still accepts identity', async () => {
    const deflate = await postRaw(
      `${localMode.baseUrl}/api/messages`,
      { 'content-type': 'application/json', 'content-encoding': 'deflate, br' },
      '{}',
    );
    expect(deflate.status).toBe(415);
    const identity = await postRaw(
      `${localMode.baseUrl}/api/messages`,
      { 'content-type': 'application/json', 'content-encoding': 'identity' },
      '{}',
    );
    expect(identity.status).toBe(400);
  });
});
