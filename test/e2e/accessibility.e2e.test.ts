import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { RunningApp, startTestApp } from '../support/testApp';
import { AGENT_SECRET, tokenFor } from '../agent/support/agentApi';
import { BotConversation } from '../support/botConversation';
import { ChannelEndpoint } from '../handoff/support/channelEndpoint';
import { launchChromium } from './browser';

/** WCAG 2.1 A and AA, as axe-core checks them. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's serious and critical violations on the page as it is now, one line each; and text whose
 * contrast axe could not measure (a gradient behind it, say), which would hide a violation.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const unmeasured = results.incomplete.filter((check) => check.id === 'color-contrast');
  return [...results.violations, ...unmeasured]
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

/** A short description of the focused element, to find it by keyboard alone. */
function focused(page: Page): Promise<{ dataId: string; suggestedAction: boolean; text: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      dataId: element?.getAttribute('data-id') ?? '',
      suggestedAction: element?.classList.contains('webchat__suggested-action') ?? false,
      text: (element?.innerText ?? '').trim(),
    };
  });
}

/** Presses `key` until `reached` says the focus is where it should be (at most `limit` presses). */
async function pressUntil(
  page: Page,
  key: string,
  reached: (focus: Awaited<ReturnType<typeof focused>>) => boolean,
  limit = 20,
): Promise<boolean> {
  for (let press = 0; press < limit; press++) {
    if (reached(await focused(page))) return true;
    await page.keyboard.press(key);
  }
  return reached(await focused(page));
}

describe('accessibility in Chromium', () => {
  let running: RunningApp;
  let browser: Browser;
  let channel: ChannelEndpoint;

  beforeAll(async () => {
    channel = await ChannelEndpoint.start();
    running = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET });
    browser = await launchChromium();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await channel?.stop();
  });

  it('the widget page, with the greeting and its choices shown, has no serious or critical violation', async () => {
    const page = await (await browser.newContext({ viewport: { width: 480, height: 820 } })).newPage();
    await page.goto(running.baseUrl + '/');
    await page.locator('.webchat__suggested-action').first().waitFor({ timeout: 20000 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the widget works by keyboard alone: tab to the input, send with Enter, press a choice', async () => {
    const page = await (await browser.newContext({ viewport: { width: 480, height: 820 } })).newPage();
    await page.goto(running.baseUrl + '/');
    await page.locator('.webchat__suggested-action').first().waitFor({ timeout: 20000 });

    expect(await pressUntil(page, 'Tab', (focus) => focus.dataId === 'webchat-sendbox-input')).toBe(true);
    await page.keyboard.type('am I covered?');
    await page.keyboard.press('Enter');
    const choice = page.locator('.webchat__suggested-action', { hasText: 'Fixed-price' });
    await choice.waitFor({ timeout: 20000 });

    // Back from the input to the offered choices, then along them with the arrow keys.
    expect(await pressUntil(page, 'Shift+Tab', (focus) => focus.suggestedAction)).toBe(true);
    expect(await pressUntil(page, 'ArrowRight', (focus) => focus.text === 'Fixed-price', 5)).toBe(true);
    await page.keyboard.press('Enter');

    // The choice is sent as the visitor's answer, and the assistant moves on to its next question.
    const transcript = page.locator('[role="feed"]');
    await transcript
      .locator('.webchat__bubble--from-user', { hasText: 'Fixed-price' })
      .waitFor({ timeout: 20000 });
    const afterChoice = await page.waitForFunction(
      () => {
        const bubbles = Array.from(document.querySelectorAll('[role="feed"] .webchat__bubble'));
        const answer = bubbles.findIndex(
          (bubble) =>
            bubble.classList.contains('webchat__bubble--from-user') &&
            (bubble.textContent ?? '').includes('Fixed-price'),
        );
        const replies = bubbles.slice(answer + 1).map((bubble) => (bubble.textContent ?? '').trim());
        return replies.join('\n') || false;
      },
      undefined,
      { timeout: 20000 },
    );
    expect(await afterChoice.jsonValue()).toMatch(/\?/);
    expect(await afterChoice.jsonValue()).not.toMatch(/fixed-price contract or an hourly one/i);
  });
  it("Web Chat's own labels follow the visitor's browser language", async () => {
    const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await page.goto(running.baseUrl + '/');
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.waitFor({ timeout: 20000 });
    // de-DE.json in botframework-webchat-api: TEXT_INPUT_PLACEHOLDER.
    expect(await input.getAttribute('placeholder')).toBe('Nachricht eingeben');
  });

  it('the agent console, signed out, signed in and with a case open, has no serious or critical violation', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    await user.send('I want to talk to a person', { serviceUrl: channel.serviceUrl });
    await user.send('yes', { serviceUrl: channel.serviceUrl });

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(running.baseUrl + '/agent');
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#token', await tokenFor('agent', 'alice'));
    await page.click('#sign-in button[type=submit]');
    const queued = page.locator('#queue li').first();
    await queued.waitFor({ timeout: 8000 });
    expect(await seriousViolations(page)).toEqual([]);
    await queued.getByRole('button', { name: 'Open' }).click();
    await page.locator('#transcript li').first().waitFor({ timeout: 8000 });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
