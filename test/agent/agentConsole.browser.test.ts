import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BotConversation } from '../support/botConversation';
import { RunningApp, startTestApp } from '../support/testApp';
import { launchChromium } from '../e2e/browser';
import { ChannelEndpoint } from '../handoff/support/channelEndpoint';
import { AGENT_SECRET, tokenFor } from './support/agentApi';

const SCREENSHOT = path.join(__dirname, '..', '..', 'test-output', 'agent-console.png');
const SHOWN = { timeout: 8_000 };

describe('the agent console in a real browser', () => {
  let running: RunningApp;
  let channel: ChannelEndpoint;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    channel = await ChannelEndpoint.start();
    running = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await channel?.stop();
  });

  it('signs in, sees the queue, accepts, replies, reads the reply and opens the mediation case', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    const say = (text: string) => user.send(text, { serviceUrl: channel.serviceUrl });
    await say('the contract is still active but the client wont release my milestone');
    for (const answer of [
      'yes',
      'Final logo files',
      '$750',
      'on Monday, through the milestone submission',
      'nothing',
    ])
      await say(answer);
    await say('Yes, pass it on');

    await page.goto(`${running.baseUrl}/agent`);
    await page.fill('#token', await tokenFor('agent', 'alice'));
    await page.click('#sign-in button[type=submit]');
    const queued = page.locator('#queue li', { hasText: 'Final logo files ($750.00)' });
    await queued.waitFor(SHOWN);
    await queued.getByRole('button', { name: 'Open' }).click();

    await page
      .locator('#summary li', { hasText: 'Delivered: on Monday, through the milestone submission' })
      .waitFor(SHOWN);
    await page.locator('#transcript li', { hasText: '$750' }).first().waitFor(SHOWN);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.locator('#case-status', { hasText: 'accepted' }).waitFor(SHOWN);
    await channel.waitForText(user.conversationId, /has joined the conversation/);

    await page.fill('#reply-text', 'Hello, I am looking at your logo milestone now.');
    await page.getByRole('button', { name: 'Send' }).click();
    await channel.waitForText(user.conversationId, /^Hello, I am looking at your logo milestone now\.$/);

    // The user's answer (markup included) shows up by polling, as text.
    expect(await say('Thank you! <img src=x onerror=alert(1)> is not an image')).toEqual([]);
    await page
      .locator('#messages li', { hasText: 'Thank you! <img src=x onerror=alert(1)> is not an image' })
      .waitFor(SHOWN);
    expect(await page.locator('#messages img').count()).toBe(0);

    await page.getByRole('button', { name: 'Open mediation case' }).click();
    const notice = page.locator('#notice', { hasText: /Mediation case FPD-\w+ opened \(in_mediation\)/ });
    await notice.waitFor(SHOWN);
    const disputeId = /FPD-\w+/.exec((await notice.textContent()) ?? '')?.[0] as string;
    expect((await running.app.services.disputes.getById(disputeId))?.stage).toBe('in_mediation');
    await channel.waitForText(user.conversationId, new RegExp(`Your reference is ${disputeId}`));

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);

  it('refuses a forged token with a visible reason', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${running.baseUrl}/agent`);
    await fresh.fill('#token', await tokenFor('agent', 'mallory', 'a-different-secret-0123456789-abcdefgh'));
    await fresh.click('#sign-in button[type=submit]');
    await fresh.locator('#notice', { hasText: /Sign-in failed: The token is not valid/ }).waitFor(SHOWN);
    expect(await fresh.locator('#queue li').count()).toBe(0);
    await fresh.close();
  });
});
