import type { Choice } from './choice';

/** An answer: an optional title, then paragraphs, with optional follow-up choices under it. */
export interface InfoContent {
  title?: string;
  lines: string[];
  /** Optional follow-ups offered under the answer. */
  choices?: Choice[];
}
