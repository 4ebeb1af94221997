import { FACT_IDS, FactId } from '../../src/services/content/factIds';
import type { PolicyContent } from '../../src/services/content/PolicyContent';

/** One activity of the bot's reply to a turn, as it arrives in the expectReplies body. */
export interface ReplyActivity {
  type: string;
  name?: string;
  text?: string;
  attachments?: Array<{ contentType?: string; content?: unknown }>;
  suggestedActions?: { actions?: Array<{ title?: string }> };
}

/** What the user observably got in one turn, independent of today's exact wording where possible. */
export interface TurnObservation {
  /** Every piece of text the user reads (message texts and card texts). */
  texts: string[];
  /** The last message text: the prompt the bot is waiting on, if any. */
  lastText: string;
  facts: Set<FactId>;
  /** A `handoff.initiate` event: the user was put in the queue for a person. */
  handoff: boolean;
  /** Distinct choices offered (suggested actions, card buttons, or numbered lines on text channels). */
  choices: string[];
  /** The same choice shown twice in one message (suggested actions and card buttons together). */
  choicesShownTwice: boolean;
  asksDate: boolean;
  asksAmount: boolean;
  asksMilestone: boolean;
  asksDelivered: boolean;
  asksContractState: boolean;
  asksContractType: boolean;
  saysWindowClosed: boolean;
  saysGoodbye: boolean;
  saysNotUnderstood: boolean;
  /** Names what the assistant covers (Fixed-Price Protection). */
  namesScope: boolean;
  /** Points to where help is (Customer Support, the Help Center, support). */
  pointsToHelp: boolean;
}

/** Lower case, markdown and punctuation dropped, spaces collapsed: wording compares across channels. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[*_`>#]/g, ' ')
    .replace(/[^a-z0-9'$€£ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const MIN_FACT_LINE_LENGTH = 20;

/**
 * The wording of each fact, from the same content the bot speaks from: a reply that contains the
 * wording of fact P3 states P3. Facts made of lines (the filing steps) count when any line is said,
 * since walking the steps one at a time is a fair way to give them.
 */
export function factMatchers(content: PolicyContent): Array<{ id: FactId; variants: string[] }> {
  return FACT_IDS.map((id) => ({
    id,
    // A line as short as "Click Next." would be found in unrelated replies; such lines do not count.
    variants: content
      .lines(id)
      .map((line) => normalise(line))
      .filter((line) => line.length >= MIN_FACT_LINE_LENGTH),
  }));
}

const SENTENCE = /[^.?!\n]*\?/g;

function questions(text: string): string[] {
  return text.match(SENTENCE) ?? [];
}

function anyQuestion(texts: string[], pattern: RegExp): boolean {
  return texts.some((text) => questions(text).some((question) => pattern.test(question)));
}

const DATE_QUESTION =
  /\b(when|what day|which day|what date)\b.*\b(arrive|arrived|receive|received|get|got|come|came|send|sent|ask|asked|request)\b/i;
const MILESTONE_QUESTION = /\bwhich milestone\b/i;
const AMOUNT_QUESTION = /\bhow much\b|\bwhat (is the |was the )?amount\b/i;
const DELIVERED_QUESTION =
  /\b(did you deliver|have you delivered|was (the|it) (work |milestone )?delivered|how did you deliver|what did you deliver)\b/i;
const STATE_QUESTION =
  /\b(has (the|your) contract (ended|been closed)|is (it|the contract) still (active|open|running)|ended,? or is it)\b/i;
const TYPE_QUESTION = /\bfixed[- ]price\b.*\bor\b.*\bhourly\b|\bhourly\b.*\bor\b.*\bfixed[- ]price\b/i;
const WINDOW_CLOSED =
  /\b(window|deadline|time to (answer|respond|reply)|\d+ days)\b[^.]{0,80}\b(has closed|closed|has passed|passed|expired|is over|ran out|ended on)\b|\b(missed|past|after) (the|your) (deadline|window)\b/i;
/** "has not passed yet" says the opposite: a sentence with a negation never counts as closed. */
const NEGATED = /\b(not|never|yet|still open)\b|n't\b/i;

function saysClosed(texts: string[]): boolean {
  return texts
    .flatMap((text) => text.split(/(?<=[.!?])\s+|\n+/))
    .some((sentence) => WINDOW_CLOSED.test(sentence) && !NEGATED.test(sentence.replace(/n’t/g, "n't")));
}
const GOODBYE = /\bgood ?bye\b/i;
const NOT_UNDERSTOOD =
  /\b(not sure i understood|didn'?t understand|don'?t understand|can'?t help with that)\b/i;
const SCOPE = /\bfixed[- ]price protection\b/i;
const HELP_POINTER = /\bsupport\b|\bhelp cent(er|re)\b/i;

/** Cards carry their words in TextBlocks and buttons; collect both. */
function cardTexts(content: unknown, into: { texts: string[]; buttons: string[] }): void {
  if (Array.isArray(content)) {
    content.forEach((item) => cardTexts(item, into));
    return;
  }
  if (typeof content !== 'object' || content === null) return;
  const record = content as Record<string, unknown>;
  if (record.type === 'TextBlock' && typeof record.text === 'string') into.texts.push(record.text);
  if (
    typeof record.type === 'string' &&
    record.type.startsWith('Action.') &&
    typeof record.title === 'string'
  )
    into.buttons.push(record.title);
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'fallbackText' && typeof value === 'object') cardTexts(value, into);
  }
}

const NUMBERED_LINE = /^\s*\d+\.\s+(.+)$/gm;

export function observeTurn(
  replies: ReplyActivity[],
  matchers: ReturnType<typeof factMatchers>,
): TurnObservation {
  const messages = replies.filter((reply) => reply.type === 'message');
  const found = { texts: [] as string[], buttons: [] as string[] };
  for (const message of messages) {
    if (message.text) found.texts.push(message.text);
    for (const attachment of message.attachments ?? []) cardTexts(attachment.content, found);
  }
  const texts = found.texts;
  const numbered = texts.flatMap((text) => [...text.matchAll(NUMBERED_LINE)].map((match) => match[1]));
  const suggested = messages.flatMap((message) =>
    (message.suggestedActions?.actions ?? []).map((action) => action.title ?? ''),
  );
  const choices = [...new Set([...suggested, ...found.buttons, ...numbered].map(normalise))].filter(Boolean);
  const choicesShownTwice = messages.some((message) => {
    const buttons = { texts: [] as string[], buttons: [] as string[] };
    for (const attachment of message.attachments ?? []) cardTexts(attachment.content, buttons);
    const onCard = new Set(buttons.buttons.map(normalise));
    return (message.suggestedActions?.actions ?? []).some((action) =>
      onCard.has(normalise(action.title ?? '')),
    );
  });

  const said = normalise(texts.join('\n'));
  const facts = new Set<FactId>(
    matchers.filter((fact) => fact.variants.some((variant) => said.includes(variant))).map((fact) => fact.id),
  );
  const joined = texts.join('\n');
  return {
    texts,
    lastText: [...messages].reverse().find((message) => message.text)?.text ?? '',
    facts,
    handoff: replies.some((reply) => reply.type === 'event' && reply.name === 'handoff.initiate'),
    choices,
    choicesShownTwice,
    asksDate: anyQuestion(texts, DATE_QUESTION),
    asksAmount: anyQuestion(texts, AMOUNT_QUESTION),
    asksMilestone: anyQuestion(texts, MILESTONE_QUESTION),
    asksDelivered: anyQuestion(texts, DELIVERED_QUESTION),
    asksContractState: anyQuestion(texts, STATE_QUESTION),
    asksContractType: anyQuestion(texts, TYPE_QUESTION),
    saysWindowClosed: saysClosed(texts),
    saysGoodbye: GOODBYE.test(joined),
    saysNotUnderstood: NOT_UNDERSTOOD.test(joined),
    namesScope: SCOPE.test(joined),
    pointsToHelp: HELP_POINTER.test(joined),
  };
}
