import MiniSearch from 'minisearch';
import { z } from 'zod';
import type { PolicyContent } from '../content/PolicyContent';
import { FACT_IDS, type FactId } from '../content/factIds';
import retrievalData from './data/retrieval.en.json';

const retrievalTopicsSchema = z.object({
  locale: z.literal('en'),
  topics: z
    .array(
      z.object({
        id: z.string().min(1),
        facts: z.array(z.enum(FACT_IDS)).min(1),
        keywords: z.string().min(1),
      }),
    )
    .min(1),
});

/** A passage of the policy content that answers a question: the facts to say, in order. */
export interface RetrievedTopic {
  id: string;
  facts: FactId[];
  /** MiniSearch's BM25 score: only comparable within one index; the policy sets the bar. */
  score: number;
  /** How many distinct query words matched the topic. */
  matchedTerms: number;
}

interface IndexedTopic {
  id: string;
  facts: FactId[];
  text: string;
  keywords: string;
}

// Common words carry no topic: without this, "what", "the" and "do" decide the ranking.
const STOP_WORDS = new Set(
  'a actually all an and are at be but by can could do does for from get got has have how i if in is it its just me my of on or really should so that the their them then there they this to was we what when where which who why will with would you your'.split(
    ' ',
  ),
);

/**
 * A light suffix stemmer: "decides", "decided" and "deciding" meet "decide" in the index. A stem
 * shorter than four letters is no stem: "fixed" (price) must not meet "fix" (a problem).
 */
function stem(word: string): string {
  if (word.length <= 4) return word;
  const stripped = word.replace(/(?:ing|ed|es|s)$/, '');
  return stripped.length >= 4 ? stripped.replace(/e$/, '') : word;
}

/**
 * The "-tion" ending written as it sounds ("arbitrashun", "mediashun", "notificashun"): three edits
 * from the word, too many for fuzzy matching, and common in non-native writing. Index and question
 * both spell the ending one way, so the sounded-out word matches exactly.
 */
const SOUNDED_ENDING = /(?:tion|sion|shun|shon|shen|tian|cion)$/;

function spellEnding(word: string): string {
  return word.length > 6 ? word.replace(SOUNDED_ENDING, 'shn') : word;
}

/** Rankings remembered (see ContentRetriever.recentRankings), for questions up to this long. */
const MAX_RECENT_RANKINGS = 256;
const MAX_REMEMBERED_CHARS = 600;

/** Prefix matching only for words this long: "fix" is no prefix of "fixed", "pay" none of "payment". */
const PREFIX_MIN_LENGTH = 5;

/**
 * Full-text retrieval over the policy content (MiniSearch, BM25 with fuzzy and prefix matching), for
 * questions that no intent names: each topic is a set of facts plus the words people use for them.
 */
export class ContentRetriever {
  private readonly index: MiniSearch<IndexedTopic>;
  /**
   * Recent rankings by question: one turn asks about the same text (and the fixed coverage query)
   * several times, and the index never changes after it is built.
   */
  private readonly recentRankings = new Map<string, RetrievedTopic[]>();
  /** Every topic by id, for answers the policy picks by meaning rather than by words. */
  private readonly topicsById: ReadonlyMap<string, FactId[]>;

  constructor(content: PolicyContent) {
    const { topics } = retrievalTopicsSchema.parse(retrievalData);
    this.topicsById = new Map(topics.map((topic) => [topic.id, topic.facts]));
    this.index = new MiniSearch<IndexedTopic>({
      fields: ['keywords', 'text'],
      storeFields: ['id', 'facts'],
      processTerm: (term) => {
        const lower = term.toLowerCase().replace(/['’]s$/, '');
        return STOP_WORDS.has(lower) ? null : spellEnding(stem(lower));
      },
      searchOptions: {
        boost: { keywords: 2 },
        fuzzy: 0.2,
        prefix: (term: string) => term.length >= PREFIX_MIN_LENGTH,
        combineWith: 'OR',
      },
    });
    this.index.addAll(
      topics.map((topic) => ({
        ...topic,
        text: topic.facts.map((id) => content.fact(id)).join(' '),
      })),
    );
  }

  /**
   * One topic by its id, carrying the strength of the match it stands in for: "what happens after I
   * file?" matches the filing steps by its words, and means the stage after them.
   */
  topic(id: string, strength: Pick<RetrievedTopic, 'score' | 'matchedTerms'>): RetrievedTopic | undefined {
    const facts = this.topicsById.get(id);
    return facts
      ? { id, facts: [...facts], score: strength.score, matchedTerms: strength.matchedTerms }
      : undefined;
  }

  /** The best topic for the question, if any word of it matched. */
  best(question: string): RetrievedTopic | undefined {
    return this.ranked(question)[0];
  }

  /** Every topic a word of the question matched, best first. */
  ranked(question: string): RetrievedTopic[] {
    let ranking = this.recentRankings.get(question);
    if (!ranking) {
      ranking = this.search(question);
      if (question.length <= MAX_REMEMBERED_CHARS) {
        if (this.recentRankings.size >= MAX_RECENT_RANKINGS) {
          this.recentRankings.delete(this.recentRankings.keys().next().value as string);
        }
        this.recentRankings.set(question, ranking);
      }
    }
    // Copies: a caller that changes a topic must not change what the next caller gets.
    return ranking.map((topic) => ({ ...topic, facts: [...topic.facts] }));
  }

  private search(question: string): RetrievedTopic[] {
    return this.index.search(question).map((result) => ({
      id: String(result.id),
      facts: result.facts as FactId[],
      score: result.score,
      matchedTerms: result.queryTerms.length,
    }));
  }
}
