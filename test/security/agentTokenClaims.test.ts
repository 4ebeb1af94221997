import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import {
  AGENT_TOKEN_AUDIENCE,
  AGENT_TOKEN_ISSUER,
  signAgentToken,
} from '../../src/server/support/agentToken';
import { AGENT_SECRET, AgentApi } from '../agent/support/agentApi';
import { BotProcess } from '../support/botProcess';
import { freePort } from '../support/privateRedis';

/**
 * Agent tokens name who issued them and for what (iss, aud), and live 12 hours at most; a token
 * missing any of that, or minted for longer, is refused. And a forged channel token that cannot be
 * checked (the signing keys unreachable) is a 401 with the project's short message, not a 500
 * carrying botbuilder's internal text. Against real server processes.
 */

let agentApiBot: BotProcess;
let channelBot: BotProcess;

beforeAll(async () => {
  // Nothing listens there: the key endpoint is unreachable, and no request ever leaves the machine.
  const closedPort = await freePort();
  [agentApiBot, channelBot] = await Promise.all([
    BotProcess.start({ AGENT_JWT_SECRET: AGENT_SECRET }),
    BotProcess.start({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-password',
      ToBotFromChannelOpenIdMetadataUrl: `http://127.0.0.1:${closedPort}/v1/.well-known/openidconfiguration`,
    }),
  ]);
}, 60000);

afterAll(async () => {
  await Promise.all([agentApiBot?.stop(), channelBot?.stop()]);
});

const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);

function token(claims: { iss?: string; aud?: string; iat?: number; exp?: number }): Promise<string> {
  return new SignJWT({ role: 'agent', sub: 'alice', ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(AGENT_SECRET));
}

const valid = () => ({ iss: AGENT_TOKEN_ISSUER, aud: AGENT_TOKEN_AUDIENCE, iat: now(), exp: now() + HOUR });

async function queueStatus(bearer: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new AgentApi(agentApiBot.baseUrl, bearer).get('/api/agent/queue');
}

describe('agent token claims', () => {
  it('a token as issueAgentToken signs it is let in', async () => {
    const signed = await signAgentToken(AGENT_SECRET, { sub: 'alice', role: 'agent', ttlSeconds: 8 * HOUR });
    expect((await queueStatus(signed)).status).toBe(200);
    expect((await queueStatus(await token(valid()))).status).toBe(200);
  });

  it.each([
    ['without an issuer', { iss: undefined }],
    ['from another issuer', { iss: 'someone-else' }],
    ['without an audience', { aud: undefined }],
    ['for another audience', { aud: 'another-service' }],
    ['without an issue time', { iat: undefined }],
    ['living 13 hours', { exp: now() + 13 * HOUR }],
    ['expiring more than 12 hours from now', { iat: now() + 2 * HOUR, exp: now() + 13 * HOUR }],
    ['issued 14 hours ago and still valid for one', { iat: now() - 14 * HOUR, exp: now() + HOUR }],
  ])('a token %s gets 401', async (_case, change) => {
    const answer = await queueStatus(await token({ ...valid(), ...change }));
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'unauthorized' });
  });

  it('issueAgentToken refuses to mint a token for more than 12 hours', async () => {
    const script = path.resolve(__dirname, '../../dist/src/server/support/issueAgentToken.js');
    const env = { PATH: process.env.PATH ?? '', AGENT_JWT_SECRET: AGENT_SECRET };
    const run = promisify(execFile);
    const minted = await run(
      process.execPath,
      [script, '--role', 'agent', '--sub', 'alice', '--hours', '12'],
      {
        env,
      },
    );
    expect((await queueStatus(minted.stdout.trim())).status).toBe(200);
    await expect(
      run(process.execPath, [script, '--role', 'agent', '--sub', 'alice', '--hours', '13'], { env }),
    ).rejects.toMatchObject({ code: 2 });
  });
});

describe('a forged RS256 channel token while the signing keys are unreachable', () => {
  it("gets 401 with the project's short message, nothing of botbuilder's", async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const forged = [
      encode({ alg: 'RS256', typ: 'JWT', kid: 'made-up' }),
      encode({
        iss: 'https://api.botframework.com',
        aud: '00000000-0000-0000-0000-000000000001',
        exp: now() + HOUR,
      }),
      Buffer.from('not a signature').toString('base64url'),
    ].join('.');
    const response = await fetch(`${channelBot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({
        type: 'message',
        text: 'hi',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/teams/',
        conversation: { id: 'c' },
        from: { id: 'u' },
        recipient: { id: 'bot' },
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'unauthorized',
      message: 'The request could not be authenticated.',
    });
  });
});
