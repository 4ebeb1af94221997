import type { TurnContext } from 'botbuilder';
import type { IntentResult } from '../../services/nlu/IntentRecognizer';
import { extractMoney } from '../../services/nlu/extractMoney';
import {
  extractAnswerPolarity,
  mentionsNotKnowing,
  saysNotYet,
  unsureOf,
} from '../../services/nlu/entities/answerPolarity';
import { extractContractState } from '../../services/nlu/entities/contractState';
import { extractContractType } from '../../services/nlu/entities/contractType';
import { extractInaction } from '../../services/nlu/entities/consequenceQuestion';
import { hasCorrectionMarker } from '../../services/nlu/entities/correctionMarker';
import { withDomainSpelling } from '../../services/nlu/entities/domainSpelling';
import { extractDelivery } from '../../services/nlu/entities/deliveryMention';
import { extractEscrowFunded, saysEscrowEmpty } from '../../services/nlu/entities/escrowEmpty';
import { extractNearScopeTopic } from '../../services/nlu/entities/nearScopeTopic';
import { extractRefundRequest, saysItArrived } from '../../services/nlu/entities/refundRequest';
import { normalizeTypos } from '../../services/nlu/normalizeTypos';
import { asksHowToCheck } from '../../services/nlu/entities/slotHelpQuestion';
import { asksAfterFiling } from '../../services/nlu/entities/afterFiling';
import { extractMilestone } from '../../services/nlu/entities/milestoneName';
import { extractSpeakerRole, saysFreelancerOutright } from '../../services/nlu/entities/speakerRole';
import {
  resolveArrivalDate,
  userClockFrom,
  type ArrivalResolution,
  type UserClock,
} from '../../services/time';
import { findDisputeId } from '../disputes/findDisputeId';
import type { IntentSource } from '../IntentSource';
import type { TurnEntities } from './TurnEntities';

/** Longer messages are read up to here: every extractor then works on bounded text. */
const MAX_READ_CHARS = 600;

/** Cheap tests that decide whether the costly recognizers run at all. */
const MAY_HOLD_DATE =
  /\d|\b(?:today|tonight|yesterday|ago|recent|recently|while|lately|ages|couple|few|several|other day|(?:days?|weeks?) back|morning|afternoon|evening|noon|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\b/i;
// A digit alone is no money ("milestone 2", "12 November"): a currency sign or word must be there.
const MAY_HOLD_MONEY = /[$€£¥]|\b(?:dollars?|euros?|pounds?|usd|eur|gbp|cad|aud|bucks|grand)\b/i;

/** The clause that names the refund request, so "delivered on the 10th, refund asked 3 days ago" reads the 3 days. */
const CLAUSE_BREAK = /[.;!?]|,\s*|\s+(?:and|but|then|so)\s+/i;
const REFUND_WORDS = /\b(?:refund|money back|escrow back|funds back|asked for|request)/i;
/** A clause about the contract ending: its day is when the contract ended, not when the request came. */
/** "he sent it this morning", "it came on Monday": a clause telling when the request arrived. */
const REQUEST_ARRIVED =
  /\b(?:sent|came|arrived|asked|requested|showed up|popped up|got (?:it|the request)|received it)\b/i;
const CONTRACT_END = /\b(?:clos(?:ed|es)|end(?:ed|s)?|finish(?:ed)?|terminat(?:ed|es)|cancel+(?:ed|s)?)\b/i;

/**
 * A correction in the middle of a message: "..., sorry, I mean ...", "... no wait, ...", "... correction: ...",
 * "ignore what I said before, ...", "I thought it was hourly but I checked and ...".
 */
const CORRECTION_INSIDE =
  /(?:\b(?:no,? wait|wait,? no|sorry|i mean|i meant|correction|actually|oh wait|ugh,? no|hmm,? no|that'?s wrong|scratch that|oops|my bad|or was it)\b|\bignore (?:what|the [^,.]{1,30}?) i (?:said|wrote|told you)(?: (?:before|earlier))?\b|\bi thought\b[^.!?]{1,40}?\bbut(?: i checked(?: and)?)?\b|^not\b[^,.]{1,30},|(?:[.!?…,;—–-]|\.\.\.)\s*no\b(?:,?\s*wait\b)?)[,:.\s—–-]*/gi;

/**
 * "5, I'm mixing it up", "it was 5 days", "make that 6": a count without "ago", correcting "9 days
 * ago"; the unit is the one it corrects unless it says its own.
 */
const BARE_COUNT =
  /^(?:(?:it|that) (?:was|is)\s+|it'?s\s+|make (?:it|that)\s+|more like\s+|rather\s+)?(\d{1,2})(?:\s+(days?|weeks?))?(?!\s*(?:ago|st|nd|rd|th|hours?|[/.:-]\d))\b/i;
const COUNTED_DAYS = /\b\d{1,2}\s+(days?|weeks?)\s+(?:ago|since)\b/i;
/** "4 days since the refund request": the recognizer reads "4 days ago". */
const DAYS_SINCE =
  /\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)\s+since\b/gi;
const BARE_ORDINAL_DAY = /^\s*the \d{1,2}(?:st|nd|rd|th)\b/i;
const BARE_NUMBER = /(?:^|[\s,:])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{2,9}(?:\.\d+)?)(?=$|[\s,.!?])/;
/** "tuesday, not thursday": the day said to be wrong is no candidate. */
const NEGATED_DAY =
  /,?\s*\b(?:not|instead of|rather than)\s+(?:on\s+)?(?:the\s+)?(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|\d{1,2}(?:st|nd|rd|th)|\d{1,2} (?:days?|weeks?) ago)\b/gi;
/** "a week ago today", "two days ago now": the reference point said again; left in, the recognizer reads a range. */
const AGO_TODAY = /\bago (?:by )?(?:today|now)\b/gi;

const TURN_KEY = Symbol('turnUnderstanding');

/** What the understanding needs of a picked choice: its value (the renderer's Choice has more). */
export interface PickedChoice {
  value: string;
}

/**
 * Everything the assistant reads from one message, computed once per turn before any dialog runs:
 * the entities at once (cheap, bounded regexes), the intent model and the date and money recognizers
 * only when something asks for them, and then at most once.
 */
export class TurnUnderstanding {
  /** The message as read: bounded, with common misspellings put right ("yestrday", "contrct"). */
  readonly text: string;
  /** The message as the user typed it (bounded): kept for their own words, never for reading. */
  readonly said: string;
  readonly disputeId: string | undefined;
  readonly entities: TurnEntities;
  private intentResult: Promise<IntentResult> | undefined;

  private constructor(
    text: string,
    private readonly intentSource: IntentSource,
    readonly clock: UserClock,
    /** The offered choice (menu, follow-up) this message picks, if any. */
    readonly picked: PickedChoice | undefined,
    /** The message came from a button (a card submit or a postBack value), not typed words. */
    readonly fromButton: boolean,
  ) {
    this.said = text.slice(0, MAX_READ_CHARS);
    this.text = normalizeTypos(this.said);
    this.disputeId = findDisputeId(this.text);
    // The extractors read the domain words spelled right; the text itself stays as the user typed it.
    this.entities = readEntities(withDomainSpelling(this.text), clock);
  }

  /** Reads the turn's message once; later calls in the same turn get the same understanding. */
  static of(
    context: TurnContext,
    intents: IntentSource,
    defaultTimeZone: string,
    picked?: PickedChoice,
  ): TurnUnderstanding {
    const known = context.turnState.get(TURN_KEY) as TurnUnderstanding | undefined;
    if (known) return known;
    const text = context.activity.type === 'message' ? (context.activity.text?.trim() ?? '') : '';
    const understanding = new TurnUnderstanding(
      text,
      intents,
      userClockFrom(context.activity, defaultTimeZone),
      picked,
      context.activity.value !== undefined && context.activity.value !== null,
    );
    context.turnState.set(TURN_KEY, understanding);
    return understanding;
  }

  /** The understanding already made this turn, if any. */
  static existing(context: TurnContext): TurnUnderstanding | undefined {
    return context.turnState.get(TURN_KEY) as TurnUnderstanding | undefined;
  }

  /** The ranked intents; the model runs on the first call only. */
  intents(): Promise<IntentResult> {
    this.intentResult ??= this.intentSource.recognize(this.text);
    return this.intentResult;
  }
}

function readEntities(text: string, clock: UserClock): TurnEntities {
  const refundRequested = extractRefundRequest(text);
  // "3 days ago, sorry, I mean 4 days ago": what follows the user's own correction wins.
  const tails = correctedTails(text);
  const date = (part: string) =>
    MAY_HOLD_DATE.test(part) ? readDate(part, refundRequested === true, clock) : undefined;
  const money = (part: string) => (MAY_HOLD_MONEY.test(part) ? extractMoney(part) : undefined);
  let dateReading: { value: ArrivalResolution | undefined } | undefined;
  const latest = <T>(read: (part: string) => T | undefined): T | undefined => {
    for (const tail of tails) {
      const value = read(tail);
      if (value !== undefined) return value;
    }
    return read(text);
  };
  return {
    contractState: latest(extractContractState),
    refundRequested,
    itArrived: saysItArrived(text),
    // The date recognizer is the costliest reader: it runs only when something asks for the date.
    get date() {
      dateReading ??= {
        value: latest((part) => {
          const reading = date(part);
          return reading?.kind === 'resolved' || part === text ? reading : undefined;
        }),
      };
      return dateReading.value;
    },
    money: latest(money),
    bareNumber: latest(bareNumberOf),
    milestone: latest(extractMilestone),
    delivered: extractDelivery(text),
    // "I'm actually the client": "actually" is no correction of who is writing, unless they say so outright.
    role:
      extractSpeakerRole(text) === 'client' && !tails.some(saysFreelancerOutright)
        ? 'client'
        : latest(extractSpeakerRole),
    contractType: latest(extractContractType),
    emptyEscrow: saysEscrowEmpty(text),
    escrowFunded: extractEscrowFunded(text),
    answer: extractAnswerPolarity(text),
    unsure: mentionsNotKnowing(text),
    unsureAbout: unsureOf(text),
    notYet: saysNotYet(text),
    asksHowToCheck: asksHowToCheck(text),
    correction: hasCorrectionMarker(text),
    nearScope: extractNearScopeTopic(text),
    inaction: extractInaction(text),
    afterFiling: asksAfterFiling(text),
  };
}

/** "1100", "1,100.50": a number standing on its own, read only when no currency came with it. */
function bareNumberOf(text: string): number | undefined {
  const match = BARE_NUMBER.exec(text);
  if (!match) return undefined;
  const value = Number(match[1].replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The words after each correction inside the message ("..., no wait, ..."), the last first: a value
 * is read from the latest part that holds one. "9 days ago... no, 5" repeats the unit it corrects.
 */
function correctedTails(text: string): string[] {
  const tails: string[] = [];
  for (const match of text.matchAll(CORRECTION_INSIDE)) {
    const tail = text.slice((match.index ?? 0) + match[0].length).trim();
    if (tail) tails.unshift(withCorrectedUnit(tail, text));
  }
  return tails;
}

function withCorrectedUnit(tail: string, text: string): string {
  const bare = BARE_COUNT.exec(tail);
  const said = COUNTED_DAYS.exec(text);
  return bare && said ? `${bare[1]} ${bare[2] ?? said[1]} ago` : tail;
}

function readDate(text: string, aboutRefund: boolean, clock: UserClock): ArrivalResolution | undefined {
  const plain = text
    .replace(NEGATED_DAY, '')
    .replace(AGO_TODAY, 'ago')
    .replace(DAYS_SINCE, '$1 $2 ago, since');
  const clauses = plain.split(CLAUSE_BREAK).filter((part) => part && MAY_HOLD_DATE.test(part));
  // The clause that names the refund request first, then the whole message, then the first dated clause.
  const refundClause = aboutRefund ? clauses.find((part) => REFUND_WORDS.test(part)) : undefined;
  // "closed the contract yesterday ... he sent it this morning": the day of the end is not the request's.
  const notTheEnd =
    aboutRefund && !refundClause && clauses.some((part) => CONTRACT_END.test(part))
      ? clauses.find((part) => !CONTRACT_END.test(part) && REQUEST_ARRIVED.test(part))
      : undefined;
  const candidates = [refundClause, notTheEnd, plain, ...clauses].filter(
    (part): part is string => part !== undefined,
  );
  let fallback: ArrivalResolution | undefined;
  for (const part of candidates) {
    // The recognizer knows "on the 23rd" but not a bare "the 23rd".
    const reading = resolveArrivalDate(BARE_ORDINAL_DAY.test(part) ? `on ${part.trim()}` : part, clock);
    if (reading.kind === 'resolved') return reading;
    if (part === plain && reading.kind !== 'none') fallback = reading;
  }
  return fallback;
}
