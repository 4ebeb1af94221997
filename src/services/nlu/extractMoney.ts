import { Culture, recognizeCurrency } from '@microsoft/recognizers-text-number-with-unit';
import { boundedForRecognizer, RecognizerBounds } from '../text/boundedForRecognizer';

export interface MoneyAmount {
  amount: number;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
}

/**
 * The recognizer names some symbols ("$", "£", "dollars") without an ISO code.
 * On this platform "$" means US dollars; other dollars ("C$", "AUD") arrive with their own code.
 */
const ISO_CODE_BY_UNIT: Readonly<Record<string, string>> = {
  Dollar: 'USD',
  Pound: 'GBP',
  Euro: 'EUR',
};

// A plain number inside the matched text: "1,200.50", "300", "1.5k".
const NUMBER_IN_TEXT = /(\d[\d,]*(?:\.\d+)?)\s*(k)?\b/i;

/**
 * "USD 300" and "EUR 1,200.50" (code before the number) resolve to "NaN" in recognizers-text 1.1.4,
 * so read the number from the matched text instead.
 */
function amountFromMatchedText(matchedText: string): number | undefined {
  const match = NUMBER_IN_TEXT.exec(matchedText);
  if (!match) {
    return undefined;
  }
  const value = Number(match[1].replace(/,/g, ''));
  const multiplier = match[2] ? 1000 : 1;
  return Number.isFinite(value) ? value * multiplier : undefined;
}

function stringField(resolution: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = resolution[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function toMoney(
  matchedText: string,
  resolution: Readonly<Record<string, unknown>>,
): MoneyAmount | undefined {
  const unit = stringField(resolution, 'unit');
  const currency = stringField(resolution, 'isoCurrency') ?? (unit ? ISO_CODE_BY_UNIT[unit] : undefined);
  if (!currency) {
    return undefined;
  }
  const value = stringField(resolution, 'value');
  const resolved = value === undefined ? NaN : Number(value);
  const amount = Number.isFinite(resolved) ? resolved : amountFromMatchedText(matchedText);
  return amount === undefined ? undefined : { amount, currency };
}

/** A sentence that may name an amount: a digit, a currency sign or word, or a number word. */
const MAY_HOLD_MONEY = /[\d$€£¥]|dollar|euro|pound|yen|usd|eur|gbp|hundred|thousand/i;

/** An amount fits well inside these ("they owe me EUR 1,200.50 for milestone 2"). */
const MONEY_BOUNDS: RecognizerBounds = { maxChars: 120, maxNumbers: 6 };

/**
 * A cheap test before the recognizer: an amount needs a number, in digits or words ("five hundred
 * dollars", "half a million euros"); without one the recognizer finds no money.
 */
const MAY_HOLD_AMOUNT =
  /\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|half|quarter|dozen)/i;

/** False when the text cannot hold an amount the recognizer reads; true does not mean it holds one. */
export function mayHoldAmount(text: string): boolean {
  return MAY_HOLD_AMOUNT.test(text);
}

/**
 * Recent readings by text. One turn reads the same answer several times (the turn's understanding,
 * the amount prompt's validator, the dialog step that keeps the amount), and the recognizer is the
 * costliest part of the turn. Bounded both in entries and in the length of a remembered text.
 */
const RECENT_READINGS = new Map<string, MoneyAmount | undefined>();
const MAX_RECENT_READINGS = 256;
const MAX_REMEMBERED_CHARS = 600;

/**
 * First amount of money with a currency in the text; a bare number is not money. Only a bounded
 * slice of a long text is read (see boundedForRecognizer).
 */
export function extractMoney(text: string): MoneyAmount | undefined {
  if (text.length > MAX_REMEMBERED_CHARS) return readMoney(text);
  let money: MoneyAmount | undefined;
  if (RECENT_READINGS.has(text)) {
    money = RECENT_READINGS.get(text);
  } else {
    money = readMoney(text);
    if (RECENT_READINGS.size >= MAX_RECENT_READINGS) {
      RECENT_READINGS.delete(RECENT_READINGS.keys().next().value as string);
    }
    RECENT_READINGS.set(text, money);
  }
  // A copy: a caller that changes its amount must not change what the next caller reads.
  return money && { ...money };
}

/** Brackets around an amount: the recognizer finds no money in "($900)" or "[$900]", but does in "( $900 )". */
const BRACKETS = /[()[\]{}]/g;

function readMoney(text: string): MoneyAmount | undefined {
  if (!mayHoldAmount(text)) return undefined;
  const slice = boundedForRecognizer(text, MAY_HOLD_MONEY, MONEY_BOUNDS).replace(BRACKETS, ' ');
  for (const found of recognizeCurrency(slice, Culture.English)) {
    const money = toMoney(found.text, found.resolution);
    if (money) {
      return money;
    }
  }
  return undefined;
}

/**
 * Runs the currency recognizer once on a few shapes of amount: its first calls compile many patterns
 * and hold the event loop for a while, which belongs at start, not in some user's turn.
 */
export function warmUpMoneyRecognizer(): void {
  for (const amount of ['$500', '450 EUR', 'they owe me 1,200.50 dollars', 'about five hundred']) {
    extractMoney(amount);
  }
}
