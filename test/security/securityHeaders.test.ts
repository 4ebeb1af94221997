import { RunningApp, startTestApp } from '../support/testApp';

/**
 * Every response carries the baseline security headers; the widget page carries its own policy
 * (scripts only from this origin, framing only by the configured ancestors) and still no sniffing.
 */

let running: RunningApp;

beforeAll(async () => {
  running = await startTestApp();
});

afterAll(async () => {
  await running.stop();
});

const BASELINE = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
};

describe('security headers', () => {
  it.each([
    ['GET /healthz', '/healthz', undefined],
    ['GET /readyz', '/readyz', undefined],
    ['GET of an unknown route', '/no-such-page', undefined],
    ['POST /api/messages (400)', '/api/messages', '{"nope":1}'],
    [
      'POST /api/messages (200)',
      '/api/messages',
      JSON.stringify({
        type: 'message',
        text: 'hi',
        channelId: 'webchat',
        deliveryMode: 'expectReplies',
        conversation: { id: 'headers' },
        from: { id: 'u' },
      }),
    ],
  ])('are on %s', async (_case, route, body) => {
    const response = await fetch(`${running.baseUrl}${route}`, {
      method: body ? 'POST' : 'GET',
      headers: body ? { 'content-type': 'application/json' } : {},
      body,
    });
    for (const [name, value] of Object.entries(BASELINE)) expect(response.headers.get(name)).toBe(value);
  });

  it('the widget page sets its own policy and keeps nosniff and no-referrer', async () => {
    const response = await fetch(`${running.baseUrl}/`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/frame-ancestors 'self'/);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('the agent console sets its own policy: never framed, no inline script, nosniff, no referrer', async () => {
    const response = await fetch(`${running.baseUrl}/agent`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
