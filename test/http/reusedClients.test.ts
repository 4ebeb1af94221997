import { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { ReusedClientsAuthentication } from '../../src/bot/ReusedClientsAuthentication';

/** No app id: any caller is accepted, as in local development and the bench. */
const adapter = new CloudAdapter(new ReusedClientsAuthentication({ MicrosoftAppId: '' }));

function message(conversation: string, serviceUrl: string): Activity {
  return {
    type: 'message',
    channelId: 'webchat',
    serviceUrl,
    deliveryMode: 'expectReplies',
    conversation: { id: conversation },
    from: { id: `user-${conversation}` },
    recipient: { id: 'bot' },
    text: 'hello',
  } as Activity;
}

/** The connector and user-token clients one turn got, and what it replied. */
async function turnClients(conversation: string, serviceUrl: string) {
  let clients: { connector: unknown; userToken: unknown } | undefined;
  await adapter.processActivityDirect('', message(conversation, serviceUrl), async (context: TurnContext) => {
    clients = {
      connector: context.turnState.get(adapter.ConnectorClientKey),
      userToken: context.turnState.get(adapter.UserTokenClientKey),
    };
    await context.sendActivity('hi there');
  });
  if (!clients) throw new Error('the turn did not run');
  return clients;
}

describe('ReusedClientsAuthentication', () => {
  it('hands every turn for the same service URL the same clients, built once', async () => {
    const first = await turnClients('conv-a', 'https://webchat.botframework.com/');
    const second = await turnClients('conv-b', 'https://webchat.botframework.com/');
    expect(first.connector).toBeDefined();
    expect(first.userToken).toBeDefined();
    expect(second.connector).toBe(first.connector);
    expect(second.userToken).toBe(first.userToken);
  });

  it('builds a separate connector for another service URL', async () => {
    const webchat = await turnClients('conv-c', 'https://webchat.botframework.com/');
    const slack = await turnClients('conv-d', 'https://slack.botframework.com/');
    expect(slack.connector).not.toBe(webchat.connector);
    expect((slack.connector as { baseUri?: string }).baseUri).toBe('https://slack.botframework.com/');
  });
});
