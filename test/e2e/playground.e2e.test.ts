import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { RunningApp, startTestApp } from '../support/testApp';
import { AgentsPlayground } from './agentsPlayground';
import { launchChromium } from './browser';
import { expectedDeadline } from './expectedDeadline';
import { keepToLoopback } from './loopbackOnly';
import { PlaygroundChat } from './PlaygroundChat';

const OUTPUT = path.join(__dirname, '..', '..', 'test-output');
const SCREENSHOT = path.join(OUTPUT, 'playground.png');
// The Playground reports its own process's zone as the user's; the browser shows times in the same one.
const TIME_ZONE = 'America/New_York';
const WELCOME_CHOICES = [
  'Is my situation covered?',
  'Dispute on an ended contract',
  'Unpaid milestone, active contract',
  'My disputes',
  'The stages of a dispute',
  'Talk to a person',
];

describe('the bot in Microsoft 365 Agents Playground (Teams) in Chromium', () => {
  let running: RunningApp;
  let playground: AgentsPlayground;
  let browser: Browser;

  beforeAll(async () => {
    running = await startTestApp();
    [playground, browser] = await Promise.all([
      AgentsPlayground.start({ botEndpoint: `${running.baseUrl}/api/messages`, timeZone: TIME_ZONE }),
      launchChromium(),
    ]);
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await running?.stop();
  });

  it('welcomes, takes pressed choices and a date in words, records the dispute, and shows a proactive message', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: TIME_ZONE,
    });
    await keepToLoopback(context);
    mkdirSync(OUTPUT, { recursive: true });
    const chat = new PlaygroundChat(await context.newPage(), SCREENSHOT.replace(/\.png$/, '-failed.png'));
    await chat.page.goto(playground.url);

    // Teams shows the welcome's choices as card buttons, each once.
    await chat.sees(/dispute assistant/);
    await chat.page.getByRole('button', { name: WELCOME_CHOICES[0], exact: true }).waitFor();
    for (const title of WELCOME_CHOICES) {
      expect([title, await chat.page.getByRole('button', { name: title, exact: true }).count()]).toEqual([
        title,
        1,
      ]);
    }

    // A card press reaches the bot as the choice (it used to send nothing in this client).
    await chat.press('Dispute on an ended contract', /refund request/i);
    await chat.say('3 days ago', new RegExp(expectedDeadline(3, TIME_ZONE)));

    await chat.press('Write my claim', /agree/i);
    await chat.say('A logo and brand guide, milestone 2 of the contract', /deliver/i);
    await chat.say('Final files on 12 November via the messages', /escrow/i);
    await chat.say('$500', /evidence/i);
    await chat.say('https://drive.example/final.zip', /client/i);
    const review = await chat.say('She said thanks on 14 November, then asked for a refund', /\$500\.00/);
    expect(review).toMatch(/https:\/\/drive\.example\/final\.zip/);

    const confirmation = await chat.press('Looks good, record it', /FPD-[0-9A-Z]+/);
    const reference = /FPD-[0-9A-Z]+/.exec(confirmation)?.[0] as string;
    const dispute = await running.app.services.disputes.getById(reference);
    expect(dispute?.conversationReference?.channelId).toBe('msteams');

    // An agent's reply reaches the open chat through the reference stored with the dispute.
    await running.app.services.sender.send(dispute?.conversationReference ?? {}, {
      text: `A mediation specialist has picked up ${reference} and will write to you here.`,
    });
    await chat.sees(new RegExp(`A mediation specialist has picked up ${reference}`));

    await chat.page
      .getByText(/A mediation specialist has picked up/)
      .last()
      .scrollIntoViewIfNeeded();
    await chat.page.screenshot({ path: SCREENSHOT });
    expect(chat.problems).toEqual([]);
    await context.close();
  }, 150000);
});
