/**
 * One option the user can pick. `value` is the stable id the bot acts on; `title` is what the user
 * sees (button label, numbered line); `synonyms` are other words a user might type for it.
 */
export interface Choice {
  value: string;
  title: string;
  synonyms?: string[];
}
