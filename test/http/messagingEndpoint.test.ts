import { BotConversation, textOf } from '../support/botConversation';
import { RunningApp, startTestApp } from '../support/testApp';

let running: RunningApp;

beforeAll(async () => {
  running = await startTestApp();
});

afterAll(async () => {
  await running.stop();
});

async function post(
  body: string,
  contentType = 'application/json',
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${running.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: response.status, body: await response.text() };
}

describe('POST /api/messages', () => {
  it('answers a message in the response body with deliveryMode expectReplies', async () => {
    const replies = await new BotConversation(running.baseUrl).send('hello');
    expect(replies.length).toBeGreaterThan(0);
    expect(textOf(replies)).toMatch(/dispute/i);
  });

  it('greets a user who joins the conversation', async () => {
    const replies = await new BotConversation(running.baseUrl).start();
    expect(textOf(replies)).toMatch(/Fixed-Price Protection/);
  });

  it('accepts an unknown activity type and ignores it', async () => {
    const replies = await new BotConversation(running.baseUrl).post({ type: 'somethingNew' });
    expect(replies).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', '{"type": "message",', /Invalid JSON/i],
    ['a JSON array', '[1,2]', /JSON object/],
    [
      'an activity without type',
      JSON.stringify({ channelId: 'x', conversation: { id: 'c' }, from: { id: 'u' } }),
      /type is missing/,
    ],
    [
      'an activity without conversation',
      JSON.stringify({ type: 'message', channelId: 'x', from: { id: 'u' }, deliveryMode: 'expectReplies' }),
      /conversation is missing/,
    ],
    [
      'a conversation id of the wrong type',
      JSON.stringify({ type: 'message', channelId: 'x', conversation: { id: 5 }, from: { id: 'u' } }),
      /conversation\.id must be a string/,
    ],
    [
      'an activity with nowhere to send replies',
      JSON.stringify({ type: 'message', channelId: 'x', conversation: { id: 'c' }, from: { id: 'u' } }),
      /serviceUrl/,
    ],
  ])('rejects %s with 400 and a reason', async (_case, body, reason) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatch(reason);
  });

  it.each([
    ['plain text', 'text/plain', 'hello bot'],
    ['a form (what any web page can post across sites)', 'application/x-www-form-urlencoded', 'type=message'],
    ['multipart', 'multipart/form-data; boundary=x', '--x\r\n\r\nhello\r\n--x--'],
  ])('refuses a body sent as %s with 415', async (_case, contentType, body) => {
    const response = await post(body, contentType);
    expect(response.status).toBe(415);
    expect(response.body).toMatch(/application\/json/);
  });

  it('rejects a body over 256 KB with 413', async () => {
    const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });
    const response = await post(huge);
    expect(response.status).toBe(413);
  });
});

describe('probes', () => {
  it('GET /healthz answers 200', async () => {
    const response = await fetch(`${running.baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });

  it('GET /readyz answers 200 on the embedded store', async () => {
    const response = await fetch(`${running.baseUrl}/readyz`);
    expect(response.status).toBe(200);
  });
});
