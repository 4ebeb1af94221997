import type { ContentRetriever, RetrievedTopic } from '../../services/nlu/ContentRetriever';
import type { IntentResult } from '../../services/nlu/IntentRecognizer';
import type { Inaction } from '../../services/nlu/entities/consequenceQuestion';
import { isIntentName, type IntentName } from '../../services/nlu/intents';
import { GUIDE_TOPICS, isGuideIntent, type GuideIntent } from '../guide/guideTopics';
import type { SlotValues } from '../slots/KnownSlots';
import { TOPIC_TITLES } from '../topics';
import type { TurnUnderstanding } from '../understanding/TurnUnderstanding';
import type { Command, FlowTopic } from './Command';
import type { SlotName } from './SlotName';

// ---- Every threshold of the conversation lives here. ----

/** Outside a flow, at or above this the assistant acts on the intent. */
export const CONFIDENT_SCORE = 0.7;
/** Inside a flow, only a reading this sure interrupts: an answer must never look like a change of subject. */
export const INTERRUPT_SCORE = 0.85;
/** A reading at least this likely is a plausible one, worth offering when clarifying. */
export const PLAUSIBLE_SCORE = 0.2;
/** Clarify only between readings this close: a far second is no real doubt. */
const CLARIFY_RATIO = 0.35;
/** Retrieval must match at least this many distinct words of the question to answer from it. */
const RETRIEVAL_MIN_TERMS = 2;
/** ...and score at least this (MiniSearch BM25, over this content). */
const RETRIEVAL_MIN_SCORE = 6;
/** A statement, not a question, is answered from retrieval only when it matches this many words. */
const RETRIEVAL_STATEMENT_TERMS = 3;
/**
 * Retrieval supports the model's reading when a topic with the same facts scores at least this share
 * of the best topic's score: two readings of one question, each the other's second opinion.
 */
const RETRIEVAL_SUPPORT_RATIO = 0.5;
/** After this many messages in a row not understood, a person is offered (never handed over unasked). */
export const MISUNDERSTOOD_BEFORE_OFFERING_PERSON = 3;

// ---- Rules that are words, not scores. ----

/** A person is handed the conversation only when the user asks for one in so many words. */
const ASKS_FOR_PERSON =
  /\b(?:talk|speak|chat|connect|transfer|put|pass|get|want|need|like|reach|contact|escalate)\b.{0,40}\b(?:person|human|agent|someone|somebody|representative|rep|staff|operator|real (?:person|human)|customer support|support team)\b|\b(?:connect|transfer|put) me (?:through )?(?:with|to) (?:the |a )?support\b|^(?:human|agent|person|representative|operator|customer support|live agent)[\s.!?]*$/i;
/** "am I talking to a bot?": small talk, never a hand-off. */
const ASKS_IF_BOT =
  /\b(?:are you|am i (?:talking|chatting|speaking|writing) (?:to|with)|is (?:this|it)|is this chat (?:with)?|who am i (?:talking|chatting) (?:to|with))\s+(?:a |an |with a |with an )?(?:bot|robot|ai|human|real person|real|person|machine|automated|chatbot|live person)\b/i;
/**
 * "do real people read my dispute?", "does anyone at upwork check it?": who looks at a dispute is the
 * mediation specialist (P9); a question about people, never a hand-off nor the user's dispute list.
 * "who will look at my dispute?" too; "who checks the refund request?" names no dispute, so not.
 */
const ASKS_WHO_REVIEWS =
  /^(?:(?:ok|okay|so|and|then|but|well)[,\s]+)*who(?:'ll| will| would| is going to| gets to| actually| really)?\s+(?:read|reads|review|reviews|look at|looks at|check|checks|go through|goes through|examine|examines|assess|assesses|evaluate|evaluates|judge|judges)\s+(?:my |the |our |this |that )?(?:dispute|disputes|claim|claims|case|evidence|proof|documents|screenshots|submission|side)\b|\b(?:real (?:people|persons?|humans?)|humans?|a person|people|someone|somebody|anyone|anybody|staff|employees?)\b.{0,30}\b(?:read|reads|review|reviews|look at|looks at|check|checks|handle|handles|decide|decides|go through|goes through)\b/i;
/** A question about what comes after mediation (the recommendation, arbitration, its cost) is not about mediation. */
const PAST_MEDIATION = /\b(?:recommend\w*|arbitrat\w*|binding|reject\w*|disagree\w*|fees?|cost\w*|pays?)\b/i;
/**
 * "the client's been in touch with the mediation specialist, is that normal?", "what if the freelancer
 * disputes it?": how a dispute is handled (mediation, P9), whoever asks.
 */
const ASKS_ABOUT_MEDIATION =
  /\b(?:mediation specialist|mediator)\b|\bwhat (?:if|happens if|happens when) (?:the |my |a )?(?:freelancer|client|they|he|she) (?:disputes?|files? a dispute|opens? a dispute)\b/i;
/** The user asks for their own deadline ("my deadline again?", "how many days do I have left?"). */
const OWN_DEADLINE = /\bmy deadline\b|\bhow (?:many days|much time|long) (?:do i have|have i got|is) left\b/i;
/** The topic that says who works on a dispute. */
const WHO_REVIEWS_TOPIC = 'mediation';
/** "can the specialist make the client pay?": whether anyone is bound is the recommendation's answer (P11). */
const ASKS_IF_COMPELLED =
  /\b(?:force|forces|forced|compel|compels|make|makes|oblige|obliges|obligate)\s+(?:the |my |a )?(?:client|buyer|freelancer|him|her|them|me|us)\s+(?:to\s+)?(?:pay|release|refund|accept|give)\b/i;
/** "do I have to go to arbitration?", "is it mandatory?": arbitration only follows a rejected recommendation (P11, P12). */
const ASKS_IF_ARBITRATION_REQUIRED =
  /\b(?:do|will|would) (?:i|we) (?:have|need) to (?:go to |go through |do |use |take it to )?arbitrat|\bmust (?:i|we) (?:go to )?arbitrat|\barbitration\b[^?.]{0,40}\b(?:mandatory|required|compulsory|obligatory)\b|\b(?:mandatory|required|compulsory|forced) (?:to go to )?arbitration\b/i;
const BINDING_TOPIC = 'recommendation';
/** What a claim should hold (P6, S2): the help for "idk" when a part of the claim is asked for. */
const CLAIM_ADVICE_TOPIC = 'claim_detail';
/** "idk", "no idea honestly": a reply this short that says "I don't know" is not an answer in words. */
const MAX_DONT_KNOW_WORDS = 5;
/** Words of one of the two covered cases (P1): without any, a filing route is only the model's guess. */
const CASE_WORDS =
  /\b(?:milestones?|escrow\w*|refund\w*|releas\w*|deliver\w*|submit\w*|pay|pays|paying|paid|payments?|work|job|contract\w*|ended|closed|dispute\w*)\b/i;
/** "the 24th", "on nov 20": a message this short holding a new day puts the known day right. */
const MAX_DAY_ONLY_WORDS = 4;
/** A digit or a word only a day has (not "next", "this", "last", which the date reader also looks at). */
const NAMES_A_DAY =
  /\d|\b(?:yesterday|today|ago|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b|\b(?:january|february|march|april|june|july|august|september|october|november|december)\b/i;
const COMMAND_WORDS: Partial<Record<IntentName, RegExp>> = {
  cancel: /\b(?:cancel|stop|quit|exit|abort|never ?mind|forget (?:it|this|about it)|don'?t want)\b/i,
  start_over:
    /\b(?:start (?:over|again)|restart|from (?:the )?(?:beginning|start|scratch|top)|reset|begin again)\b/i,
  help: /\b(?:help|confused|don'?t understand|what (?:do|can|should) i (?:do|say)|options)\b/i,
  greeting: /\b(?:hi|hello|hey|good (?:morning|afternoon|evening)|howdy|yo)\b/i,
  thanks: /\b(?:thanks?|thank you|thx|ty|cheers|appreciate)\b/i,
  goodbye: /\b(?:bye|goodbye|see you|see ya|cya|that'?s all|talk later|have a good)\b/i,
};
/** A question in form: answered first, and never taken as a slot's answer. "roughly how much ..." too. */
const QUESTION =
  /\?\s*$|^\w+,?\s+(?:how|what|why|who|when|where|which)\b|^(?:(?:ok|okay|so|and|then|but|well|um|hmm|plz|pls|please|wait)[,\s]+)*(?:what|how|who|whose|when|why|where|which|is|are|can|could|do|does|did|will|would|should|if|list|show|tell|explain|give|walk|after)\b|\b(?:what (?:hap+(?:en|ens|ened)?|now|next|then)|then what|tell me|show me|explain)\b|^just (?:list|show|tell|give|walk|explain)\b/i;
/** Questions about who or which: answered from the content, never the start of a flow. */
const INFO_QUESTION = /^(?:who|whom|whose|which)\b/i;
/** The user speaks of their own case ("am I covered", "my client"), not the rules in general. */
const OWN_CASE = /\b(?:i|i'm|im|me|my|mine|we|our)\b/i;
/** The model reads "my disputes" into any sentence with "dispute": the words must say the user's own disputes. */
const MY_DISPUTES_WORDS =
  /\b(?:my (?:disputes?|cases?)|disputes? (?:i|i've|i have) (?:filed|opened)|(?:see|check|find|track|update|view|show|list|open) (?:my |the |all )?disputes|disputes? status|status of (?:my |the )?dispute|reference)\b/i;
/** "what should I put in my dispute?": what the claim says (P6, S2), not where the user's disputes are. */
const CLAIM_CONTENT =
  /\b(?:put|write|say|include|mention|type|explain)\b.{0,30}\b(?:in|into|inside) (?:my|the|a) (?:dispute|claim)\b/i;
/** "can I file?", "am I covered?": the user's own case, which the eligibility questions answer. */
const OWN_CASE_QUESTION = /^(?:can|am|do|does|could|would|is|will) (?:i|my)\b/i;
/** One or two words naming a topic ("dispute", "refund"): which of its readings is meant is asked. */
const BARE_TOPIC_WORDS = 2;
/** "i have a contract issue": a trouble named without any of the case, as bare as a topic word. */
const VAGUE_TROUBLE =
  /^(?:(?:hi|hello|hey)[,!.]?\s+)?(?:i (?:have|got|'ve got)|i'?m having|there'?s|got) (?:a |an |some )?(?:contract|client|payment|job|milestone|escrow)? ?(?:issue|problem|trouble|question)s?(?: with (?:a |my |the )?(?:contract|client|job|payment))?[\s.!?]*$/i;
/** "how do I even check if my contract ended?": where the contract's state shows, asked outright (the state it names is asked, not said). */
const CHECKS_STATE =
  /\bhow (?:do|can|would|should) i (?:even )?(?:check|know|tell|see|find out) (?:if|whether) (?:my |the |our )?(?:contract|job|it)(?:'s| is| has| was)? (?:really |actually |been )?(?:ended|closed|over|active|still open|still running)\b/i;
/** "not sure what counts as proof": a question inside a doubt, answered like one ("what to do" asks for help). */
const EMBEDDED_QUESTION =
  /\b(?:not sure|no idea|don'?t know|dunno|unsure|wondering)\s+(?:what|how|where|who|which)\b(?!\s+(?:to do|now|next|to proceed)\b)/i;
/** Money trouble with no clear route: ask whether the contract ended, the one thing that decides it. */
const MONEY_TROUBLE =
  /\b(?:pay|paid|payment|payments|money|escrow|refund|milestone|dispute|won'?t pay|not paying|hasn'?t paid|scam(?:med)?|owes?)\b/i;
/** Flows that start from a contract situation; the contract's state decides which. */
const ROUTE_BY_CONTRACT: ReadonlySet<IntentName> = new Set(['eligibility', 'file_ended', 'file_active']);
/** Slots whose question has an answer the user can look up: "I don't know" gets help to find it. */
const HELPED_SLOTS: ReadonlySet<SlotName> = new Set([
  'arrival',
  'contract_type',
  'contract_state',
  'escrow',
  'refund_request',
  'delivered',
  'amount',
]);

/** "also unrelated but ...", "btw ...": the message steps aside from the question asked. */
const DIGRESSION =
  /\b(?:unrelated|by the way|btw|side note|off[- ]topic|another (?:question|thing|issue)|(?:a )?(?:different|separate) (?:question|topic|thing|issue))\b/i;

/** Slots answered in the user's own words: a date or a refund there is part of the story, not a correction. */
const FREE_TEXT_SLOTS: ReadonlySet<SlotName> = new Set([
  'milestone',
  'delivery_details',
  'client_said',
  'claim_text',
]);

/** The readings a money trouble can have when the contract's state is unknown. */
const CONTRACT_ROUTES: IntentName[] = ['file_ended', 'file_active', 'eligibility'];
/** Retrieval topics that are the same thing as a flow: answering them means starting it. */
const TOPIC_FLOWS: Readonly<Record<string, FlowTopic>> = { my_disputes: 'my_disputes' };

/**
 * Who does not act decides what a consequence question is about: the user letting the refund request
 * lapse is the 7-day window and what follows it (P3, S1); the client not answering is P10.
 */
const INACTION_TOPICS: Readonly<Record<Inaction, string>> = { own: 'deadline', client: 'unresponsive' };
/** The user not acting at a later stage ("if I ignore the recommendation") is not the refund window. */
const LATER_STAGE = /\b(?:mediat\w*|recommend\w*|arbitrat\w*|specialist)\b/i;
/** Topics that give the filing itself; a question about what follows the filing wants the next stage. */
const FILING_TOPICS: ReadonlySet<string> = new Set([
  'filing_steps',
  'find_refund_request',
  'who_handles',
  'active_route',
]);
/** Topics that say where something is: "where do I see ...?" is answered by one of them when it ranks near the best. */
const LOCATION_TOPICS: ReadonlySet<string> = new Set(['my_disputes', 'find_refund_request', 'filing_steps']);
const WHERE = /\b(?:where|wher|whre)\b/i;
/**
 * "just list me the steps", "what are the steps to dispute?": the steps asked for outright are the
 * answer, even when the message names the kind of contract; a question of the flow would stand in the way.
 */
const ASKS_FOR_STEPS =
  /\b(?:list|show|give|tell|send|walk)\b(?: me)?(?: through)?(?: all)? the (?:\w+ )?(?:steps|instructions|procedure)\b|\bwhat are (?:all )?the (?:\w+ )?steps\b|\bstep[- ]by[- ]step\b/i;
/** A pronoun that stands for the subject under discussion ("how do I reject it?"). */
const PRONOUN = /\b(?:it|this|that|one)\b/i;
/** What "it" is on each filing route, when the question alone matches too little. */
const ROUTE_SUBJECT: Readonly<Record<'ended' | 'active', string>> = {
  ended: 'refund request',
  active: 'milestone payment',
};
/**
 * A flow whose opening facts a general question asks for: "how many days do I get to answer a
 * refund request?" is answered (P3, S1), with working out the user's own deadline offered, not asked.
 */
const FLOW_ANSWERS: Partial<Record<IntentName, GuideIntent>> = { file_ended: 'guide_deadline' };
/** What follows the filing (P9, P11). */
const AFTER_FILING_TOPIC = 'mediation';

/** The query that finds the coverage facts (P1) in the content. */
const COVERAGE_QUERY = 'which situations are covered';
/** One distinctive word can be enough: a rare content word scores this high on its own. */
const RETRIEVAL_SINGLE_TERM_SCORE = 8;
/** Retrieval topics that are about a slot's own question: help for that slot, not a digression. */
const SLOT_TOPICS: Partial<Record<SlotName, readonly string[]>> = {
  arrival: ['find_refund_request', 'deadline', 'filing_steps'],
  refund_request: ['find_refund_request', 'filing_steps'],
  contract_type: ['coverage'],
  contract_state: ['coverage'],
  escrow: ['coverage'],
  delivered: ['coverage', 'active_route'],
  amount: ['claim_detail'],
};

/** Where the conversation is when the message arrives. */
export interface DialogueSituation {
  /** The slot the innermost flow waits on; undefined outside a flow. */
  slot?: SlotName;
  inFlow: boolean;
  /** The route of the flow under way, when it is one of the two filing routes. */
  route?: 'ended' | 'active' | 'eligibility';
  /** The waiting step accepts the message as it is (a choice it offered, a date it asked for). */
  answersStep: boolean;
  known: SlotValues;
}

/**
 * Turns one turn's understanding into one command: the single place that decides what the
 * assistant does with a message, in flows and outside them.
 */
export class DialoguePolicy {
  constructor(private readonly retriever: ContentRetriever) {}

  async decide(understanding: TurnUnderstanding, situation: DialogueSituation): Promise<Command> {
    return situation.inFlow
      ? this.inFlow(understanding, situation)
      : this.outsideFlow(understanding, situation);
  }

  private async inFlow(u: TurnUnderstanding, situation: DialogueSituation): Promise<Command> {
    const { entities, text } = u;
    const { slot } = situation;
    if (text === '') return { kind: 'fill_slot' };
    if (ASKS_IF_BOT.test(text)) return { kind: 'chitchat', topic: 'bot_identity' };
    if (ASKS_FOR_PERSON.test(text)) return { kind: 'handoff' };

    const correction = correctionOf(u, situation);
    // "not the 22nd, it was the 24th. also what if I miss the deadline?": the question is answered too.
    if (correction?.kind === 'correct_slot' && QUESTION.test(text)) {
      const alsoAsked = this.consequence(u) ?? this.retrieveFor(u, subjectOf(situation));
      return alsoAsked ? { ...correction, alsoAsked } : correction;
    }
    if (correction) return correction;
    if (situation.answersStep) return { kind: 'fill_slot' };
    // "remind me of my deadline?" once the day is known: their own deadline again, then the step.
    if (situation.known.arrival && OWN_DEADLINE.test(text))
      return { kind: 'answer', guide: 'guide_deadline' };
    // "what if I just ignore it?" at any prompt: the consequence, then the prompt again.
    const consequence = slot !== undefined && FREE_TEXT_SLOTS.has(slot) ? undefined : this.consequence(u);
    if (consequence) return { kind: 'answer_retrieved', topic: consequence };
    // "who will look at my dispute?" has the words of "where do I see it?" (P8) and asks who (P9).
    const whoReviews = this.whoReviews(u);
    if (whoReviews) return { kind: 'answer_retrieved', topic: whoReviews };

    // "idk" asked for a part of the claim: what a claim should hold (P6, S2), then the question again;
    // the claim pasted into the platform never reads "What I delivered: idk".
    const shortReply = wordCount(text) <= MAX_DONT_KNOW_WORDS;
    if (slot === 'claim_text' && entities.answer === 'dont_know' && shortReply) {
      const advice = this.retriever.topic(CLAIM_ADVICE_TOPIC, {
        score: RETRIEVAL_MIN_SCORE,
        matchedTerms: 0,
      });
      if (advice) return { kind: 'answer_retrieved', topic: advice };
    }
    if (slot && HELPED_SLOTS.has(slot)) {
      const notYet = entities.notYet || (slot === 'arrival' && entities.refundRequested === false);
      // "where will I see this later?" asks about something else than the question waiting.
      const elsewhere = entities.asksHowToCheck ? this.retrieve(text) : undefined;
      if (elsewhere && !this.aboutSlot(text, slot, elsewhere))
        return { kind: 'answer_retrieved', topic: elsewhere };
      if (entities.answer === 'dont_know' || entities.asksHowToCheck || notYet)
        return { kind: 'slot_help', slot, notYet };
    }
    const cannotHandle = cannotHandleOf(u);
    if (cannotHandle && QUESTION.test(text)) return cannotHandle;
    // "also, my withdrawal to paypal keeps failing": a subject next door, said in passing, not an answer.
    // In the user's own words (a milestone's name, the claim) only when they say it is a side remark.
    const freeText = slot !== undefined && FREE_TEXT_SLOTS.has(slot) && !DIGRESSION.test(text);
    if (cannotHandle && entities.nearScope && !freeText && !answersAValue(u)) return cannotHandle;

    const intents = await u.intents();
    const command = commandOf(intents, text, INTERRUPT_SCORE);
    if (command && command.kind === 'help') {
      const retrieved = this.retrieveFor(u);
      if (helpAsksContent(command, retrieved, u))
        return { kind: 'answer_retrieved', topic: retrieved as RetrievedTopic };
    }
    if (command && command.kind !== 'chitchat') return command;
    if (QUESTION.test(text) || entities.asksHowToCheck) {
      const retrieved = this.retrieveFor(u, subjectOf(situation));
      const guide =
        isGuideIntent(intents.intent) && intents.score >= INTERRUPT_SCORE ? intents.intent : undefined;
      const overruled = (topic: IntentName) =>
        retrieved !== undefined && disagrees(topic, retrieved, this.retriever.ranked(text), false, text);
      if (guide && !overruled(guide)) return { kind: 'answer', guide };
      if (retrieved) return { kind: 'answer_retrieved', topic: retrieved };
    }
    return { kind: 'fill_slot' };
  }

  private async outsideFlow(u: TurnUnderstanding, situation: DialogueSituation): Promise<Command> {
    const { entities, text } = u;
    // "so who do I talk to?" shares words with the "Talk to a person" button, but asks, it does not pick.
    const typedQuestion = !u.fromButton && QUESTION.test(text) && !ASKS_FOR_PERSON.test(text);
    if (u.picked?.value === 'talk_to_person' && typedQuestion) return { kind: 'point_to_help' };
    // "no idea, how do I check if it ended?": where to look first (even when "no idea" names the
    // "not sure" choice); the choices of route follow, so what the user finds takes them on.
    const checksState =
      !u.fromButton &&
      CHECKS_STATE.test(text) &&
      !entities.refundRequested &&
      entities.delivered === undefined;
    if (checksState) return { kind: 'slot_help', slot: 'contract_state', notYet: false };
    if (u.picked && isIntentName(u.picked.value)) return commandForTopic(u.picked.value);
    if (u.disputeId) return { kind: 'start_flow', topic: 'my_disputes' };
    if (ASKS_IF_BOT.test(text)) return { kind: 'chitchat', topic: 'bot_identity' };
    if (ASKS_FOR_PERSON.test(text)) return { kind: 'handoff' };
    const cannotHandle = cannotHandleOf(u);
    if (cannotHandle) return cannotHandle;
    const whoReviews = this.whoReviews(u);
    if (whoReviews) return { kind: 'answer_retrieved', topic: whoReviews };

    // "he asked for the escrow back yesterday, what if I ignore it?": the filing, the question answered first.
    const dueToo = refundDated(u) && QUESTION.test(text) ? this.consequence(u) : undefined;
    if (dueToo) return { kind: 'start_flow', topic: 'file_ended', alsoAsked: dueToo };
    const consequence = hasSituation(u) ? undefined : this.consequence(u);
    if (consequence && !refundDated(u)) return { kind: 'answer_retrieved', topic: consequence };
    const retrieved = this.retrieveFor(u, subjectOf(situation));
    if (retrieved?.id === 'filing_steps' && ASKS_FOR_STEPS.test(text) && !refundDated(u))
      return retrievedCommand(retrieved);
    // "I can't locate the refund request", "who handles it?": an answer, not a questionnaire.
    // "how would I know if it's fixed-price? he ended it and wants a refund": the filing, whose
    // first question comes with where to find the request.
    // "he wants a refund, I don't know when he asked, how do I check?": the same, with that help first.
    const filingTold =
      entities.refundRequested === true &&
      (entities.contractState === 'ended' || (entities.unsure && entities.contractState !== 'active'));
    if (filingTold && (entities.asksHowToCheck || entities.unsure))
      return { kind: 'start_flow', topic: 'file_ended' };
    const embedded = EMBEDDED_QUESTION.test(text) && !hasSituation(u);
    if (retrieved && (entities.asksHowToCheck || INFO_QUESTION.test(text) || embedded))
      return retrievedCommand(retrieved);
    const intents = await u.intents();
    const command = commandOf(intents, text, CONFIDENT_SCORE);
    if (command && helpAsksContent(command, retrieved, u))
      return retrievedCommand(retrieved as RetrievedTopic);
    // "contract ongoing, work delivered, help": help with the case told, not the menu.
    if (command && !(command.kind === 'help' && hasSituation(u))) return command;
    if (entities.emptyEscrow) {
      const coverage = this.retriever.best(COVERAGE_QUERY);
      if (coverage) return { kind: 'answer_retrieved', topic: coverage };
    }
    // "sorry, I meant fixed-price": the eligibility questions again, with the corrected answer.
    if (entities.correction && entities.contractType === 'fixed' && !hasSituation(u))
      return { kind: 'start_flow', topic: 'eligibility' };
    // "no idea when the refund request came": the filing, whose first question comes with where to look.
    if (
      entities.answer === 'dont_know' &&
      entities.refundRequested === true &&
      entities.contractState !== 'active'
    )
      return { kind: 'start_flow', topic: 'file_ended' };
    // "I don't know if it ended": the questions that decide it, which begin with what is covered.
    // Unsure of something else ("hourly or fixed?") while the case is told in full: routed below.
    if (
      entities.answer === 'dont_know' &&
      (entities.contractState || MONEY_TROUBLE.test(text)) &&
      !(toldInFull(u) && entities.unsureAbout !== 'contract_state')
    )
      return { kind: 'start_flow', topic: 'eligibility' };
    // "wait no, 2 days ago" after the flow ended: the day is corrected and the deadline said again.
    if (entities.correction && entities.date?.kind === 'resolved' && situation.known.arrival)
      return { kind: 'correct_slot', slot: 'arrival' };

    // "he just sent it, this morning" after saying none had come: the filing, dated.
    const awaited = situation.known.refundRequested === true && situation.known.contractState !== 'active';
    if (entities.itArrived && awaited && entities.date?.kind === 'resolved')
      return { kind: 'start_flow', topic: 'file_ended' };
    const known = { ...situation.known, ...knownFrom(u) };
    const bare = bareTopic(u, intents);
    if (bare) return bare;
    const routed = routeByContract(u, intents, known);
    if (routed) return routed;

    const question = QUESTION.test(text) || entities.asksHowToCheck;
    const confident =
      isIntentName(intents.intent) &&
      !(intents.intent in COMMAND_WORDS) &&
      intents.score >= CONFIDENT_SCORE &&
      (intents.intent !== 'my_disputes' || (MY_DISPUTES_WORDS.test(text) && !CLAIM_CONTENT.test(text)));
    if (confident && isIntentName(intents.intent)) {
      const topic = intents.intent;
      // The model is sure of itself on text it never saw; retrieval over the content is the second opinion.
      const ranked = this.retriever.ranked(text);
      if (retrieved && question && disagrees(topic, retrieved, ranked, hasSituation(u), text))
        return retrievedCommand(retrieved);
      if (topic === 'eligibility' && question && !OWN_CASE.test(text) && !hasSituation(u)) {
        const coverage = this.retriever.best(COVERAGE_QUERY);
        if (coverage) return { kind: 'answer_retrieved', topic: coverage };
      }
      if (isGuideIntent(topic) && !question && !agrees(topic, retrieved) && MONEY_TROUBLE.test(text))
        return { kind: 'clarify_contract_state' };
      const answers = FLOW_ANSWERS[topic];
      const general = !hasSituation(u) && situation.known.contractState === undefined;
      if (answers && question && general && agrees(topic, retrieved))
        return { kind: 'answer', guide: answers };
      // "I have a problem with a client and money": a route the model guessed from no word of either case.
      const unnamedCase =
        (topic === 'file_active' || topic === 'file_ended') &&
        !hasSituation(u) &&
        entities.refundRequested === undefined &&
        situation.known.contractState === undefined &&
        !CASE_WORDS.test(text);
      if (unnamedCase) return { kind: 'clarify_contract_state' };
      if (topic !== 'out_of_scope' && topic !== 'talk_to_person') return commandForTopic(topic);
    }
    // Not sure enough alone, but retrieval finds the same facts: the model's answer, which both back.
    const likely = intents.ranked[0];
    const likelyGuide =
      likely && likely.score >= PLAUSIBLE_SCORE && isGuideIntent(likely.intent) ? likely.intent : undefined;
    if (question && likelyGuide && supported(likelyGuide, this.retriever.ranked(text)))
      return { kind: 'answer', guide: likelyGuide };
    if (retrieved && question) return retrievedCommand(retrieved);

    const plausible = intents.ranked.filter(
      (ranked) =>
        ranked.score >= PLAUSIBLE_SCORE &&
        ranked.score >= (intents.ranked[0]?.score ?? 0) * CLARIFY_RATIO &&
        TOPIC_TITLES[ranked.intent] !== undefined &&
        ranked.intent !== 'talk_to_person',
    );
    const troubled =
      MONEY_TROUBLE.test(text) ||
      entities.money !== undefined ||
      entities.delivered !== undefined ||
      entities.contractState !== undefined;
    if (troubled && !question) {
      // Money trouble: the readings that matter are the two routes, whatever else the model thought of.
      const route = plausible.find((ranked) => ROUTE_BY_CONTRACT.has(ranked.intent))?.intent;
      if (route)
        return { kind: 'clarify', options: [route, ...CONTRACT_ROUTES.filter((other) => other !== route)] };
      return { kind: 'clarify_contract_state' };
    }
    if (plausible.length >= 2) return { kind: 'clarify', options: plausible.map((ranked) => ranked.intent) };
    if (retrieved && retrieved.matchedTerms >= RETRIEVAL_STATEMENT_TERMS) return retrievedCommand(retrieved);
    if (troubled) return { kind: 'clarify_contract_state' };
    if (plausible.length === 1 && intents.intent !== 'out_of_scope')
      return commandForTopic(plausible[0].intent);
    return { kind: 'out_of_scope' };
  }

  /** A topic about the slot's own question scores near the best: the question is about the slot. */
  private aboutSlot(text: string, slot: SlotName, best: RetrievedTopic): boolean {
    const own = SLOT_TOPICS[slot] ?? [];
    return this.retriever
      .ranked(text)
      .some((topic) => own.includes(topic.id) && topic.score >= best.score * RETRIEVAL_SUPPORT_RATIO);
  }

  /**
   * A question about what follows when someone does not act: the topic its subject decides. Retrieval
   * alone cannot: "ignore" is in the words of both the refund window and the silent client.
   */
  private consequence(u: TurnUnderstanding): RetrievedTopic | undefined {
    const { inaction } = u.entities;
    if (!inaction || (inaction === 'own' && LATER_STAGE.test(u.text))) return undefined;
    return this.retriever.topic(INACTION_TOPICS[inaction], { score: RETRIEVAL_MIN_SCORE, matchedTerms: 0 });
  }

  /** "does a real person read it?", "is it normal the specialist contacted him?": mediation, asked as a question. */
  private whoReviews(u: TurnUnderstanding): RetrievedTopic | undefined {
    if (!QUESTION.test(u.text)) return undefined;
    if (ASKS_IF_COMPELLED.test(u.text) || ASKS_IF_ARBITRATION_REQUIRED.test(u.text))
      return this.retriever.topic(BINDING_TOPIC, { score: RETRIEVAL_MIN_SCORE, matchedTerms: 0 });
    const aboutMediation =
      ASKS_ABOUT_MEDIATION.test(u.text) && u.entities.inaction === undefined && !PAST_MEDIATION.test(u.text);
    if (!ASKS_WHO_REVIEWS.test(u.text) && !aboutMediation) return undefined;
    return this.retriever.topic(WHO_REVIEWS_TOPIC, { score: RETRIEVAL_MIN_SCORE, matchedTerms: 0 });
  }

  /** Retrieval for this message: a question about what follows the filing gets that stage, not the steps. */
  private retrieveFor(u: TurnUnderstanding, subject?: string): RetrievedTopic | undefined {
    // "how do I reject it?" on the ended route: too few words alone; "it" is the refund request.
    const retrieved =
      this.retrieve(askedPart(u.text)) ??
      (subject && PRONOUN.test(u.text) ? this.retrieve(`${u.text} ${subject}`) : undefined);
    if (retrieved && WHERE.test(u.text)) return this.locationOf(u.text, retrieved);
    if (!retrieved || !u.entities.afterFiling) return retrieved;
    if (!FILING_TOPICS.has(retrieved.id)) return retrieved;
    return this.retriever.topic(AFTER_FILING_TOPIC, retrieved) ?? retrieved;
  }

  /** "where do I see my dispute after?": a place answers a where-question, not the stages "after" matched. */
  private locationOf(text: string, best: RetrievedTopic): RetrievedTopic {
    if (LOCATION_TOPICS.has(best.id)) return best;
    const place = this.retriever.ranked(text).find((topic) => LOCATION_TOPICS.has(topic.id));
    return place && place.score >= best.score * RETRIEVAL_SUPPORT_RATIO ? place : best;
  }

  private retrieve(text: string): RetrievedTopic | undefined {
    const best = this.retriever.best(text);
    if (!best) return undefined;
    const strong =
      (best.matchedTerms >= RETRIEVAL_MIN_TERMS && best.score >= RETRIEVAL_MIN_SCORE) ||
      best.score >= RETRIEVAL_SINGLE_TERM_SCORE;
    return strong ? best : undefined;
  }
}

/**
 * "quick question before I hit continue - do I pay for arbitration?": the question after a dash or
 * colon is what is asked; the lead-in's words ("continue", "dispute") would pull retrieval elsewhere.
 */
function askedPart(text: string): string {
  const parts = text.split(/\s+[-–—]+\s+|:\s+/);
  const last = parts[parts.length - 1];
  return parts.length > 1 && /\?\s*$/.test(last) && wordCount(last) >= 4 ? last : text;
}

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}

/** What the conversation is about, for a question that says "it": the filing route's subject. */
function subjectOf(situation: DialogueSituation): string | undefined {
  if (situation.route === 'ended' || situation.route === 'active') return ROUTE_SUBJECT[situation.route];
  const { contractState, refundRequested } = situation.known;
  if (refundRequested === true && contractState !== 'active') return ROUTE_SUBJECT.ended;
  return undefined;
}

/** The message carries a value a prompt may be waiting for: a sum, a number, yes or no. */
function answersAValue(u: TurnUnderstanding): boolean {
  const { entities } = u;
  return entities.money !== undefined || entities.bareNumber !== undefined || entities.answer !== undefined;
}

function retrievedCommand(topic: RetrievedTopic): Command {
  const flow = TOPIC_FLOWS[topic.id];
  return flow ? { kind: 'start_flow', topic: flow } : { kind: 'answer_retrieved', topic };
}

/** A refund request with its day: the filing gives the deadline, which answers more than any question. */
function refundDated(u: TurnUnderstanding): boolean {
  return u.entities.refundRequested === true && u.entities.date?.kind === 'resolved';
}

/**
 * "what do I do after clicking See Request?" has help's words ("what do I do") and a question the
 * content answers word for word: the answer, not the menu. A plea with no such words stays help.
 */
function helpAsksContent(
  command: Command,
  retrieved: RetrievedTopic | undefined,
  u: TurnUnderstanding,
): boolean {
  return (
    command.kind === 'help' &&
    retrieved !== undefined &&
    retrieved.matchedTerms >= RETRIEVAL_STATEMENT_TERMS &&
    !hasSituation(u)
  );
}

/** The user tells of their own case (a contract's state, a refund, a date, a delivery, an amount). */
function hasSituation(u: TurnUnderstanding): boolean {
  const { entities } = u;
  return (
    entities.contractState !== undefined || entities.delivered !== undefined || entities.money !== undefined
  );
}

/**
 * The message names the contract's state and what happened on it (a delivered milestone on an active
 * one; money in escrow or a refund request on an ended one): the route is decided by the words alone.
 */
function toldInFull(u: TurnUnderstanding): boolean {
  const { contractState, delivered, escrowFunded, refundRequested } = u.entities;
  if (contractState === 'active') return delivered === true;
  return contractState === 'ended' && (escrowFunded === true || refundRequested === true);
}

/**
 * Retrieval leads with a fact the intent's answer says. Its lead, not any fact: "settled without
 * arbitration?" retrieves the recommendation (P11, then P12), which the arbitration answer (P12, P13)
 * shares a fact with but does not answer.
 */
function agrees(topic: IntentName, retrieved: RetrievedTopic | undefined): boolean {
  if (!retrieved) return false;
  return factsOf(topic).includes(retrieved.facts[0]);
}

function factsOf(topic: IntentName): readonly string[] {
  return isGuideIntent(topic) ? GUIDE_TOPICS[topic].facts : (FLOW_FACTS[topic] ?? []);
}

/**
 * A topic about the intent's answer (its first fact is one the intent says) scores near the best:
 * retrieval backs the model's reading. The overview of every stage mentions everything; it leads
 * with mediation, so it backs only readings about mediation.
 */
function supported(topic: IntentName, ranked: readonly RetrievedTopic[]): boolean {
  const best = ranked[0]?.score ?? 0;
  const facts = factsOf(topic);
  return ranked.some(
    (other) => facts.includes(other.facts[0]) && other.score >= best * RETRIEVAL_SUPPORT_RATIO,
  );
}

/**
 * A question whose words clearly point at other content than the intent's answer: "list the steps
 * for me" is not the recommendation after mediation; "who handles an ended-contract dispute?" asks
 * who, it does not start a filing. A user telling their own case goes to the flow. One matched word
 * overrules the model only when no topic with the intent's facts matched any word at all.
 */
function disagrees(
  topic: IntentName,
  retrieved: RetrievedTopic,
  ranked: readonly RetrievedTopic[],
  situation: boolean,
  text: string,
): boolean {
  if (agrees(topic, retrieved) || supported(topic, ranked)) return false;
  if (retrieved.matchedTerms < RETRIEVAL_MIN_TERMS) {
    // "and if I do nothing?": one rare word, and nothing of the intent's answer matched it.
    const touched = ranked.some(
      (other) => agrees(topic, other) && other.score >= retrieved.score * RETRIEVAL_SUPPORT_RATIO,
    );
    return isGuideIntent(topic) && !touched;
  }
  if (isGuideIntent(topic)) return true;
  if (topic === 'eligibility') return !situation && !OWN_CASE_QUESTION.test(text);
  return (topic === 'file_ended' || topic === 'file_active') && !situation;
}

/** What starting a flow says first: retrieval of the same facts is agreement, not a second reading. */
const FLOW_FACTS: Partial<Record<IntentName, readonly string[]>> = {
  file_ended: ['P3'],
  file_active: ['P7'],
  eligibility: ['P1'],
  my_disputes: ['P8'],
};

/**
 * "dispute", "refund": a topic named and nothing else. Starting a flow on it guesses the route;
 * the readings are offered instead.
 */
function bareTopic(u: TurnUnderstanding, intents: IntentResult): Command | undefined {
  const words = u.text.split(/\s+/).filter(Boolean);
  const topic = intents.intent;
  const bareWords = words.length <= BARE_TOPIC_WORDS || VAGUE_TROUBLE.test(u.text);
  if (!bareWords || hasSituation(u) || !isIntentName(topic)) return undefined;
  if (topic === 'my_disputes' && OWN_CASE.test(u.text)) return undefined;
  if (!ROUTE_BY_CONTRACT.has(topic) && topic !== 'my_disputes') return undefined;
  const options: IntentName[] = [...CONTRACT_ROUTES, 'my_disputes'];
  return { kind: 'clarify', options: [topic, ...options.filter((option) => option !== topic)] };
}

/** What this message adds to the known slots, for routing in the same turn. */
function knownFrom(u: TurnUnderstanding): SlotValues {
  return {
    contractState: u.entities.contractState,
    refundRequested: u.entities.refundRequested,
    escrowFunded: u.entities.escrowFunded,
    delivered: u.entities.delivered,
  };
}

/**
 * A correction marker with a new value, or a refund date said again while the flow already has one:
 * the slot is corrected. "It hasn't ended yet" during the ended-contract flow switches flows.
 */
function correctionOf(u: TurnUnderstanding, situation: DialogueSituation): Command | undefined {
  const { entities } = u;
  const { known, slot } = situation;
  const marked = entities.correction;
  const freeText = slot !== undefined && FREE_TEXT_SLOTS.has(slot);
  if (marked && entities.contractState === 'active' && known.contractState !== 'active' && known.arrival)
    return { kind: 'switch_flow', topic: 'file_active' };
  // "it's still open, it never ended" on the ended route, at any step: the route was wrong.
  const saysActive = entities.contractState === 'active' && !freeText && !QUESTION.test(u.text);
  if (saysActive && situation.route === 'ended') return { kind: 'switch_flow', topic: 'file_active' };
  if (marked && entities.contractState === 'active' && slot === 'arrival')
    return { kind: 'switch_flow', topic: 'file_active' };
  // "yes, he sent a refund request yesterday" during the eligibility questions: the filing, dated.
  if (
    situation.route === 'eligibility' &&
    entities.refundRequested === true &&
    entities.contractState !== 'active' &&
    entities.date?.kind === 'resolved'
  )
    return { kind: 'switch_flow', topic: 'file_ended' };
  // "oh wait, he ended the contract", or unmarked "he ended the job and wants the escrow back": from
  // the active route to the ended one.
  const saysEndedWithEscrow =
    entities.contractState === 'ended' &&
    (entities.refundRequested === true || entities.escrowFunded === true) &&
    !freeText &&
    !QUESTION.test(u.text);
  if ((marked || saysEndedWithEscrow) && entities.contractState === 'ended' && situation.route === 'active')
    return { kind: 'switch_flow', topic: 'file_ended' };
  // "the 24th" alone, once the day is known and no date is asked for: the day put right.
  // Not where a value of its own is asked ("$500" for the amount), nor for an amount; NAMES_A_DAY
  // first: "next" and "back" (most messages mid-flow) never reach the date recognizer.
  const onlyADay =
    !freeText &&
    !(slot !== undefined && HELPED_SLOTS.has(slot)) &&
    entities.money === undefined &&
    NAMES_A_DAY.test(u.text) &&
    wordCount(u.text) <= MAX_DAY_ONLY_WORDS &&
    !QUESTION.test(u.text);
  const mayCorrectDay =
    known.arrival !== undefined &&
    slot !== 'arrival' &&
    (marked || onlyADay || (!freeText && entities.refundRequested === true));
  // Read last: the date recognizer runs only when a corrected day is possible at all.
  const date = mayCorrectDay ? entities.date : undefined;
  // "no wait, it was last wednesday" (two days) or "no, it was last week": the correction asks which day.
  const newDate =
    date?.kind === 'ambiguous' ||
    (date?.kind === 'vague' && marked) ||
    (date?.kind === 'resolved' && date.arrivedAt.toISOString() !== known.arrival?.arrivedAt);
  if (newDate) return { kind: 'correct_slot', slot: 'arrival' };
  if ((entities.money || entities.bareNumber !== undefined) && known.amount && slot !== 'amount' && marked)
    return { kind: 'correct_slot', slot: 'amount' };
  return undefined;
}

/** Subjects next to this assistant's: say what it covers and where the right help is. */
function cannotHandleOf(u: TurnUnderstanding): Command | undefined {
  const { entities } = u;
  if (entities.role === 'client') return { kind: 'cannot_handle', reason: 'client' };
  if (entities.contractType === 'hourly') return { kind: 'cannot_handle', reason: 'hourly' };
  // "he closed it, the request came yesterday, THIS IS A SCAM": the case told with its day comes first.
  if (entities.nearScope === 'conduct' && refundDated(u)) return undefined;
  if (entities.nearScope) return { kind: 'cannot_handle', reason: entities.nearScope };
  return undefined;
}

/** Conversation commands (cancel, help, small talk) need the model and one of their own words. */
function commandOf(intents: IntentResult, text: string, minScore: number): Command | undefined {
  const { intent, score } = intents;
  if (!isIntentName(intent) || score < minScore) return undefined;
  const words = COMMAND_WORDS[intent];
  if (!words) return undefined;
  if (!words.test(text)) return undefined;
  switch (intent) {
    case 'cancel':
      return { kind: 'cancel' };
    case 'start_over':
      return { kind: 'start_over' };
    case 'help':
      return { kind: 'help' };
    case 'greeting':
    case 'thanks':
    case 'goodbye':
      return { kind: 'chitchat', topic: intent };
    default:
      return undefined;
  }
}

/**
 * The contract's state decides the route, whatever flow the model picked: "open a dispute for my
 * ongoing contract" is the active route; a refund request on an ended contract is the ended route,
 * and with its day known the deadline comes straight away.
 */
function routeByContract(
  u: TurnUnderstanding,
  intents: IntentResult,
  known: SlotValues,
): Command | undefined {
  const { entities } = u;
  const confidentRoute =
    isIntentName(intents.intent) && ROUTE_BY_CONTRACT.has(intents.intent) && intents.score >= PLAUSIBLE_SCORE;
  const asksDeadline = intents.intent === 'guide_deadline' && known.arrival !== undefined;
  if (refundDated(u) || asksDeadline) return { kind: 'start_flow', topic: 'file_ended' };
  // "the contract is closed already": a state said plainly decides the route as much as a topic.
  const statedState = entities.contractState !== undefined && !QUESTION.test(u.text);
  const troubled = confidentRoute || statedState || MONEY_TROUBLE.test(u.text);
  if (known.contractState === 'active' && troubled) return { kind: 'start_flow', topic: 'file_active' };
  // A refund request of the escrow comes with an ended contract (P3): that route, unless said active.
  const toldRefund = entities.refundRequested === true && !entities.asksHowToCheck;
  if (toldRefund && known.contractState !== 'active' && (hasSituation(u) || !QUESTION.test(u.text)))
    return { kind: 'start_flow', topic: 'file_ended' };
  if (!troubled) return undefined;
  // "client ended the job, my money is still in escrow": exactly the first covered case (P1).
  if (known.contractState === 'ended' && known.escrowFunded === true && !QUESTION.test(u.text))
    return { kind: 'start_flow', topic: 'file_ended' };
  if (known.contractState === 'ended' && intents.intent === 'file_active')
    return { kind: 'start_flow', topic: 'eligibility' };
  // Ended, said plainly: the filing, whose first question (the refund day) also takes "not yet".
  if (statedState && known.contractState === 'ended') return { kind: 'start_flow', topic: 'file_ended' };
  return undefined;
}

function commandForTopic(topic: IntentName): Command {
  if (isGuideIntent(topic)) return { kind: 'answer', guide: topic };
  switch (topic) {
    case 'eligibility':
    case 'file_ended':
    case 'file_active':
    case 'my_disputes':
      return { kind: 'start_flow', topic: topic satisfies FlowTopic };
    case 'talk_to_person':
      return { kind: 'handoff' };
    case 'help':
      return { kind: 'help' };
    case 'cancel':
      return { kind: 'cancel' };
    case 'start_over':
      return { kind: 'start_over' };
    case 'greeting':
    case 'thanks':
    case 'goodbye':
      return { kind: 'chitchat', topic };
    case 'out_of_scope':
      return { kind: 'out_of_scope' };
  }
}
