import type { Page } from 'playwright-core';

const BOT_NAME = 'Test Bot';

interface Transcript {
  /** How many messages (the user's and the bot's) the chat shows. */
  count: number;
  /** The text of the bot's messages from position `from` on. */
  botText: string;
}

/**
 * Runs in the page: the Playground's chat as messages. Every message, the user's and the bot's, has
 * a "Message author" header; the bot's names it. A message is the header's ancestor that sits
 * directly in the list holding all of them.
 */
function readTranscript(args: { from: number; botName: string }): Transcript {
  const headers = Array.from(document.querySelectorAll('[aria-label="Message author"]'));
  if (headers.length < 2) return { count: headers.length, botText: '' };
  let list = headers[0].parentElement as HTMLElement;
  while (!headers.every((header) => list.contains(header))) list = list.parentElement as HTMLElement;
  const messages = headers.map((header) => {
    let message = header as HTMLElement;
    while (message.parentElement !== list) message = message.parentElement as HTMLElement;
    return { fromBot: (header.textContent ?? '').trim() === args.botName, text: message.innerText };
  });
  const fromBot = messages.slice(args.from).filter((message) => message.fromBot);
  return { count: messages.length, botText: fromBot.map((message) => message.text).join('\n') };
}

/** The Agents Playground as a Teams user sees it: card buttons to press, a box to type in. */
export class PlaygroundChat {
  readonly problems: string[] = [];

  constructor(
    readonly page: Page,
    private readonly failureScreenshot: string,
  ) {
    page.on('pageerror', (error) => this.problems.push(error.message));
  }

  private async transcript(from: number): Promise<Transcript> {
    return this.page.evaluate(readTranscript, { from, botName: BOT_NAME }).catch(() => ({
      count: 0,
      botText: '',
    }));
  }

  /** Waits until the bot's messages after position `from` show text matching `expected`. */
  async sees(expected: RegExp, from = 0, what = 'the bot'): Promise<string> {
    let shown = '';
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      shown = (await this.transcript(from)).botText;
      if (expected.test(shown)) return shown;
      await this.page.waitForTimeout(100);
    }
    await this.page.screenshot({ path: this.failureScreenshot }).catch(() => undefined);
    throw new Error(
      `after ${what}, the Playground never showed ${expected}; it shows:\n${shown.slice(-1500)}\n` +
        `page errors: ${this.problems.join('\n')}`,
    );
  }

  /** Presses the newest button titled `title` (a real click) and waits for the bot's answer. */
  async press(title: string, expected: RegExp): Promise<string> {
    // The button comes with the last message of a turn: once it shows, that turn has fully arrived.
    const button = this.page.getByRole('button', { name: title, exact: true }).last();
    await button.waitFor({ timeout: 20000 });
    const before = (await this.transcript(0)).count;
    await button.click();
    return this.sees(expected, before, `pressing "${title}"`);
  }

  /** Types a message, sends it with Enter, and waits for the bot's answer. */
  async say(text: string, expected: RegExp): Promise<string> {
    const before = (await this.transcript(0)).count;
    await this.page.getByRole('textbox').click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    return this.sees(expected, before, `typing "${text}"`);
  }
}
