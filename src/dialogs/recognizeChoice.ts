import { Activity } from 'botbuilder';
import {
  Choice as DialogChoice,
  defaultTokenizer,
  findChoices,
  FindChoicesOptions,
  FoundChoice,
  ModelResult,
  recognizeChoices,
} from 'botbuilder-dialogs';
import { Choice } from '../services/replies/choice';
import { choiceSubmissionOf } from '../services/replies/choiceSubmission';

// The bot speaks English, so replies are read as English whatever the client's locale says.
const LOCALE = 'en-us';

// Partial word matches below this share of a title's words ("the" out of "Client ended the contract")
// are too weak to act on: asking again is cheaper than sending a dispute down the wrong path.
const MIN_WORD_MATCH_SCORE = 0.5;

// Words that carry no choice on their own, so a partial match made only of them does not count.
const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and the to of in on for is it my i was be or'.split(' '),
);

// Words that may surround a number or ordinal ("option 2", "the second one please"). A number among
// any other words ("I waited 2 days") is not read as a pick.
const NUMBER_FILLER: ReadonlySet<string> = new Set(
  (
    'the one option options number no choice item answer please pls i id ill want pick choose select ' +
    'take go with it its is that this thanks thank you ok okay a lets me my for yes sure um uh'
  ).split(' '),
);

// The ordinal recognizer reads these as position 0, and "the last one" would fall back to "one".
const RELATIVE_POSITION_WORDS: ReadonlySet<string> = new Set([
  'last',
  'final',
  'next',
  'previous',
  'before',
  'after',
  'penultimate',
]);
const LAST_WORDS: ReadonlySet<string> = new Set(['last', 'final']);

// A pick by position is a few words ("the second one, please"). Longer text is not read as one, so
// the number recognizer (far worse than linear in the numbers it is given) never sees a long message.
const MAX_POSITION_PICK_CHARS = 60;

// Every word the English number and ordinal recognizers read as a position starts with one of these
// ("one", "thirteen", "fifth", "half a dozen"; "next" and "current" resolve to no position). Text
// without any of them, or a digit, holds no pick by position, and the costly recognizers are skipped.
const MAY_NAME_POSITION =
  /\p{N}|\b(?:zero|n[ao]ught|one|two|thr|thir|four|fort|fif|five|six|seven|eigh|nin|ten|elev|twel|twent|hundred|thousand|mill|mln|bill|bln|trill|tln|lakh|crore|doz|half|halv|quarter|first|second|current|next|previous|last|penultimate|antepenultimate)/iu;

/** Words that open a question ("ok so what ...", "and how ..."): no pick of a choice hides in them. */
const QUESTION_LEAD_IN =
  /^(?:(?:ok|okay|alright|right|so|and|then|well|um|hmm)[,.!\s]+)+(?=(?:what|how|who|whose|when|why|where|which|can|could|do|does|is|are|should|will|would)\b)/i;

/**
 * A typed question ("who pays if it goes all the way to arbitration?") does not pick a choice by a
 * common word it shares with a title ("all" of "Show all", "back" of "Back").
 */
const TYPED_QUESTION = /\?\s*$|^(?:who|whose|what|why|when|where|how)\b/i;
const COMMON_IN_QUESTIONS: ReadonlySet<string> = new Set(['all', 'back']);
/** "ok next?", "done, what now?" still go on; in a longer question these words ask something else. */
const MAX_PICKING_QUESTION_WORDS = 6;
const GOING_ON_WORDS: ReadonlySet<string> = new Set(['ok', 'okay', 'done', 'continue', 'next']);

const BASE_OPTIONS: FindChoicesOptions = { locale: LOCALE, noValue: true, noAction: true };

/**
 * Which of `choices` the user picked: a card button (its `value`), a number or ordinal
 * ("2", "#2", "option 2", "the second one", "the last one"), or the title / a synonym in their own
 * words. Returns undefined when nothing matches or the reply could mean more than one choice.
 */
export function recognizeChoice(activity: Partial<Activity>, choices: Choice[]): Choice | undefined {
  if (choices.length === 0) {
    return undefined;
  }
  const submitted = submittedChoice(activity.value, choices);
  if (submitted) {
    return submitted;
  }
  // "ok so what do I write in the dispute": the "ok" opens a question, it does not pick "Next".
  const utterance =
    typeof activity.text === 'string' ? activity.text.trim().replace(QUESTION_LEAD_IN, '') : '';
  if (utterance.length === 0) {
    return undefined;
  }
  return choiceByWords(utterance, choices) ?? choiceByPosition(utterance, choices);
}

/** A card press names the choice's value; a button from an older card may name one not offered now. */
function submittedChoice(value: unknown, choices: Choice[]): Choice | undefined {
  const submitted = choiceSubmissionOf(value)?.choice;
  return submitted === undefined ? undefined : choices.find((choice) => choice.value === submitted);
}

function choiceByWords(utterance: string, choices: Choice[]): Choice | undefined {
  const question = TYPED_QUESTION.test(utterance);
  // "before I hit continue, do I pay for arbitration?": a word for going on does not pick in a long question.
  const longQuestion = question && words(utterance).length > MAX_PICKING_QUESTION_WORDS;
  const utteranceTokens = new Set(tokensOf(utterance));
  // Each choice is searched on its own: searched together, botbuilder hands a shared word ("escrow"
  // in "Escrow refund" and "Escrow release") to one of them and the tie would go unnoticed.
  const matches = toDialogChoices(choices).flatMap((dialogChoice, index) =>
    !sharesAToken(dialogChoice, utteranceTokens)
      ? []
      : findChoices(utterance, [dialogChoice], { ...BASE_OPTIONS, allowPartialMatches: true })
          .filter((match) => {
            if (match.resolution.score < MIN_WORD_MATCH_SCORE) return false;
            const matched = words(match.text);
            return (
              !(question && matched.every((word) => COMMON_IN_QUESTIONS.has(word))) &&
              !(longQuestion && matched.every((word) => GOING_ON_WORDS.has(word))) &&
              matched.some((word) => !STOP_WORDS.has(word))
            );
          })
          .map((match) => ({ ...match, resolution: { ...match.resolution, index } })),
  );
  return bestSingleChoice(matches, choices);
}

function choiceByPosition(utterance: string, choices: Choice[]): Choice | undefined {
  if (utterance.length > MAX_POSITION_PICK_CHARS) {
    return undefined;
  }
  const tokens = words(utterance);
  if (tokens.some((word) => RELATIVE_POSITION_WORDS.has(word))) {
    // Only a plain "last" is answered; "second to last" or "the next one" are not guessed at.
    const onlyLast =
      tokens.some((word) => LAST_WORDS.has(word)) &&
      tokens.every((word) => LAST_WORDS.has(word) || NUMBER_FILLER.has(word));
    return onlyLast ? choices[choices.length - 1] : undefined;
  }
  if (!MAY_NAME_POSITION.test(utterance)) {
    return undefined;
  }
  const byIndex = recognizeChoices(utterance, toDialogChoices(choices), BASE_OPTIONS).filter(
    // Results without a synonym come from the number/ordinal recognizers, not from words.
    (match) => match.resolution.synonym === undefined,
  );
  if (byIndex.length === 0) {
    return undefined;
  }
  const matchedWords = new Set(byIndex.flatMap((match) => words(match.text)));
  const otherWords = tokens.filter((word) => !matchedWords.has(word));
  if (!otherWords.every((word) => NUMBER_FILLER.has(word))) {
    return undefined;
  }
  return bestSingleChoice(byIndex, choices);
}

/** The best-scoring choice, or undefined when two different choices score equally ("1 or 2"). */
function bestSingleChoice(matches: ModelResult<FoundChoice>[], choices: Choice[]): Choice | undefined {
  const bestScoreByIndex = new Map<number, number>();
  for (const { resolution } of matches) {
    bestScoreByIndex.set(
      resolution.index,
      Math.max(resolution.score, bestScoreByIndex.get(resolution.index) ?? 0),
    );
  }
  const ranked = [...bestScoreByIndex.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) {
    return undefined;
  }
  return choices[ranked[0][0]];
}

// The title is matched like any synonym; the value is an internal id and is not offered as a word.
function toDialogChoices(choices: Choice[]): DialogChoice[] {
  return choices.map((choice) => ({
    value: choice.value,
    synonyms: [choice.title, ...(choice.synonyms ?? [])],
  }));
}

// Choice titles and synonyms are a small fixed vocabulary (plus a user's dispute references): their
// tokens are kept rather than worked out again on every turn that offers them.
const MAX_REMEMBERED_TITLES = 2000;
const titleTokens = new Map<string, string[]>();

/** botbuilder's own tokens (lowercased), so the test below agrees with how findChoices compares. */
function tokensOf(text: string): string[] {
  return defaultTokenizer(text, LOCALE).map((token) => token.normalized);
}

/**
 * findChoices only matches a choice by a token its title or a synonym shares with the utterance; a
 * choice that shares none is not searched at all (most choices on most turns: the search is costly).
 */
function sharesAToken(choice: DialogChoice, utteranceTokens: ReadonlySet<string>): boolean {
  return (choice.synonyms ?? []).some((synonym) => {
    let tokens = titleTokens.get(synonym);
    if (!tokens) {
      tokens = tokensOf(synonym.trim());
      if (titleTokens.size >= MAX_REMEMBERED_TITLES) titleTokens.clear();
      titleTokens.set(synonym, tokens);
    }
    return tokens.some((token) => utteranceTokens.has(token));
  });
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}
