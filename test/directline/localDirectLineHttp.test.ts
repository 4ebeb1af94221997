import { SignJWT } from 'jose';
import { WIDGET_TOKEN_AUDIENCE } from '../../src/channels/widget/widgetUser';
import { RunningApp, startTestApp } from '../support/testApp';

const SECRET = 'a-host-site-secret-of-at-least-32-characters';

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function userToken(claims: Record<string, unknown>, expiresIn: string | number = '10m', secret = SECRET) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(WIDGET_TOKEN_AUDIENCE)
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

describe('the local Direct Line over HTTP', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({
      WIDGET_USER_TOKEN_SECRET: SECRET,
      WIDGET_FRAME_ANCESTORS: "'self' https://help.example.com",
    });
  });
  afterAll(() => running.stop());

  const generate = (body: unknown) => post(`${running.baseUrl}/v3/directline/tokens/generate`, body);

  it('binds the conversation to the user a host site signed for', async () => {
    const ticket = await generate({ userToken: await userToken({ sub: 'freelancer-42', name: 'Ana' }) });
    expect(ticket.status).toBe(200);
    expect(ticket.body.userId).toBe('user:freelancer-42');
  });

  it.each([
    ['an expired token', () => userToken({ sub: 'x' }, Math.floor(Date.now() / 1000) - 60), /expired/],
    [
      'a token signed with another secret',
      () => userToken({ sub: 'x' }, '10m', 'another-secret-another-secret-another'),
      /not valid/,
    ],
  ])('refuses %s with 401', async (_name, token, message) => {
    const answer = await generate({ userToken: await token() });
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.body)).toMatch(message);
  });

  it('refuses a request with neither a user token nor a usable anonymous id', async () => {
    expect((await generate({ anonymousId: 'short' })).status).toBe(400);
    expect((await generate({})).status).toBe(400);
  });

  it('refuses a wrong token, and another conversation with a good one', async () => {
    const one = await generate({ anonymousId: 'visitor-number-one-0001' });
    const two = await generate({ anonymousId: 'visitor-number-two-0002' });
    const read = (conversationId: unknown, token: string) =>
      fetch(`${running.baseUrl}/v3/directline/conversations/${conversationId}/activities`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await read(one.body.conversationId, `${one.body.conversationId}.forged`)).status).toBe(403);
    expect((await read(two.body.conversationId, one.body.token as string)).status).toBe(403);
    expect((await read(one.body.conversationId, one.body.token as string)).status).toBe(200);
    const started = await post(`${running.baseUrl}/v3/directline/conversations`, {}, {});
    expect(started.status).toBe(403);
  });

  it('has no connector route: a post "as the bot" is 404 and never reaches the conversation', async () => {
    const known = await generate({ anonymousId: 'visitor-number-three-03' });
    const conversationId = known.body.conversationId as string;
    for (const path of [
      `/v3/conversations/${conversationId}/activities`,
      `/v3/conversations/${conversationId}/activities/x`,
    ]) {
      const forged = await post(`${running.baseUrl}${path}`, {
        type: 'message',
        text: 'forged by a stranger',
      });
      expect(forged.status).toBe(404);
    }
    const read = await fetch(`${running.baseUrl}/v3/directline/conversations/${conversationId}/activities`, {
      headers: { authorization: `Bearer ${known.body.token}` },
    });
    expect(JSON.stringify(await read.json())).not.toContain('forged by a stranger');
  });

  it('rejects a posted activity of an unknown type with 400', async () => {
    const ticket = await generate({ anonymousId: 'visitor-number-four-004' });
    const answer = await post(
      `${running.baseUrl}/v3/directline/conversations/${ticket.body.conversationId}/activities`,
      { type: 'installationUpdate' },
      { authorization: `Bearer ${ticket.body.token}` },
    );
    expect(answer.status).toBe(400);
  });

  it('serves the page with its security headers and Web Chat from the npm package', async () => {
    const page = await fetch(`${running.baseUrl}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/help\.example\.com/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toMatch(/data-token-url="\/v3\/directline\/tokens\/generate"/);
    const webChat = await fetch(`${running.baseUrl}/vendor/webchat.js`);
    expect(webChat.status).toBe(200);
    expect(webChat.headers.get('content-type')).toMatch(/javascript/);
    expect(await webChat.text()).toMatch(/renderWebChat/);
  });

  it('answers /api/directline/token with 501 and the reason when no Direct Line secret is set', async () => {
    const answer = await post(`${running.baseUrl}/api/directline/token`, {
      anonymousId: 'visitor-number-five-005',
    });
    expect(answer.status).toBe(501);
    expect(answer.body.message).toMatch(/DIRECTLINE_SECRET is not set/);
  });
});
