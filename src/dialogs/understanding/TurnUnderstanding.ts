import type { TurnContext } from 'botbuilder';
import type { Choice } from '../../bot/rendering/choice';
import type { IntentResult } from '../../services/nlu/IntentRecognizer';
import { extractMoney } from '../../services/nlu/extractMoney';
import { extractAnswerPolarity, saysNotYet } from '../../services/nlu/entities/answerPolarity';
import { extractContractState } from '../../services/nlu/entities/contractState';
import { extractContractType } from '../../services/nlu/entities/contractType';
import { hasCorrectionMarker } from '../../services/nlu/entities/correctionMarker';
import { extractDelivery } from '../../services/nlu/entities/deliveryMention';
import { saysEscrowEmpty } from '../../services/nlu/entities/escrowEmpty';
import { extractNearScopeTopic } from '../../services/nlu/entities/nearScopeTopic';
import { extractRefundRequest } from '../../services/nlu/entities/refundRequest';
import { asksHowToCheck } from '../../services/nlu/entities/slotHelpQuestion';
import { extractSpeakerRole } from '../../services/nlu/entities/speakerRole';
import { resolveArrivalDate, userClockFrom, type UserClock } from '../../services/time';
import { findDisputeId } from '../disputes/findDisputeId';
import type { IntentSource } from '../IntentSource';
import type { TurnEntities } from './TurnEntities';

/** Longer messages are read up to here: every extractor then works on bounded text. */
const MAX_READ_CHARS = 600;

/** Cheap tests that decide whether the costly recognizers run at all. */
const MAY_HOLD_DATE =
  /\d|\b(?:today|tonight|yesterday|ago|recent|recently|while|lately|ages|couple|few|several|other day|morning|afternoon|evening|noon|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\b/i;
const MAY_HOLD_MONEY =
  /[\d$€£¥]|\b(?:dollars?|euros?|pounds?|usd|eur|gbp|cad|aud|bucks|hundred|thousand|grand)\b/i;

/** The clause that names the refund request, so "delivered on the 10th, refund asked 3 days ago" reads the 3 days. */
const CLAUSE_BREAK = /[.;!?]|,\s*|\s+(?:and|but|then|so)\s+/i;
const REFUND_WORDS = /\b(?:refund|money back|escrow back|funds back|asked for|request)/i;

const TURN_KEY = Symbol('turnUnderstanding');

/**
 * Everything the assistant reads from one message, computed once per turn before any dialog runs:
 * the entities at once (cheap, bounded regexes), the intent model and the date and money recognizers
 * only when something asks for them, and then at most once.
 */
export class TurnUnderstanding {
  readonly text: string;
  readonly disputeId: string | undefined;
  readonly entities: TurnEntities;
  private intentResult: Promise<IntentResult> | undefined;

  private constructor(
    text: string,
    private readonly intentSource: IntentSource,
    readonly clock: UserClock,
    /** The offered choice (menu, follow-up) this message picks, if any. */
    readonly picked: Choice | undefined,
  ) {
    this.text = text.slice(0, MAX_READ_CHARS);
    this.disputeId = findDisputeId(this.text);
    this.entities = readEntities(this.text, clock);
  }

  /** Reads the turn's message once; later calls in the same turn get the same understanding. */
  static of(
    context: TurnContext,
    intents: IntentSource,
    defaultTimeZone: string,
    picked?: Choice,
  ): TurnUnderstanding {
    const known = context.turnState.get(TURN_KEY) as TurnUnderstanding | undefined;
    if (known) return known;
    const text = context.activity.type === 'message' ? (context.activity.text?.trim() ?? '') : '';
    const understanding = new TurnUnderstanding(
      text,
      intents,
      userClockFrom(context.activity, defaultTimeZone),
      picked,
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
  return {
    contractState: extractContractState(text),
    refundRequested,
    date: MAY_HOLD_DATE.test(text) ? readDate(text, refundRequested === true, clock) : undefined,
    money: MAY_HOLD_MONEY.test(text) ? extractMoney(text) : undefined,
    delivered: extractDelivery(text),
    role: extractSpeakerRole(text),
    contractType: extractContractType(text),
    emptyEscrow: saysEscrowEmpty(text),
    answer: extractAnswerPolarity(text),
    notYet: saysNotYet(text),
    asksHowToCheck: asksHowToCheck(text),
    correction: hasCorrectionMarker(text),
    nearScope: extractNearScopeTopic(text),
  };
}

function readDate(text: string, aboutRefund: boolean, clock: UserClock) {
  if (aboutRefund) {
    const clause = text.split(CLAUSE_BREAK).find((part) => part && REFUND_WORDS.test(part));
    if (clause && clause !== text && MAY_HOLD_DATE.test(clause)) {
      const inClause = resolveArrivalDate(clause, clock);
      if (inClause.kind !== 'none') return inClause;
    }
  }
  const whole = resolveArrivalDate(text, clock);
  return whole.kind === 'none' ? undefined : whole;
}
