import { Culture as DateCulture, DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { Culture as UnitCulture, recognizeCurrency } from '@microsoft/recognizers-text-number-with-unit';
import heldout from '../nlu/heldout.en.json';
import { defaultTrainingCorpus } from '../../src/services/nlu/trainingCorpus';
import { extractMoney, mayHoldAmount } from '../../src/services/nlu/extractMoney';
import { mayHoldDate } from '../../src/services/time/dateRecognizer';
import { SCENARIOS } from '../../bench/scenarios';

/**
 * The cheap tests in front of the date and money recognizers must never hide what the recognizers
 * would find. Checked against the recognizers themselves, unfiltered, on every utterance the
 * project knows (training corpus, held-out set, the bench's conversations) and on answers people
 * give to "when did it arrive?" and "how much is in escrow?".
 */
const DATE_ANSWERS = [
  'yesterday',
  'christmas',
  'new year',
  'mid november',
  'the weekend',
  'noon',
  'this morning',
  'a couple of days back',
  'beginning of the month',
  'end of last week',
  'thanksgiving',
  'tonight',
  'right now',
  'today',
  'ides of march',
  'labor day',
  'the day before yesterday',
  'second of november',
  'two weeks',
  'black friday',
  'q3',
  'summer',
  'it came in the evening',
  'at 3pm',
  'around 9 a.m.',
  'last Tues',
  'Weds',
  'sept 3',
  'a fortnight ago',
  'three days ago',
];

const MONEY_ANSWERS = [
  '$500',
  'one dollar',
  'half a million dollars',
  'five hundred euros',
  'EUR 1,200.50',
  'about 300 USD',
  'twenty pounds',
  '1.5k dollars',
  'a thousand dollars',
];

function knownUtterances(): string[] {
  const corpora = [defaultTrainingCorpus(), heldout as { data: Array<{ utterances: string[] }> }];
  const utterances = corpora.flatMap((corpus) => corpus.data.flatMap((entry) => entry.utterances));
  const scripted = SCENARIOS.flatMap((scenario) => scenario.turns.map((turn) => turn.text ?? ''));
  return [...utterances, ...scripted].filter(Boolean);
}

describe('cheap tests in front of the recognizers', () => {
  const reference = new Date(2026, 10, 26, 10, 30);
  const dates = new DateTimeRecognizer(DateCulture.English).getDateTimeModel();

  it('let through every text in which the date recognizer finds a date, and skip most others', () => {
    const texts = [...knownUtterances(), ...DATE_ANSWERS];
    const hidden = texts.filter((text) => dates.parse(text, reference).length > 0 && !mayHoldDate(text));
    expect(hidden).toEqual([]);
    const skipped = knownUtterances().filter((text) => !mayHoldDate(text));
    expect(skipped.length / knownUtterances().length).toBeGreaterThan(0.5);
  });

  it('let through every text in which the money recognizer finds an amount, and skip most others', () => {
    const texts = [...knownUtterances(), ...MONEY_ANSWERS];
    const amountIn = (text: string) =>
      recognizeCurrency(text, UnitCulture.English).some((found) => found.resolution.value !== undefined);
    expect(texts.filter((text) => amountIn(text) && !mayHoldAmount(text))).toEqual([]);
    for (const answer of MONEY_ANSWERS) expect(extractMoney(answer)).toBeDefined();
    const skipped = knownUtterances().filter((text) => !mayHoldAmount(text));
    expect(skipped.length / knownUtterances().length).toBeGreaterThan(0.5);
  });
});
