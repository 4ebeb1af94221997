import { Culture, DateTimeRecognizer, type IDateTimeModel } from '@microsoft/recognizers-text-date-time';
import { z } from 'zod';

/** One reading the recognizer offers for a phrase; several when the phrase is ambiguous ("Friday"). */
export interface RecognizedValue {
  timex: string;
  /** date | datetime | time | daterange | datetimerange | timerange | duration | set */
  type: string;
  /** "2026-11-25", "2026-11-25 15:00:00", "15:00:00", or "not resolved" */
  value?: string;
  start?: string;
  end?: string;
}

/** A date or time phrase found in the text, e.g. "last friday" with its readings. */
export interface RecognizedDatePhrase {
  text: string;
  values: RecognizedValue[];
}

const resolutionSchema = z.object({
  values: z.array(
    z.object({
      timex: z.string().default(''),
      type: z.string(),
      value: z.string().optional(),
      start: z.string().optional(),
      end: z.string().optional(),
    }),
  ),
});

let model: IDateTimeModel | undefined;

/**
 * A cheap test before the recognizer (a few milliseconds a call): text without a digit and without
 * any of these words holds no date it can find. Month and weekday names (and their short forms),
 * relative days and parts of the day, units of time, seasons and the holidays it knows.
 * test/time/dateFilter.test.ts checks it against every utterance and date answer in the tests.
 */
const MAY_HOLD_DATE = new RegExp(
  [
    '\\d',
    '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)',
    '\\b(?:mon|tue|wed|thu|fri|sat|sun)',
    '\\b(?:today|tonight|tomorrow|tmrw?|yesterday|now|ago|recent|noon|midnight|midday|morning|afternoon|evening|night)',
    '\\b(?:sec|min|hour|hr|day|week|fortnight|month|year|yr|decade|centur|quarter|q[1-4]\\b|weekend)',
    '\\b(?:am|pm|a\\.m|p\\.m|o\\W?clock)\\b',
    '\\b(?:spring|summer|autumn|fall|winter|christmas|xmas|easter|halloween|thanksgiving|new year|valentine|labou?r|memorial|independence|boxing|mother|father|black|cyber|holiday|eve\\b)',
  ].join('|'),
  'i',
);

/** False when the text cannot hold a date the recognizer finds; true does not mean it holds one. */
export function mayHoldDate(text: string): boolean {
  return MAY_HOLD_DATE.test(text);
}

function dateTimeModel(): IDateTimeModel {
  model ??= new DateTimeRecognizer(Culture.English).getDateTimeModel();
  return model;
}

/**
 * The recognizer throws on some word orders ("I said before, ... this morning" merges a "before" it
 * cannot attach): then each clause is read on its own, and a clause it still cannot read holds no date.
 */
function parseSafely(text: string, reference: Date): ReturnType<IDateTimeModel['parse']> {
  try {
    return dateTimeModel().parse(text, reference);
  } catch {
    const clauses = text.split(/[,.;!?]+/).filter((clause) => clause.trim() !== '');
    if (clauses.length < 2) return [];
    return clauses.flatMap((clause) => parseSafely(clause, reference));
  }
}

/**
 * Finds the date and time phrases in `text`, read against `reference` (see recognizerReferenceFor:
 * its local fields are the user's wall clock). Phrases whose resolution has an unexpected shape are skipped.
 */
export function recognizeDatePhrases(text: string, reference: Date): RecognizedDatePhrase[] {
  const phrases: RecognizedDatePhrase[] = [];
  if (!mayHoldDate(text)) return phrases;
  for (const result of parseSafely(text, reference)) {
    const resolution = resolutionSchema.safeParse(result.resolution);
    if (resolution.success) {
      phrases.push({ text: result.text, values: resolution.data.values });
    } else if (result.text !== text) {
      // "ended by the client yesterday": "by" opens a span the recognizer cannot resolve; the
      // phrase it matched, read on its own, holds the day ("the client yesterday" is yesterday).
      phrases.push(...recognizeDatePhrases(result.text, reference));
    }
  }
  return phrases;
}

/**
 * Builds the recognizer and runs it on a few shapes of answer (words, ordinals, numeric dates): its
 * first calls compile many patterns and take a while, which belongs at start, not in a user's turn.
 */
export function warmUpDateRecognizer(): void {
  const reference = new Date(2026, 0, 1, 12, 0, 0);
  for (const answer of ['it arrived last friday at 3pm', 'on the 2nd', '1/11/2026 at 15:30', 'Nov 3']) {
    recognizeDatePhrases(answer, reference);
  }
}
