/**
 * Masks what could identify a person or their case in text kept for supervisors (not-understood
 * messages, rating comments): emails, links, dispute and contract references, amounts, phone numbers
 * and other long numbers, and names. It errs on the side of masking: a masked word costs a little
 * training value, a kept name costs privacy.
 */
const RULES: ReadonlyArray<[pattern: RegExp, mask: string]> = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, '[email]'],
  [/\b(?:https?:\/\/|www\.)\S+/gi, '[link]'],
  // Dispute references as users type them ("FPD-7KQ2M9XH4C", "fpd 7kq2-m9xh-4c").
  [/\bFPD[\s-]*(?:[0-9A-Z][\s-]?){9}[0-9A-Z]\b/gi, '[reference]'],
  // Contract, order or ticket numbers with a label ("contract #12345", "job id: A-778").
  [
    /\b(contract|job|order|ticket|case|milestone|invoice)(\s*(?:#|no\.?|number|id)\s*:?\s*)[\w-]*\d[\w-]*/gi,
    '$1 [reference]',
  ],
  // Amounts: a currency sign or code with a number, either way round ("$500", "1,200 EUR", "€ 99.50").
  [/(?:[$€£¥₹]|\b(?:usd|eur|gbp|cad|aud|inr)\b)\s?\d(?:[\d,.]*\d)?(?:\s?[km]\b)?/gi, '[amount]'],
  [
    /\b\d(?:[\d,.]*\d)?\s?(?:[km]\s?)?(?:[$€£¥₹]|\b(?:usd|eur|gbp|cad|aud|inr|dollars?|euros?|pounds?|bucks)\b)/gi,
    '[amount]',
  ],
  // Phone numbers: 7+ digits with the usual separators, with or without a country code.
  [/(?:\+|\b00)?\(?\d[\d\s().-]{5,}\d\b/g, '[phone]'],
  // Any other number of 4+ digits (ids, account numbers); short numbers ("3 days") stay.
  [/\b\d{4,}\b/g, '[number]'],
];

/** Words that introduce a name, even when the user writes it in lower case. */
const NAME_AFTER =
  /\b(my name is|name's|i am|i'm|im|this is|call me|signed|regards,?|thanks,?|client is|client|named|called)\s+([\p{L}'-]+)/giu;

/** Capitalised words that are not names: the product's own words, months, days, pronoun "I". */
const NOT_NAMES = new Set(
  [
    'I',
    "I'm",
    "I've",
    "I'd",
    "I'll",
    'OK',
    'Fixed',
    'Fixed-Price',
    'Price',
    'Protection',
    'FPP',
    'Upwork',
    'Customer',
    'Support',
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday',
  ].map((word) => word.toLowerCase()),
);

/** Words after the name cues that are ordinary words, not names ("I am not sure", "this is urgent"). */
const COMMON_AFTER_CUE = new Set(
  "a an the not so very just still here there sure ok okay fine good happy unhappy confused waiting trying looking wondering asking going done is was has had did does refused wont won't says said wants asked my your their it that this what how when why on at in by to from with and or back later tomorrow today now for about again".split(
    ' ',
  ),
);

export function maskPersonalData(text: string): string {
  let masked = text;
  for (const [pattern, mask] of RULES) masked = masked.replace(pattern, mask);
  masked = masked.replace(NAME_AFTER, (whole, cue: string, word: string) =>
    COMMON_AFTER_CUE.has(word.toLowerCase()) ? whole : `${cue} [name]`,
  );
  // "[name] [name]" (a first name and a surname) reads as one name.
  return maskCapitalisedWords(masked).replace(/\[name\](?:\s+\[name\])+/g, '[name]');
}

/** A capitalised word inside a sentence is most likely a name (a person, a company): masked. */
function maskCapitalisedWords(text: string): string {
  return text.replace(/([^.!?\s]\s+)([\p{Lu}][\p{L}'-]+)/gu, (whole, before: string, word: string) =>
    NOT_NAMES.has(word.toLowerCase()) ? whole : `${before}[name]`,
  );
}
