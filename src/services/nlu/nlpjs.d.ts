// Minimal typings for the parts of NLP.js v4 this project uses (the packages ship no types).
declare module '@nlpjs/nlp' {
  export interface NlpSettings {
    languages?: string[];
    autoSave?: boolean;
    autoLoad?: boolean;
    modelFileName?: string;
    threshold?: number;
    forceNER?: boolean;
    calculateSentiment?: boolean;
    nlu?: { log?: boolean; useNoneFeature?: boolean; spellCheck?: boolean };
  }

  export interface NlpClassification {
    intent: string;
    score: number;
  }

  export interface NlpProcessResult {
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }

  export class Nlp {
    constructor(settings?: NlpSettings);
    use(plugin: unknown): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpProcessResult>;
  }
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
