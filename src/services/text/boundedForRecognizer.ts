/**
 * The slice of a message a text recognizer (money, dates) is given. The Microsoft recognizers'
 * patterns grow far worse than linearly with the numbers in their input: "1," repeated 170 times
 * took 9 s, "on the 2nd " repeated 60 times 3 s, and a turn blocks every other conversation while
 * it runs. Within these bounds a call takes at most a few tens of milliseconds.
 */
export interface RecognizerBounds {
  maxChars: number;
  /** Runs of digits ("1,200.50" holds three). */
  maxNumbers: number;
}

/** Sentence ends: after ".", "!" or "?" followed by white space, and at line breaks. */
const SENTENCE_BREAK = /(?<=[.!?])\s+|\n+/;

/**
 * A normal answer is returned whole (trimmed). A longer one is cut to its first sentence that
 * `mayHold` accepts (one with a digit or a date word, say), and that sentence to the bounds.
 */
export function boundedForRecognizer(text: string, mayHold: RegExp, bounds: RecognizerBounds): string {
  const whole = text.trim();
  if (whole.length <= bounds.maxChars && digitRunsIn(whole) <= bounds.maxNumbers) return whole;
  const sentence = whole.split(SENTENCE_BREAK).find((part) => mayHold.test(part)) ?? '';
  return clipped(sentence.trim(), bounds);
}

function digitRunsIn(text: string): number {
  let runs = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (isDigit(text, index) && !isDigit(text, index - 1)) runs += 1;
  }
  return runs;
}

/** The text up to maxChars (ending at a word break when there is one) and before its (maxNumbers+1)th number. */
function clipped(text: string, bounds: RecognizerBounds): string {
  let end = Math.min(text.length, bounds.maxChars);
  if (end < text.length) {
    const lastSpace = text.lastIndexOf(' ', end);
    if (lastSpace > 0) end = lastSpace;
  }
  let runs = 0;
  for (let index = 0; index < end; index += 1) {
    if (isDigit(text, index) && !isDigit(text, index - 1)) {
      runs += 1;
      if (runs > bounds.maxNumbers) {
        end = index;
        break;
      }
    }
  }
  return text.slice(0, end).trim();
}

function isDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}
