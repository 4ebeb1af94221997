import { RunningApp, startTestApp } from '../support/testApp';

describe('with MicrosoftAppId set', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret',
    });
  });

  afterAll(async () => {
    await running.stop();
  });

  const activity = JSON.stringify({
    type: 'message',
    text: 'hi',
    channelId: 'webchat',
    serviceUrl: 'https://example.invalid/',
    conversation: { id: 'c' },
    from: { id: 'u' },
    recipient: { id: 'bot' },
  });

  it.each([
    ['no Authorization header', undefined],
    ['a forged bearer token', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIwMDAwIn0.c2lnbmF0dXJl'],
    ['a malformed header', 'Basic dXNlcjpwYXNz'],
  ])('answers 401 to a request with %s', async (_case, authorization) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization) headers.authorization = authorization;
    const response = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers,
      body: activity,
    });
    expect(response.status).toBe(401);
  });
});
