import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RunningApp, startTestApp } from '../support/testApp';
import { launchChromium } from './browser';
import { expectedDeadline } from './expectedDeadline';

const SCREENSHOT = path.join(__dirname, '..', '..', 'test-output', 'widget.png');
const TIME_ZONE = 'America/New_York';
const WELCOME_CHOICES = [
  'Is my situation covered?',
  'Dispute on an ended contract',
  'Unpaid milestone, active contract',
  'My disputes',
  'The stages of a dispute',
  'Talk to a person',
];

/** Runs in the page: the transcript's text after the visitor's last bubble ('' until it says `reply`). */
function textAfterLastUserMessage(feed: Element, reply: string | null): string {
  if (reply === null) return (feed as HTMLElement).innerText;
  const bubbles = feed.querySelectorAll('.webchat__bubble--from-user');
  const last = bubbles[bubbles.length - 1];
  if (!last || !(last.textContent ?? '').includes(reply)) return '';
  const walker = document.createTreeWalker(feed, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const follows = last.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (follows && !last.contains(node)) parts.push(node.textContent ?? '');
  }
  return parts.join('\n');
}

/**
 * Runs in the page: how many of `elements` a sighted visitor can see. Web Chat also writes each
 * message, suggested actions included, into a screen-reader-only live region: a 1-pixel box that
 * clips it, so those copies are not counted.
 */
function countShownOnScreen(elements: Element[]): number {
  const shown = (element: Element): boolean => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      const box = node.getBoundingClientRect();
      if (style.overflow !== 'visible' && (box.width <= 1 || box.height <= 1)) return false;
    }
    return true;
  };
  return elements.filter(shown).length;
}

/** The widget as a visitor sees it: what they type, and the transcript Web Chat shows. */
class WidgetPage {
  readonly problems: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(message.text());
    });
    page.on('pageerror', (error) => this.problems.push(error.message));
  }

  get transcript() {
    return this.page.locator('[role="feed"].webchat__basic-transcript__transcript');
  }

  /**
   * Waits until the transcript shows text matching `expected`: anywhere, or (with `reply`) only in
   * what follows the visitor's last message, which must be `reply`.
   */
  async sees(expected: RegExp, reply?: string): Promise<string> {
    await this.transcript.waitFor({ timeout: 20000 });
    let shown = '';
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      shown = await this.transcript.evaluate(textAfterLastUserMessage, reply ?? null);
      if (expected.test(shown)) return shown;
      await this.page.waitForTimeout(100);
    }
    await this.page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-failed.png') }).catch(() => undefined);
    throw new Error(
      `the widget never showed ${expected}; it shows:\n${shown.slice(-1500)}\nbrowser errors: ${this.problems.join('\n')}`,
    );
  }

  /** The buttons on the page titled exactly `title` (suggested actions and card buttons alike). */
  buttons(title: string) {
    return this.page.getByRole('button', { name: title, exact: true });
  }

  /**
   * How many times each title shows as a button, once the first of them is on screen: a choice
   * offered as a card AND as suggested actions would count 2.
   */
  async buttonCounts(titles: string[]): Promise<Record<string, number>> {
    await this.buttons(titles[0]).first().waitFor({ timeout: 20000 });
    const counts: Record<string, number> = {};
    for (const title of titles) {
      counts[title] = await this.buttons(title).evaluateAll(countShownOnScreen);
    }
    return counts;
  }

  /** Presses the choice `title` (a real click) and waits for the bot's answer matching `expected`. */
  async press(title: string, expected: RegExp): Promise<string> {
    await this.buttons(title).last().click();
    // The suggested action posts its title as the visitor's message.
    return this.sees(expected, title);
  }

  /** Types a message, sends it, and waits for the bot's answer matching `expected`. */
  async say(text: string, expected: RegExp): Promise<string> {
    const box = this.page.locator('[data-id="webchat-sendbox-input"]');
    await box.fill(text);
    await box.press('Enter');
    return this.sees(expected, text);
  }
}

describe('the support widget in Chromium', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    running = await startTestApp();
    browser = await launchChromium();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('greets, takes pressed choices, files a dispute on an ended contract, and shows a proactive message', async () => {
    const context = await browser.newContext({
      viewport: { width: 480, height: 820 },
      timezoneId: TIME_ZONE,
    });
    const widget = new WidgetPage(await context.newPage());
    const response = await widget.page.goto(running.baseUrl + '/');
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);

    // Web Chat typesets the apostrophe.
    await widget.sees(/Hi, I['’]m the dispute assistant/);
    // Each choice shows once: as a suggested action, not also as a card button.
    const once = Object.fromEntries(WELCOME_CHOICES.map((title) => [title, 1]));
    expect(await widget.buttonCounts(WELCOME_CHOICES)).toEqual(once);

    await widget.press('Dispute on an ended contract', /refund request/i);
    await widget.say('3 days ago', new RegExp(expectedDeadline(3, TIME_ZONE)));
    await widget.press('Write my claim', /agree/i);
    await widget.say('A logo and brand guide, milestone 2 of the contract', /deliver/i);
    await widget.say('Final files on 12 November via the messages', /amount|escrow/i);
    await widget.say('$500', /evidence/i);
    await widget.say('none', /client/i);
    const review = await widget.say(
      'She said thanks on 14 November, then asked for a refund',
      /Amount in escrow: \$500\.00/,
    );
    expect(review).toMatch(/Still missing: evidence/);
    const reviewChoices = ['Looks good, record it', 'Change: Evidence'];
    expect(await widget.buttonCounts(reviewChoices)).toEqual({
      'Looks good, record it': 1,
      'Change: Evidence': 1,
    });
    await widget.press('Change: Evidence', /evidence/i);
    await widget.say(
      'https://drive.example/final.zip, brand-guide.pdf',
      /Evidence:[\s\u200b]*https:\/\/drive\.example\/final\.zip/,
    );
    const confirmation = await widget.press('Looks good, record it', /reference is FPD-[0-9A-Z]+/);
    const reference = /reference is (FPD-[0-9A-Z]+)/.exec(confirmation)?.[1] as string;

    // An agent's reply reaches the open page through the reference stored with the dispute.
    const dispute = await running.app.services.disputes.getById(reference);
    expect(dispute?.ownerId).toMatch(/^webchat:anon:/);
    await running.app.services.sender.send(dispute?.conversationReference ?? {}, {
      text: `A mediation specialist has picked up ${reference} and will write to you here.`,
    });
    await widget.sees(new RegExp(`A mediation specialist has picked up ${reference}`));

    // Web Chat scrolls smoothly to new messages; wait for the last one to be fully on screen.
    const proactive = widget.page.getByText(/A mediation specialist has picked up/).last();
    await proactive.scrollIntoViewIfNeeded();
    await widget.page.waitForFunction(() => {
      const feed = document.querySelector('.webchat__basic-transcript__transcript')?.parentElement;
      return !feed || Math.abs(feed.scrollHeight - feed.clientHeight - feed.scrollTop) < 2;
    });
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await widget.page.screenshot({ path: SCREENSHOT });
    expect(widget.problems.filter((problem) => /Content Security Policy|Refused to/i.test(problem))).toEqual(
      [],
    );
    await context.close();
  }, 120000);
});
